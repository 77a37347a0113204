import ts from '../../policy/typescript.cjs';
import { heldReference, isLocalCode } from './local-implementation.js';
import { canonicalBuiltin, packageNameOf } from '../../policy/index.js';
import type { ImportedEscapes, Resolved, TypeOracle } from '../syntax/index.js';
import { skipOuter } from '../syntax/index.js';
import { isJavaScriptParameter, typeBearing } from './call-handoff.js';
import { ownerOf } from './declaration-owner.js';
import { createEscapeFinder, type FlowCheck } from './untyped-escapes.js';
import { exportStarHandOuts, loadedFileHandOuts } from './export-star-facades.js';
import { importedProjectFiles } from './imported-files.js';
import { isLibraryDeclaration } from './lossy-slot.js';

function canonical(specifier: string): string {
  return canonicalBuiltin(specifier) ?? packageNameOf(specifier);
}

function isExternalSpecifier(specifier: string): boolean {
  return !(specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#'));
}

/** The module an import alias names (`import { x } from 'm'`, `import m = require('m')`). */
function importedFrom(alias: ts.Symbol): string | undefined {
  for (let node: ts.Node | undefined = alias.declarations?.[0]; node !== undefined; node = node.parent) {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
    if (ts.isImportEqualsDeclaration(node)) {
      const reference = node.moduleReference;
      return ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression) ? reference.expression.text : undefined;
    }
    if (ts.isSourceFile(node)) return undefined;
  }
  return undefined;
}

/** The leftmost identifier of `a.b.c` / `a['b']`. */
function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let current = skipOuter(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipOuter(current.expression);
  return ts.isIdentifier(current) ? current : undefined;
}

function typeMayBeFunction(type: ts.Type, depth = 0): boolean {
  if (depth > 8 || (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.NonPrimitive)) !== 0) return true;
  if (type.isUnionOrIntersection()) return type.types.some((member) => typeMayBeFunction(member, depth + 1));
  if ((type.flags & ts.TypeFlags.TypeParameter) !== 0) {
    const constraint = type.getConstraint();
    return constraint === undefined || typeMayBeFunction(constraint, depth + 1);
  }
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return true;
  return type.getSymbol()?.getName() === 'Function';
}

/** A cast anywhere in an expression (not inside a nested function): `x as unknown as string[]`. `as const` changes no kind. */
function containsAssertion(node: ts.Node): boolean {
  if (ts.isFunctionLike(node)) return false;
  if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !(ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const')) return true;
  return ts.forEachChild(node, containsAssertion) ?? false;
}

/** A variable, property or parameter whose value was cast on its way in: its declared type may lie. */
function isAssertedDeclaration(declaration: ts.Declaration): boolean {
  const initializer = ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration) || ts.isPropertyAssignment(declaration) ? declaration.initializer : undefined;
  return initializer !== undefined && containsAssertion(initializer);
}

/** Symbols whose declarations are the signatures themselves (functions, methods, classes), not a typed slot holding one. */
const OWN_SIGNATURES = ts.SymbolFlags.Function | ts.SymbolFlags.Method | ts.SymbolFlags.Class | ts.SymbolFlags.Constructor;
const TYPED_SLOT = ts.SymbolFlags.Variable | ts.SymbolFlags.Property | ts.SymbolFlags.Accessor;

function declaresOwnSignatures(symbol: ts.Symbol | undefined): boolean {
  return symbol !== undefined && (symbol.flags & OWN_SIGNATURES) !== 0 && (symbol.flags & TYPED_SLOT) === 0;
}

/**
 * The TypeOracle over one program's checker: references are classified by the declaration
 * they resolve to (ownerOf), never by their spelling. Works on the raw compiler objects, so the
 * guard (ts-morph's program) and the plugin (typescript-eslint's) share it as is. A file for which
 * `mayHoldEscapes` is false (it can see no capability: capability-visibility.ts) is not searched for escapes.
 * `flow` orders the escape finder's questions (untyped-escapes.ts FlowCheck).
 */
