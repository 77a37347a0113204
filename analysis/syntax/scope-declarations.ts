import ts from 'typescript';
import { canonicalBuiltin, openModeRow } from '../../policy/index.js';
import { trackedBuiltin } from './module-loads.js';
import { FUNCTION, LOCAL, type Binding, type Scope } from './scope.js';
import { boundNames, hasDeclareModifier, literalString } from './syntax.js';

/**
 * Declares every name a scope container introduces before its body is walked, so uses that
 * come first (hoisting, functions calling each other) still see the local. `var` is declared in
 * the block that holds it, which is enough to see shadowing of globals.
 */
export function declareContainer(
  container: ts.Node,
  scope: Scope,
  bindingsOf: (declaration: ts.VariableDeclaration, isConst: boolean) => ReadonlyArray<readonly [string, Binding]>,
): void {
  const variables: Array<readonly [ts.VariableDeclaration, boolean]> = [];
  const declareList = (list: ts.VariableDeclarationList): void => {
    // Read from the list, not the declaration: files parsed without parent pointers are walked too.
    const isConst = (list.flags & ts.NodeFlags.Constant) === ts.NodeFlags.Const;
    for (const declaration of list.declarations) {
      for (const name of boundNames(declaration.name)) scope.declare(name);
      variables.push([declaration, isConst]);
    }
  };
  if (ts.isSourceFile(container) || ts.isBlock(container) || ts.isModuleBlock(container)) {
    for (const statement of container.statements) declareStatement(statement, scope, declareList);
  } else if (ts.isCaseBlock(container)) {
    for (const clause of container.clauses) for (const statement of clause.statements) declareStatement(statement, scope, declareList);
  } else if (ts.isForStatement(container) || ts.isForInStatement(container) || ts.isForOfStatement(container)) {
    if (container.initializer !== undefined && ts.isVariableDeclarationList(container.initializer)) declareList(container.initializer);
  } else if (ts.isCatchClause(container)) {
    if (container.variableDeclaration !== undefined) for (const name of boundNames(container.variableDeclaration.name)) scope.declare(name);
  } else if (ts.isFunctionLike(container)) {
    if (ts.isFunctionExpression(container) && container.name !== undefined) scope.declare(container.name.text, FUNCTION);
    for (const parameter of container.parameters) for (const name of boundNames(parameter.name)) scope.declare(name);
  } else if (ts.isClassExpression(container) && container.name !== undefined) {
    scope.declare(container.name.text, FUNCTION);
  }
  // Second pass: all names of this scope are known, so `const require = …; const r = require` resolves right.
  for (const [declaration, isConst] of variables) {
    for (const [name, binding] of bindingsOf(declaration, isConst)) scope.declare(name, binding);
  }
}

function declareStatement(statement: ts.Statement, scope: Scope, declareList: (list: ts.VariableDeclarationList) => void): void {
  // `declare const require: …` creates no binding at run time: the global is still what runs.
  if (hasDeclareModifier(statement)) return;
  if (ts.isVariableStatement(statement)) {
    declareList(statement.declarationList);
  } else if (ts.isFunctionDeclaration(statement)) {
    // An overload signature without a body declares nothing by itself.
    if (statement.name !== undefined && statement.body !== undefined) scope.declare(statement.name.text, FUNCTION);
  } else if (ts.isClassDeclaration(statement)) {
    if (statement.name !== undefined) scope.declare(statement.name.text, FUNCTION);
  } else if (ts.isEnumDeclaration(statement)) {
    if (statement.name !== undefined) scope.declare(statement.name.text);
  } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
    scope.declare(statement.name.text);
  } else if (ts.isImportDeclaration(statement)) {
    declareImport(statement, scope);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    const reference = statement.moduleReference;
    const tracked = ts.isExternalModuleReference(reference) && !statement.isTypeOnly ? trackedBuiltin(literalString(reference.expression) ?? '') : undefined;
    scope.declare(statement.name.text, tracked === undefined ? LOCAL : { kind: 'module', specifier: tracked, declaration: statement, used: false });
  } else if (ts.isLabeledStatement(statement)) {
    declareStatement(statement.statement, scope, declareList);
  }
}

function declareImport(statement: ts.ImportDeclaration, scope: Scope): void {
  const clause = statement.importClause;
  if (clause === undefined) return;
  const specifier = literalString(statement.moduleSpecifier);
  const tracked = specifier === undefined || clause.isTypeOnly ? undefined : trackedBuiltin(specifier);
  const builtin = specifier === undefined || clause.isTypeOnly ? undefined : canonicalBuiltin(specifier);
  if (clause.name !== undefined) {
    scope.declare(clause.name.text, tracked === undefined ? LOCAL : { kind: 'module', specifier: tracked, declaration: clause, used: false });
  }
  const bindings = clause.namedBindings;
  if (bindings === undefined) return;
  if (ts.isNamespaceImport(bindings)) {
    scope.declare(bindings.name.text, tracked === undefined ? LOCAL : { kind: 'module', specifier: tracked, declaration: bindings, used: false });
    return;
  }
  for (const element of bindings.elements) {
    const member = (element.propertyName ?? element.name).text;
    scope.declare(element.name.text, builtin === undefined || element.isTypeOnly ? LOCAL : memberBinding(builtin, member, element));
  }
}

/** A member of a builtin; a flag-sensitive one (`openSync`) is judged at each use, so it records where it was declared. */
export function memberBinding(specifier: string, member: string, declaration: ts.Node): Binding {
  return openModeRow(specifier, member) === undefined ? { kind: 'member', specifier, member } : { kind: 'flag-sensitive', specifier, member, declaration, used: false };
}
