import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
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
  /** A parameter's special binding (alias-values.ts: `s = globalThis`), declared before the `var`s that may read it. */
  parameterBinding?: (parameter: ts.ParameterDeclaration, index: number) => Binding | undefined,
): void {
  // Entered for every block and function of every file: no closure, and the list is made at the first declaration.
  let variables: Variables | undefined;
  if (hasVar && isVarScope(container)) {
    const outer = namesDefaultsRead(container);
    for (const list of hoistedVarLists(container)) variables = declareList(list, scope, variables, true, outer);
  }
  if (tsv.isSourceFile(container) || tsv.isBlock(container) || tsv.isModuleBlock(container)) {
    for (const statement of container.statements) variables = declareStatement(statement, scope, variables);
  } else if (tsv.isCaseBlock(container)) {
    for (const clause of container.clauses) for (const statement of clause.statements) variables = declareStatement(statement, scope, variables);
  } else if (tsv.isForStatement(container) || tsv.isForInStatement(container) || tsv.isForOfStatement(container)) {
    if (container.initializer !== undefined && tsv.isVariableDeclarationList(container.initializer)) variables = declareList(container.initializer, scope, variables);
  } else if (tsv.isCatchClause(container)) {
    if (container.variableDeclaration !== undefined) declareNames(container.variableDeclaration.name, scope);
  } else if (tsv.isFunctionLike(container)) {
    if (tsv.isFunctionExpression(container) && container.name !== undefined) scope.declare(container.name.text, FUNCTION);
    container.parameters.forEach((parameter, index) => {
      const special = parameterBinding?.(parameter, index);
      if (special !== undefined && tsv.isIdentifier(parameter.name)) scope.declare(parameter.name.text, special);
      else declareNames(parameter.name, scope);
    });
  } else if (tsv.isClassExpression(container) && container.name !== undefined) {
    scope.declare(container.name.text, FUNCTION);
  }
  if (variables === undefined) return;
  // Second pass: all names of this scope are known, so `const require = …; const r = require` resolves right.
  for (const [declaration, isConst] of variables) {
    for (const [name, binding] of bindingsOf(declaration, isConst)) scope.declare(name, binding);
  }
}

/** The variable declarations of a scope and whether each is `const`, for the second pass. */
type Variables = Array<readonly [ts.VariableDeclaration, boolean]>;

/**
 * `function go(get = () => net) { var net; … }`: parameter defaults run in a scope of their own,
 * where a body `var` is not visible, so `net` there is the outer binding. The walk keeps one scope
 * per function, so such a `var` (a name a default reads that no parameter declares) is left
 * undeclared: the body's uses of it are then judged as the outer binding's (fail-closed). Undefined
 * when the function has no default reading a name.
 */
function namesDefaultsRead(container: ts.Node): ReadonlySet<string> | undefined {
  if (!tsv.isFunctionLike(container) || !container.parameters.some((parameter) => parameter.initializer !== undefined || !tsv.isIdentifier(parameter.name))) return undefined;
  const parameters = new Set(container.parameters.flatMap((parameter) => boundNames(parameter.name)));
  const read = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (tsv.isIdentifier(node) && !parameters.has(node.text)) read.add(node.text);
    tsv.forEachChild(node, visit);
  };
  for (const parameter of container.parameters) {
    if (parameter.initializer !== undefined) visit(parameter.initializer);
    if (!tsv.isIdentifier(parameter.name)) visit(parameter.name);
  }
  return read.size === 0 ? undefined : read;
}

/** Declares each name a binding pattern binds as a plain local. */
function declareNames(name: ts.BindingName, scope: Scope): void {
  if (tsv.isIdentifier(name)) scope.declare(name.text);
  else for (const bound of boundNames(name)) scope.declare(bound);
}

/** `var` is declared by its function's scope (`hoisted`), never by a block's; returns the variables, with the list's added. */
function declareList(list: ts.VariableDeclarationList, scope: Scope, variables: Variables | undefined, hoisted = false, outer?: ReadonlySet<string>): Variables | undefined {
  if (isVar(list) !== hoisted) return variables;
  // Read from the list, not the declaration: files parsed without parent pointers are walked too.
  const isConst = (list.flags & tsv.NodeFlags.Constant) === tsv.NodeFlags.Const;
  const found = variables ?? [];
  for (const declaration of list.declarations) {
    if (outer !== undefined && boundNames(declaration.name).some((name) => outer.has(name))) continue;
    declareNames(declaration.name, scope);
    found.push([declaration, isConst]);
  }
  return found;
}

