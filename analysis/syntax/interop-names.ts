import ts from '../../policy/typescript.cjs';

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
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) return parent.name === node;
  if (ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassDeclaration(parent) || ts.isClassExpression(parent)) return parent.name === node;
  if (ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportSpecifier(parent) || ts.isImportEqualsDeclaration(parent)) return parent.name === node;
  if (ts.isEnumDeclaration(parent) || ts.isModuleDeclaration(parent)) return parent.name === node;
  return false;
}

/** Where the identifier is only a property name (`a.name`, `{ name: v }`, `name() {}`), it names no binding. */
function isPropertyName(node: ts.Identifier, parent: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) return parent.name === node;
  if (ts.isBindingElement(parent)) return parent.propertyName === node;
  // An export specifier's names may both be the local (`export { x }`, `export { x as y }`): references.
  if (ts.isImportSpecifier(parent)) return parent.propertyName === node;
  return ts.isQualifiedName(parent) && parent.right === node;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** Every identifier an assignment target writes: `x = …`, `[x] = …`, `({ x } = …)`, `x++`, `for (x of …)`. */
function assignedNames(target: ts.Node, into: Set<ts.Identifier>): void {
  let inner: ts.Node = target;
  while (ts.isParenthesizedExpression(inner) || ts.isNonNullExpression(inner) || ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  if (ts.isIdentifier(inner)) into.add(inner);
  else if (ts.isArrayLiteralExpression(inner) || ts.isObjectLiteralExpression(inner)) {
    // A destructuring assignment: every name inside may be written (over-approximated: defaults too).
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) into.add(node);
      else if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) ts.forEachChild(node, visit);
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
    if (ts.isWithStatement(node)) withBodies.push([node.statement.pos, node.statement.end]);
    if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) assignedNames(node.left, assigned);
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) assignedNames(node.operand, assigned);
    if ((ts.isForInStatement(node) || ts.isForOfStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) assignedNames(node.initializer, assigned);
    if (ts.isIdentifier(node) && names.has(node.text) && !isPropertyName(node, parent)) {
      const role: NameRole = isDeclarationName(node, parent) ? 'declaration' : assigned.has(node) ? 'assignment' : 'reference';
      const list = occurrences.get(node.text) ?? [];
      list.push({ node, role, parent, grandparent, container });
      occurrences.set(node.text, list);
    }
    const outer = container;
    if (ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isFunctionLike(node) || ts.isClassLike(node)) container = [node.pos, node.end];
    ts.forEachChild(node, (child) => visit(child, node, parent));
    container = outer;
  };
  ts.forEachChild(sourceFile, (child) => visit(child, sourceFile, undefined));
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
