import ts from '../../policy/typescript.cjs';
import { canonicalBuiltin, openModeRow } from '../../policy/index.js';
import { trackedBuiltin } from './module-loads.js';
import { CLASS, FUNCTION, LOCAL, type Binding, type Scope } from './scope.js';
import { boundNames, hasDeclareModifier, literalString } from './syntax.js';
import { isJudgedCreateRequire } from './entry-path-require.js';

/**
 * Declares every name a scope container introduces before its body is walked, so uses that
 * come first (hoisting, functions calling each other) still see the local. `var` belongs to
 * the enclosing function (or file): an alias made inside a `try` or an `if` is the same binding
 * everywhere in it. Declarations that create no value (type-only imports, namespaces of types,
 * `declare`) never shadow a global.
 */
export function declareContainer(
  container: ts.Node,
  scope: Scope,
  bindingsOf: (declaration: ts.VariableDeclaration, isConst: boolean) => ReadonlyArray<readonly [string, Binding]>,
  /** False when the file declares no `var` at all (mayDeclareVar): no search for hoisted ones. */
  hasVar = true,
): void {
  const variables: Array<readonly [ts.VariableDeclaration, boolean]> = [];
  const declareList = (list: ts.VariableDeclarationList, hoisted = false): void => {
    // `var` is declared by its function's scope (hoisted), never by a block's.
    if (isVar(list) !== hoisted) return;
    // Read from the list, not the declaration: files parsed without parent pointers are walked too.
    const isConst = (list.flags & ts.NodeFlags.Constant) === ts.NodeFlags.Const;
    for (const declaration of list.declarations) {
      for (const name of boundNames(declaration.name)) scope.declare(name);
      variables.push([declaration, isConst]);
    }
  };
  if (hasVar && isVarScope(container)) for (const list of hoistedVarLists(container)) declareList(list, true);
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
    if (statement.name !== undefined) scope.declare(statement.name.text, CLASS);
  } else if (ts.isEnumDeclaration(statement)) {
    if (statement.name !== undefined) scope.declare(statement.name.text);
  } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
    if (isInstantiated(statement)) scope.declare(statement.name.text);
  } else if (ts.isImportDeclaration(statement)) {
    declareImport(statement, scope);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    if (!createsValue(statement, scope)) return;
    const reference = statement.moduleReference;
    const tracked = ts.isExternalModuleReference(reference) && !statement.isTypeOnly ? trackedBuiltin(literalString(reference.expression) ?? '') : undefined;
    scope.declare(statement.name.text, tracked === undefined ? LOCAL : { kind: 'module', specifier: tracked, declaration: statement, used: false });
  } else if (ts.isLabeledStatement(statement)) {
    declareStatement(statement.statement, scope, declareList);
  }
}

function declareImport(statement: ts.ImportDeclaration, scope: Scope): void {
  const clause = statement.importClause;
  // `import type { X as process }` creates no value: `process` is still the global.
  if (clause === undefined || clause.isTypeOnly) return;
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
    if (element.isTypeOnly) continue;
    const member = (element.propertyName ?? element.name).text;
    scope.declare(element.name.text, builtin === undefined ? LOCAL : memberBinding(builtin, member, element));
  }
}

/** A member of a builtin; a flag-sensitive one (`openSync`) is judged at each use, so it records where it was declared. */
export function memberBinding(specifier: string, member: string, declaration: ts.Node): Binding {
  const judgedAtUse = openModeRow(specifier, member) !== undefined || isJudgedCreateRequire(specifier, member);
  return !judgedAtUse ? { kind: 'member', specifier, member } : { kind: 'flag-sensitive', specifier, member, declaration, used: false };
}

function isVar(list: ts.VariableDeclarationList): boolean {
  return (list.flags & ts.NodeFlags.BlockScoped) === 0;
}

/** Containers that own `var`s: functions, the file, and namespace bodies (each a function at run time). */
function isVarScope(container: ts.Node): boolean {
  return ts.isSourceFile(container) || ts.isModuleBlock(container) || (ts.isFunctionLike(container) && !ts.isClassStaticBlockDeclaration(container));
}

const mayDeclareVarIn = new WeakMap<ts.SourceFile, boolean>();

/** `var` as a word of its own: no ASCII identifier character on either side (any other neighbour only makes the answer "maybe"). */
const VAR_KEYWORD = /(?<![\w$])var(?![\w$])/;

/**
 * A file whose text never spells the word `var` declares none (a keyword cannot be written with
 * escapes, and the keyword never touches an identifier character: `variable`, `$var` and `var_`
 * are other words), so its functions need no search for hoisted declarations: most modern code
 * is such a file.
 */
export function mayDeclareVar(sourceFile: ts.SourceFile): boolean {
  let may = mayDeclareVarIn.get(sourceFile);
  if (may === undefined) mayDeclareVarIn.set(sourceFile, (may = VAR_KEYWORD.test(sourceFile.text) || sourceFile.text.includes('\\u')));
  return may;
}

/** Every `var` list in a function's body, down through blocks, loops and `try`, not into nested functions or classes. */
export function hoistedVarLists(container: ts.Node): ts.VariableDeclarationList[] {
  const lists: ts.VariableDeclarationList[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isModuleDeclaration(node)) return;
    if (ts.isVariableDeclarationList(node) && isVar(node)) lists.push(node);
    if (ts.isStatement(node) || ts.isVariableDeclarationList(node) || ts.isCaseBlock(node) || ts.isCaseOrDefaultClause(node) || ts.isCatchClause(node) || ts.isBlock(node)) {
      ts.forEachChild(node, visit);
    }
  };
  const body = ts.isFunctionLike(container) ? (container as ts.FunctionLikeDeclaration).body : container;
  if (body === undefined) return lists;
  // An arrow's expression body declares nothing.
  if (ts.isSourceFile(body) || ts.isBlock(body) || ts.isModuleBlock(body)) for (const statement of body.statements) visit(statement);
  return lists;
}

/** A namespace that holds a value (not only types and type-only namespaces) exists at run time. */
export function isInstantiated(declaration: ts.ModuleDeclaration): boolean {
  if (hasDeclareModifier(declaration)) return false;
  const body = declaration.body;
  if (body === undefined) return false;
  if (ts.isModuleDeclaration(body)) return isInstantiated(body);
  if (!ts.isModuleBlock(body)) return false;
  return body.statements.some((statement) => {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return false;
    if (ts.isModuleDeclaration(statement)) return isInstantiated(statement);
    if (ts.isEnumDeclaration(statement)) return !(ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ConstKeyword);
    if (ts.isImportEqualsDeclaration(statement)) return !statement.isTypeOnly;
    if (ts.isExportDeclaration(statement) || ts.isImportDeclaration(statement)) return false;
    return !hasDeclareModifier(statement);
  });
}

/**
 * `import x = require('m')` and `import x = Local.value` create a value; `import type x = …`
 * and an alias of an ambient namespace (`import process = NodeJS.Process`, a type) do not.
 * Without types, an alias whose root is not a local is taken to be a type alias, so the
 * global of that name stays visible: the safe side.
 */
function createsValue(statement: ts.ImportEqualsDeclaration, scope: Scope): boolean {
  if (statement.isTypeOnly) return false;
  const reference = statement.moduleReference;
  if (ts.isExternalModuleReference(reference)) return true;
  let root: ts.EntityName = reference;
  while (ts.isQualifiedName(root)) root = root.left;
  return scope.lookup(root.text) !== undefined;
}
