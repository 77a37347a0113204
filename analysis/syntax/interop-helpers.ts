import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { runsNoCode, shapeDigest } from './interop-fingerprint.js';
import { isUndeclaredGlobal, soleDeclaration, type NameScan } from './interop-names.js';
import { HELPER_NAMES, HELPER_SHAPES, TSLIB_WRAPPERS, copiedNamespace, helperBaseName, type HelperShape } from './interop-shapes.js';
import { copiesOwnKeys } from './interop-structure.js';
import { literalString } from './syntax.js';

/** A top-level declaration whose name is a compiler's helper name, with the code to fingerprint. */
interface Candidate {
  readonly name: string;
  readonly declaration: ts.Identifier;
  readonly code: ts.Node;
  /** tsc's `(this && this.N) || …`: `this.N` must not have been set by code that ran before. */
  readonly guarded: boolean;
  readonly statementIndex: number;
}

function stripParentheses(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (tsv.isParenthesizedExpression(inner)) inner = inner.expression;
  return inner;
}

/** `(this && this.N) || code` → code; undefined when the initializer is not tsc's guard for `name`. */
function guardedCode(initializer: ts.Expression, name: string): ts.Expression | undefined {
  if (!tsv.isBinaryExpression(initializer) || initializer.operatorToken.kind !== tsv.SyntaxKind.BarBarToken) return undefined;
  const guard = stripParentheses(initializer.left);
  if (!tsv.isBinaryExpression(guard) || guard.operatorToken.kind !== tsv.SyntaxKind.AmpersandAmpersandToken) return undefined;
  const read = guard.right;
  const isThisRead = guard.left.kind === tsv.SyntaxKind.ThisKeyword && tsv.isPropertyAccessExpression(read) && read.expression.kind === tsv.SyntaxKind.ThisKeyword && read.name.text === name;
  return isThisRead ? stripParentheses(initializer.right) : undefined;
}

/** Every top-level `var N = …` or `function N() {}` named like a helper. */
export function helperCandidates(sourceFile: ts.SourceFile): Candidate[] {
  const candidates: Candidate[] = [];
  sourceFile.statements.forEach((statement, statementIndex) => {
    if (tsv.isFunctionDeclaration(statement) && statement.name !== undefined && HELPER_NAMES.has(helperBaseName(statement.name.text))) {
      candidates.push({ name: statement.name.text, declaration: statement.name, code: statement, guarded: false, statementIndex });
    }
    if (!tsv.isVariableStatement(statement)) return;
    for (const declaration of statement.declarationList.declarations) {
      if (!tsv.isIdentifier(declaration.name) || declaration.initializer === undefined || !HELPER_NAMES.has(helperBaseName(declaration.name.text))) continue;
      const guarded = guardedCode(declaration.initializer, declaration.name.text);
      const code = guarded ?? stripParentheses(declaration.initializer);
      candidates.push({ name: declaration.name.text, declaration: declaration.name, code, guarded: guarded !== undefined, statementIndex });
    }
  });
  return candidates;
}

/** Before a guarded helper only directives and helper-like `var`s that run no code may come. */
function hasQuietPrologue(sourceFile: ts.SourceFile, statementIndex: number): boolean {
  return sourceFile.statements.slice(0, statementIndex).every((statement) => {
    if (tsv.isExpressionStatement(statement) && tsv.isStringLiteral(statement.expression)) return true;
    return tsv.isVariableStatement(statement) && statement.declarationList.declarations.every((declaration) => declaration.initializer === undefined || runsNoCode(declaration.initializer));
  });
}

/**
 * The helpers of this file that are exactly a known shape, declared once, never written, and
 * whose every outside reference is a recognized helper or an undeclared global (`Object`).
 */