export function createTypeOracle(checker: ts.TypeChecker, mayHoldEscapes: (file: ts.SourceFile) => boolean = () => true, flow: FlowCheck = 'gated'): TypeOracle {
  const ownerOfSymbol = (symbol: ts.Symbol | undefined): Resolved | undefined => ownerOfDeclarations(symbol?.declarations ?? []);
  const ownerOfDeclarations = (declarations: readonly ts.Declaration[]): Resolved | undefined => {
    for (const declaration of declarations) {
      const owner = ownerOf(declaration);
      if (owner !== undefined) return owner;
    }
    return undefined;
  };

  /** The syntax judged an import from an external module already; the same module found again through it is no news. */
  const judgedAtImport = (node: ts.Expression, owner: Resolved | undefined): boolean => {
    if (owner?.kind !== 'module-member') return false;
    const root = rootIdentifier(node);
    const symbol = root === undefined ? undefined : checker.getSymbolAtLocation(root);
    if (symbol === undefined || (symbol.flags & ts.SymbolFlags.Alias) === 0) return false;
    const specifier = importedFrom(symbol);
    return specifier !== undefined && isExternalSpecifier(specifier) && canonical(specifier) === canonical(owner.specifier);
  };

  /** The symbol a callee names (through import aliases), for identifiers and member accesses only. */
  const calleeSymbol = (callee: ts.Expression): ts.Symbol | undefined => {
    const inner = skipOuter(callee);
    return ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner) ? symbolOf(inner) : undefined;
  };

  const symbolOf = (node: ts.Expression): ts.Symbol | undefined => {
    const at = ts.isPropertyAccessExpression(node) ? node.name : ts.isElementAccessExpression(node) ? node.argumentExpression : node;
    const symbol = checker.getSymbolAtLocation(at);
    if (symbol === undefined || (symbol.flags & ts.SymbolFlags.Alias) === 0) return symbol;
    return checker.getAliasedSymbol(symbol);
  };

  const bySignature = (call: ts.CallExpression | ts.NewExpression): Resolved | undefined => {
    // A callee named by a function, method or class carries its own signatures: its declarations
    // answer without asking the checker for the callee's type.
    const callee = calleeSymbol(call.expression);
    if (declaresOwnSignatures(callee)) return ownerOfSymbol(callee);
    const type = checker.getTypeAtLocation(call.expression);
    const signatures = ts.isCallExpression(call) ? type.getCallSignatures() : type.getConstructSignatures();
    for (const signature of signatures) {
      const declaration = signature.getDeclaration() as ts.Declaration | undefined;
      const owner = declaration === undefined ? undefined : ownerOf(declaration);
      if (owner !== undefined) return owner;
    }
    return undefined;
  };

  /** What `node` is by its declaration, even when the syntax judged the import it came from. */
  const ownerAt = (node: ts.Expression): Resolved | undefined => {
    const isCall = ts.isCallExpression(node) || ts.isNewExpression(node);
    const reference = isCall ? node.expression : node;
    // A value that is the project's own code is judged where that code is written, not by its declared type.
    if (isLocalCode(checker, reference)) return undefined;
    // A const's value is its initializer, whatever its annotation says: `run(…)` with `const run: (c: string) => Buffer = execSync` is `execSync(…)`.
    const held = heldReference(checker, reference);
    const heldOwner = held === undefined ? undefined : ownerOfSymbol(symbolOf(held));
    if (heldOwner !== undefined) return heldOwner;
    return isCall ? bySignature(node) : ownerOfSymbol(symbolOf(node));
  };

  const resolve = (node: ts.Expression): Resolved | undefined => {
    const owner = ownerAt(node);
    return judgedAtImport(ts.isCallExpression(node) || ts.isNewExpression(node) ? node.expression : node, owner) ? undefined : owner;
  };

  /**
   * A value that is itself a capability: a module namespace, a function a module exports, `Function`, the loader.
   * `escaping`: the value leaves the types, so an import the syntax judged (its module's own use) is no excuse.
   */
  const bearingValue = (node: ts.Expression, escaping = false): Resolved | undefined => {
    const byDeclaration = escaping ? ownerAt(node) : resolve(node);
    if (byDeclaration !== undefined) return byDeclaration;
    // A function or class is its own value (resolve judged its declarations); only what a variable, parameter or property holds can be foreign.
    const symbol = symbolOf(node);
    if (declaresOwnSignatures(symbol) || isJavaScriptParameter(symbol) || isLocalCode(checker, node)) return undefined;
    return typeBearing(checker.getTypeAtLocation(node));
  };

  const escapesIn = createEscapeFinder(checker, (node) => bearingValue(node, true), judgedAtImport, typeBearing, flow);

  return {
    resolve,
    untypedEscapes: escapesIn,
    importedEscapes(specifier) {
      const escapes: ImportedEscapes[] = [];
      const files = importedProjectFiles(checker, specifier);
      for (const file of files) {
        // The visibility pre-pass spares files that can see no capability; a facade's hand-outs are read regardless.
        const found = [...(mayHoldEscapes(file) ? escapesIn(file) : []), ...exportStarHandOuts(file)];
        if (found.length > 0) escapes.push({ file, escapes: found });
      }
      // A compiled facade loaded by `require`/`createRequire` is no file of the program: read it (export-star-facades.ts).
      return files.length > 0 ? escapes : loadedFileHandOuts(specifier);
    },
    mayBeFunction(node) {
      // Only a type the code cannot have lied about counts: the declared type of a name (not one
      // narrowed by a user's type predicate), declared without a cast. A call's result (an
      // overload may claim any return type) and any other expression may be a function.
      const inner = skipOuter(node);
      if (inner.kind === ts.SyntaxKind.ThisKeyword) return typeMayBeFunction(checker.getTypeAtLocation(inner));
      if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner)) return true;
      const symbol = symbolOf(inner);
      if (symbol === undefined || (symbol.declarations ?? []).some(isAssertedDeclaration)) return true;
      return typeMayBeFunction(checker.getTypeOfSymbol(symbol));
    },
    libraryTypeName(node) {
      const symbol = checker.getTypeAtLocation(node).getSymbol();
      const declaration = symbol?.declarations?.[0];
      return symbol !== undefined && declaration !== undefined && isLibraryDeclaration(declaration) ? symbol.getName() : undefined;
    },
    capabilityValue(expression) {
      const node = skipOuter(expression);
      return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ? bearingValue(node) : undefined;
    },
  };
}