function declareStatement(statement: ts.Statement, scope: Scope, variables: Variables | undefined): Variables | undefined {
  // `declare const require: …` creates no binding at run time: the global is still what runs.
  if (hasDeclareModifier(statement)) return variables;
  if (tsv.isVariableStatement(statement)) {
    return declareList(statement.declarationList, scope, variables);
  } else if (tsv.isFunctionDeclaration(statement)) {
    // An overload signature without a body declares nothing by itself.
    if (statement.name !== undefined && statement.body !== undefined) scope.declare(statement.name.text, FUNCTION);
  } else if (tsv.isClassDeclaration(statement)) {
    if (statement.name !== undefined) scope.declare(statement.name.text, CLASS);
  } else if (tsv.isEnumDeclaration(statement)) {
    if (statement.name !== undefined) scope.declare(statement.name.text);
  } else if (tsv.isModuleDeclaration(statement) && tsv.isIdentifier(statement.name)) {
    if (isInstantiated(statement)) scope.declare(statement.name.text);
  } else if (tsv.isImportDeclaration(statement)) {
    declareImport(statement, scope);
  } else if (tsv.isImportEqualsDeclaration(statement)) {
    if (!createsValue(statement, scope)) return variables;
    const reference = statement.moduleReference;
    const tracked = tsv.isExternalModuleReference(reference) && !statement.isTypeOnly ? trackedBuiltin(literalString(reference.expression) ?? '') : undefined;
    scope.declare(statement.name.text, tracked === undefined ? LOCAL : { kind: 'module', specifier: tracked, declaration: statement, used: false });
  } else if (tsv.isLabeledStatement(statement)) {
    return declareStatement(statement.statement, scope, variables);
  }
  return variables;
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
  if (tsv.isNamespaceImport(bindings)) {
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
  return (list.flags & tsv.NodeFlags.BlockScoped) === 0;
}

/** Containers that own `var`s: functions, the file, and namespace bodies (each a function at run time). */
function isVarScope(container: ts.Node): boolean {
  return tsv.isSourceFile(container) || tsv.isModuleBlock(container) || (tsv.isFunctionLike(container) && !tsv.isClassStaticBlockDeclaration(container));
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
    if (tsv.isFunctionLike(node) || tsv.isClassLike(node) || tsv.isModuleDeclaration(node)) return;
    if (tsv.isVariableDeclarationList(node) && isVar(node)) lists.push(node);
    if (tsv.isStatement(node) || tsv.isVariableDeclarationList(node) || tsv.isCaseBlock(node) || tsv.isCaseOrDefaultClause(node) || tsv.isCatchClause(node) || tsv.isBlock(node)) {
      tsv.forEachChild(node, visit);
    }
  };
  const body = tsv.isFunctionLike(container) ? (container as ts.FunctionLikeDeclaration).body : container;
  if (body === undefined) return lists;
  // An arrow's expression body declares nothing.
  if (tsv.isSourceFile(body) || tsv.isBlock(body) || tsv.isModuleBlock(body)) for (const statement of body.statements) visit(statement);
  return lists;
}

/** A namespace that holds a value (not only types and type-only namespaces) exists at run time. */
export function isInstantiated(declaration: ts.ModuleDeclaration): boolean {
  if (hasDeclareModifier(declaration)) return false;
  const body = declaration.body;
  if (body === undefined) return false;
  if (tsv.isModuleDeclaration(body)) return isInstantiated(body);
  if (!tsv.isModuleBlock(body)) return false;
  return body.statements.some((statement) => {
    if (tsv.isInterfaceDeclaration(statement) || tsv.isTypeAliasDeclaration(statement)) return false;
    if (tsv.isModuleDeclaration(statement)) return isInstantiated(statement);
    if (tsv.isEnumDeclaration(statement)) return !(tsv.getModifiers(statement) ?? []).some((modifier) => modifier.kind === tsv.SyntaxKind.ConstKeyword);
    if (tsv.isImportEqualsDeclaration(statement)) return !statement.isTypeOnly;
    if (tsv.isExportDeclaration(statement) || tsv.isImportDeclaration(statement)) return false;
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
  if (tsv.isExternalModuleReference(reference)) return true;
  let root: ts.EntityName = reference;
  while (tsv.isQualifiedName(root)) root = root.left;
  return scope.lookup(root.text) !== undefined;
}