export function verifiedHelpers(sourceFile: ts.SourceFile, scan: NameScan, candidates: readonly Candidate[]): Map<string, HelperShape> {
  const byName = new Map(candidates.map((candidate) => [candidate.name, candidate]));
  const verdicts = new Map<string, HelperShape | null>();
  const verify = (name: string): HelperShape | null => {
    const known = verdicts.get(name);
    if (known !== undefined) return known;
    verdicts.set(name, null); // a cycle proves nothing
    const candidate = byName.get(name);
    const declared = soleDeclaration(scan, name);
    if (candidate === undefined || declared?.node !== candidate.declaration) return null;
    if (candidate.guarded && !hasQuietPrologue(sourceFile, candidate.statementIndex)) return null;
    const digest = shapeDigest(candidate.code, sourceFile);
    // A namespace helper of another tool version is recognized by what it does (interop-structure.ts).
    const shape = HELPER_SHAPES.find((row) => row.name === helperBaseName(name) && row.digest === digest) ?? (!candidate.guarded && copiesOwnKeys(candidate.code) ? copiedNamespace(helperBaseName(name)) : undefined);
    if (shape === undefined) return null;
    const needsHold = shape.needs.every((need) => (HELPER_NAMES.has(need) ? verify(need) !== null : isUndeclaredGlobal(scan, need)));
    verdicts.set(name, needsHold ? shape : null);
    return needsHold ? shape : null;
  };
  const verified = new Map<string, HelperShape>();
  for (const candidate of candidates) {
    const shape = verify(candidate.name);
    if (shape !== null && shape.role === 'wrapper') verified.set(candidate.name, shape);
  }
  return verified;
}

/** The names a file may refer to from its helpers: the candidates, what their shapes need, `require`. */
export function namesToScan(candidates: readonly Candidate[], tslibNames: readonly string[]): Set<string> {
  // `Object`: a helper recognized by what it does calls its members (interop-structure.ts).
  const names = new Set<string>(['require', 'Object', ...tslibNames]);
  for (const candidate of candidates) {
    names.add(candidate.name);
    for (const shape of HELPER_SHAPES) if (shape.name === helperBaseName(candidate.name)) for (const need of shape.needs) names.add(need);
  }
  return names;
}

const isTslib = (node: ts.Expression | undefined): boolean => node !== undefined && literalString(stripParentheses(node)) === 'tslib';

function isRequireOfTslib(expression: ts.Expression): boolean {
  const inner = stripParentheses(expression);
  return tsv.isCallExpression(inner) && tsv.isIdentifier(inner.expression) && inner.expression.text === 'require' && inner.arguments.length === 1 && isTslib(inner.arguments[0]);
}

/** Top-level names bound to tslib (`tslib_1 = require("tslib")`, `import * as tslib`) or to its wrappers. */
export function tslibBindings(sourceFile: ts.SourceFile): { namespaces: string[]; wrappers: string[] } {
  const namespaces: string[] = [];
  const wrappers: string[] = [];
  const wrapper = (imported: string, local: string): void => {
    if (TSLIB_WRAPPERS.has(imported)) wrappers.push(local);
  };
  for (const statement of sourceFile.statements) {
    if (tsv.isImportDeclaration(statement) && isTslib(statement.moduleSpecifier) && statement.importClause !== undefined && !statement.importClause.isTypeOnly) {
      const { name, namedBindings } = statement.importClause;
      if (name !== undefined) namespaces.push(name.text);
      if (namedBindings !== undefined && tsv.isNamespaceImport(namedBindings)) namespaces.push(namedBindings.name.text);
      if (namedBindings !== undefined && tsv.isNamedImports(namedBindings)) for (const element of namedBindings.elements) wrapper((element.propertyName ?? element.name).text, element.name.text);
    } else if (tsv.isImportEqualsDeclaration(statement) && tsv.isExternalModuleReference(statement.moduleReference) && isTslib(statement.moduleReference.expression)) {
      namespaces.push(statement.name.text);
    } else if (tsv.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.initializer === undefined || !isRequireOfTslib(declaration.initializer)) continue;
        if (tsv.isIdentifier(declaration.name)) namespaces.push(declaration.name.text);
        else if (tsv.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const imported = element.propertyName ?? element.name;
            if (element.dotDotDotToken === undefined && tsv.isIdentifier(imported) && tsv.isIdentifier(element.name)) wrapper(imported.text, element.name.text);
          }
        }
      }
    }
  }
  return { namespaces, wrappers };
}
