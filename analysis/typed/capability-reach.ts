import ts from '../../policy/typescript.cjs';
import {
  GLOBAL_OBJECT_MEMBERS,
  GLOBAL_OBJECT_NAMES,
  GLOBAL_ROWS,
  GLOBAL_TYPE_ROWS,
  LOADER_BOOKKEEPING_MEMBERS,
  LOADER_NAMES,
  RECOMMENDED_POLICY,
  classifyModule,
  globalCapabilities,
  memberCapabilities,
  processMemberCapabilities,
} from '../../policy/index.js';
import type { Resolved } from '../syntax/index.js';
import { ownerOf } from './declaration-owner.js';

/** Globals whose value, handed to an untyped place, is the capability itself. */
export const BEARING_GLOBALS: ReadonlySet<string> = new Set(['Function', 'process', 'eval', ...LOADER_NAMES, ...GLOBAL_OBJECT_NAMES]);

/** Every global the policy says anything about: what a declaration owned by one of them reaches is judged by the policy. */
const CAPABILITY_GLOBALS: ReadonlySet<string> = new Set([
  ...BEARING_GLOBALS,
  ...GLOBAL_ROWS.map((row) => row.global),
  ...GLOBAL_OBJECT_MEMBERS.map(([global]) => global),
  ...GLOBAL_TYPE_ROWS.map((row) => row.global),
]);

/**
 * An owner the walk could report: a module or module member with a capability row (a project's
 * own `declare module '../utils'` has none: that file is judged itself), a global the policy names, a member of one that
 * the policy does not call pure (`Function.prototype`, `process.argv` and `Deno.args` are), or
 * a `constructor` member (judged as the Function constructor). Independent of the policy in
 * use, so one answer serves every file of a program. What a pure member's type leads to is
 * followed on its own.
 */
export function isCapabilityOwner(owner: Resolved): boolean {
  if (owner.kind === 'module-member') {
    // Builtins and known capability packages have the same rows under every policy; only an
    // unlisted package's denial depends on it, and the types never report that (the import does).
    const { specifier, member } = owner;
    const capabilities = member === null ? classifyModule(specifier, RECOMMENDED_POLICY).capabilities : memberCapabilities(specifier, member, RECOMMENDED_POLICY);
    return capabilities.some((capability) => capability !== 'UNKNOWN_PACKAGE');
  }
  const { name, member } = owner;
  if (member === null) return CAPABILITY_GLOBALS.has(name);
  if (member === 'constructor') return true;
  if (GLOBAL_OBJECT_NAMES.includes(name)) return CAPABILITY_GLOBALS.has(member) || member === 'arguments';
  if (name === 'process') return processMemberCapabilities(member).length > 0;
  if (name === 'require' || name === 'module') return !LOADER_BOOKKEEPING_MEMBERS[name].includes(member);
  return CAPABILITY_GLOBALS.has(name) && (globalCapabilities(name, member) ?? ['UNANALYZED']).length > 0;
}

/** Which declarations of a symbol a reference means: a type reference never means the `var` merged with an interface. */
export type Meaning = 'value' | 'type' | 'any';

function declarationsFor(symbol: ts.Symbol, meaning: Meaning): readonly ts.Declaration[] {
  const declarations = symbol.declarations ?? [];
  if (meaning === 'any') return declarations;
  if (meaning === 'type') return declarations.filter((declaration) => !ts.isVariableDeclaration(declaration) && !ts.isFunctionDeclaration(declaration));
  return declarations.filter((declaration) => !ts.isInterfaceDeclaration(declaration) && !ts.isTypeAliasDeclaration(declaration));
}

/** The name a declaration gives itself, or a member named after a dot: not a reference to resolve by scope. */
export function isDeclaredName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent as ts.Node & { name?: ts.Node };
  if (ts.isShorthandPropertyAssignment(parent)) return false;
  if (ts.isQualifiedName(parent)) return parent.right === identifier;
  return parent.name === identifier;
}

/** What a reference (a name, `a.b`, `A.B`) in a type or an expression means. */
export function meaningAt(reference: ts.Node): Meaning {
  const parent = reference.parent;
  if (ts.isTypeReferenceNode(parent)) return 'type';
  if (ts.isExpressionWithTypeArguments(parent)) {
    const clause = parent.parent;
    return ts.isHeritageClause(clause) && clause.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(clause.parent) ? 'value' : 'type';
  }
  if (ts.isTypeQueryNode(parent)) return 'value';
  if (ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent.parent)) return 'any';
  return 'value';
}

/**
 * Whether a declared symbol can lead to a capability through its declarations: the types and
 * values its declarations name, followed through every declaration they resolve to (interfaces,
 * their members, signatures, `typeof` queries, heritage), until one is owned by a capability
 * holder (`Window`, `NodeJS.Process`, a module's export, `Function`'s value). Name resolution
 * only: no expression is type-checked, so the answer costs a walk of declaration files,
 * memoized per symbol for the program.
 */
