import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';

/** How a name occurs in a file. */
export type NameRole = 'declaration' | 'assignment' | 'reference';

export interface NameOccurrence {
  readonly node: ts.Identifier;
  readonly role: NameRole;
  /** The node that holds the identifier (files parsed without parent pointers are scanned too). */
  readonly parent: ts.Node;
  /** The parent's parent: a call's callee, the object a property belongs to. */
  readonly grandparent: ts.Node | undefined;
  /** `[pos, end)` of the innermost block, function or file around it (a declaration is visible at most there). */
  readonly container: readonly [number, number];
}

export interface NameScan {
  readonly occurrences: ReadonlyMap<string, readonly NameOccurrence[]>;
  /** `[pos, end)` of every `with` statement's body: a name inside one may be a property of its object. */
  readonly withBodies: ReadonlyArray<readonly [number, number]>;
}

/** A name is a declaration when its parent declares it under that name. */
function isDeclarationName(node: ts.Identifier, parent: ts.Node): boolean {
  if (tsv.isVariableDeclaration(parent) || tsv.isParameter(parent) || tsv.isBindingElement(parent)) return parent.name === node;
  if (tsv.isFunctionDeclaration(parent) || tsv.isFunctionExpression(parent) || tsv.isClassDeclaration(parent) || tsv.isClassExpression(parent)) return parent.name === node;
  if (tsv.isImportClause(parent) || tsv.isNamespaceImport(parent) || tsv.isImportSpecifier(parent) || tsv.isImportEqualsDeclaration(parent)) return parent.name === node;
  if (tsv.isEnumDeclaration(parent) || tsv.isModuleDeclaration(parent)) return parent.name === node;
  return false;
}

/** Where the identifier is only a property name (`a.name`, `{ name: v }`, `name() {}`), it names no binding. */
function isPropertyName(node: ts.Identifier, parent: ts.Node): boolean {
  if (tsv.isPropertyAccessExpression(parent)) return parent.name === node;
  if (tsv.isPropertyAssignment(parent) || tsv.isMethodDeclaration(parent) || tsv.isPropertyDeclaration(parent) || tsv.isGetAccessor(parent) || tsv.isSetAccessor(parent)) return parent.name === node;
  if (tsv.isBindingElement(parent)) return parent.propertyName === node;
  // An export specifier's names may both be the local (`export { x }`, `export { x as y }`): references.
  if (tsv.isImportSpecifier(parent)) return parent.propertyName === node;
  return tsv.isQualifiedName(parent) && parent.right === node;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= tsv.SyntaxKind.FirstAssignment && kind <= tsv.SyntaxKind.LastAssignment;
}

/** Every identifier an assignment target writes: `x = …`, `[x] = …`, `({ x } = …)`, `x++`, `for (x of …)`. */
function assignedNames(target: ts.Node, into: Set<ts.Identifier>): void {
  let inner: ts.Node = target;
  while (tsv.isParenthesizedExpression(inner) || tsv.isNonNullExpression(inner) || tsv.isAsExpression(inner) || tsv.isTypeAssertionExpression(inner) || tsv.isSatisfiesExpression(inner)) inner = inner.expression;
  if (tsv.isIdentifier(inner)) into.add(inner);
  else if (tsv.isArrayLiteralExpression(inner) || tsv.isObjectLiteralExpression(inner)) {
    // A destructuring assignment: every name inside may be written (over-approximated: defaults too).
    const visit = (node: ts.Node): void => {
      if (tsv.isIdentifier(node)) into.add(node);
      else if (!tsv.isPropertyAccessExpression(node) && !tsv.isElementAccessExpression(node)) tsv.forEachChild(node, visit);
    };
    visit(inner);
  }
}

/**
 * Every occurrence of the given names in a file, with its role: the helpers are trusted only when
 * their names are declared exactly where the compiler declares them, never written, and never
 * hidden by a `with`.
 */
export function scanNames(sourceFile: ts.SourceFile, names: ReadonlySet<string>): NameScan {
  const occurrences = new Map<string, NameOccurrence[]>();
  const withBodies: Array<readonly [number, number]> = [];
  const assigned = new Set<ts.Identifier>();
  let container: readonly [number, number] = [sourceFile.pos, sourceFile.end];
  const visit = (node: ts.Node, parent: ts.Node, grandparent: ts.Node | undefined): void => {
    if (tsv.isWithStatement(node)) withBodies.push([node.statement.pos, node.statement.end]);
    if (tsv.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) assignedNames(node.left, assigned);
    if ((tsv.isPrefixUnaryExpression(node) || tsv.isPostfixUnaryExpression(node)) && (node.operator === tsv.SyntaxKind.PlusPlusToken || node.operator === tsv.SyntaxKind.MinusMinusToken)) assignedNames(node.operand, assigned);
    if ((tsv.isForInStatement(node) || tsv.isForOfStatement(node)) && !tsv.isVariableDeclarationList(node.initializer)) assignedNames(node.initializer, assigned);
    if (tsv.isIdentifier(node) && names.has(node.text) && !isPropertyName(node, parent)) {
      const role: NameRole = isDeclarationName(node, parent) ? 'declaration' : assigned.has(node) ? 'assignment' : 'reference';
      const list = occurrences.get(node.text) ?? [];
      list.push({ node, role, parent, grandparent, container });
      occurrences.set(node.text, list);
    }
    const outer = container;
    if (tsv.isBlock(node) || tsv.isModuleBlock(node) || tsv.isCaseBlock(node) || tsv.isFunctionLike(node) || tsv.isClassLike(node)) container = [node.pos, node.end];
    tsv.forEachChild(node, (child) => visit(child, node, parent));
    container = outer;
  };
  tsv.forEachChild(sourceFile, (child) => visit(child, sourceFile, undefined));
  return { occurrences, withBodies };
}

/** True when `node` lies in the body of a `with` statement. */
export function isInsideWith(scan: NameScan, node: ts.Node): boolean {
  return scan.withBodies.some(([pos, end]) => node.pos >= pos && node.end <= end);
}

/** The one declaration of `name` when it is declared exactly once and never written. */
export function soleDeclaration(scan: NameScan, name: string): NameOccurrence | undefined {
  const list = scan.occurrences.get(name) ?? [];
  const declarations = list.filter((occurrence) => occurrence.role === 'declaration');
  if (declarations.length !== 1 || list.some((occurrence) => occurrence.role === 'assignment')) return undefined;
  return declarations[0];
}

/** True when nothing in the file declares or writes `name`: it is the global of that name. */
export function isUndeclaredGlobal(scan: NameScan, name: string): boolean {
  return (scan.occurrences.get(name) ?? []).every((occurrence) => occurrence.role === 'reference');
}