export function createCapabilityReach(checker: ts.TypeChecker): (symbol: ts.Symbol, meaning: Meaning) => boolean {
  const known = new Map<ts.Symbol, Map<Meaning, boolean>>();
  const remember = (symbol: ts.Symbol, meaning: Meaning, value: boolean): void => {
    let byMeaning = known.get(symbol);
    if (byMeaning === undefined) known.set(symbol, (byMeaning = new Map()));
    byMeaning.set(meaning, value);
  };

  return (root, rootMeaning) => {
    const answer = known.get(root)?.get(rootMeaning);
    if (answer !== undefined) return answer;
    // One search: every symbol it visits is explored to the end unless a capability is found,
    // so a search that finds nothing proves every symbol it visited clean.
    const visited = new Map<ts.Symbol, Set<Meaning>>();
    const visitedSymbols: Array<[ts.Symbol, Meaning]> = [];

    const reaches = (start: ts.Symbol, meaning: Meaning): boolean => {
      const symbol = (start.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(start) : start;
      if ((symbol.flags & ts.SymbolFlags.TypeParameter) !== 0) return false;
      const memo = known.get(symbol)?.get(meaning);
      if (memo !== undefined) return memo;
      let meanings = visited.get(symbol);
      if (meanings === undefined) visited.set(symbol, (meanings = new Set()));
      if (meanings.has(meaning)) return false;
      meanings.add(meaning);
      visitedSymbols.push([symbol, meaning]);
      // `globalThis` has no declaration of its own.
      if ((symbol.declarations ?? []).length === 0) return CAPABILITY_GLOBALS.has(symbol.name);
      // A symbol found to reach does so whatever search asked: remembered at once, so the next
      // search through it (another name of a type every file uses) stops there.
      const found = declarationsFor(symbol, meaning).some((declaration) => declarationReaches(declaration));
      if (found) remember(symbol, meaning, true);
      return found;
    };

    const referenceReaches = (node: ts.Node, meaning: Meaning): boolean => {
      const symbol = checker.getSymbolAtLocation(node);
      return symbol !== undefined && reaches(symbol, meaning);
    };

    /**
     * Only a conditional type's branches become a value's type, plus what its `infer`s bind.
     * @types/node's idiom `typeof globalThis extends { URL: infer T } ? T : typeof import('url').URL`
     * binds the global of that name; any other `infer` is followed through the whole checked type.
     */
    const inferredReaches = (conditional: ts.ConditionalTypeNode): boolean => {
      const { checkType, extendsType } = conditional;
      if (!containsInfer(extendsType)) return false;
      const ofGlobalObject = ts.isTypeQueryNode(checkType) && ts.isIdentifier(checkType.exprName) && checkType.exprName.text === 'globalThis';
      if (!ofGlobalObject || !ts.isTypeLiteralNode(extendsType)) return nodeReaches(checkType) || nodeReaches(extendsType);
      return extendsType.members.some((member) => {
        if (!containsInfer(member)) return false;
        if (!ts.isPropertySignature(member) || member.type === undefined || !ts.isInferTypeNode(member.type) || !ts.isIdentifier(member.name)) return true;
        const global = checker.resolveName(member.name.text, conditional, ts.SymbolFlags.Value, false);
        return global !== undefined && reaches(global, 'value');
      });
    };

    /** A node inside a declaration: the references it makes, the members it declares. */
    const nodeReaches = (node: ts.Node): boolean => {
      if (ts.isImportTypeNode(node)) {
        // `typeof import('url').URL` means that export; `typeof import('fs')` the module itself.
        const named = node.qualifier ?? (ts.isLiteralTypeNode(node.argument) ? node.argument.literal : undefined);
        if (named === undefined) return true;
        return referenceReaches(ts.isQualifiedName(named) ? named.right : named, node.isTypeOf ? 'value' : 'type') || (node.typeArguments?.some(nodeReaches) ?? false);
      }
      if (ts.isConditionalTypeNode(node)) return nodeReaches(node.trueType) || nodeReaches(node.falseType) || inferredReaches(node);
      if (ts.isTypeReferenceNode(node)) return referenceReaches(ts.isQualifiedName(node.typeName) ? node.typeName.right : node.typeName, 'type') || (node.typeArguments?.some(nodeReaches) ?? false);
      if (ts.isTypeQueryNode(node)) return referenceReaches(ts.isQualifiedName(node.exprName) ? node.exprName.right : node.exprName, 'value') || (node.typeArguments?.some(nodeReaches) ?? false);
      // `globalThis.Iterator`, `NodeJS.Process`, `import x = globalThis.atob`: the name on the right is what is meant.
      if (ts.isQualifiedName(node)) return referenceReaches(node.right, meaningAt(node));
      if (ts.isPropertyAccessExpression(node) && isNameChain(node)) return referenceReaches(node.name, meaningAt(node));
      if (ts.isIdentifier(node)) return !isDeclaredName(node) && referenceReaches(node, meaningAt(node));
      if (isNamedMember(node)) {
        const owner = ownerOf(node);
        if (owner !== undefined && isCapabilityOwner(owner)) return true;
      }
      return ts.forEachChild(node, nodeReaches) ?? false;
    };

    const declarationReaches = (declaration: ts.Node): boolean => {
      const owner = ownerOf(declaration);
      if (owner !== undefined && isCapabilityOwner(owner)) return true;
      return ts.forEachChild(declaration, nodeReaches) ?? false;
    };

    const found = reaches(root, rootMeaning);
    if (found) {
      remember(root, rootMeaning, true);
    } else {
      for (const [symbol, meaning] of visitedSymbols) remember(symbol, meaning, false);
    }
    return found;
  };
}

/** `a`, `a.b.c`: a name, not a computed value. */
function isNameChain(node: ts.Node): boolean {
  return ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node) && isNameChain(node.expression));
}

function containsInfer(node: ts.Node): boolean {
  return ts.isInferTypeNode(node) || (ts.forEachChild(node, containsInfer) ?? false);
}

function isNamedMember(node: ts.Node): boolean {
  return ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node);
}
