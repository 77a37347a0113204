import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { canonicalBuiltin, classifyModule } from '../../policy/index.js';
import { rebasedSpecifier, visitImmediateCreateRequire } from './entry-path-require.js';
import { rebasedLoadSpecifiers } from './loader-rebase.js';
import { judgeForeignRecordRequire } from './loader-state.js';
import { loadedSpecifier, trackedBuiltin, type ModuleLoad } from './module-loads.js';
import { literalString, skipOuter } from './syntax.js';
import { isOnlyTested, isOnlyTestedCapability, isUnreferenced } from './tested-only.js';
import type { Walker } from './walker.js';
import { judgeStarterReExport } from './starter-values.js';
import { reportImportedEscapes } from './untyped-escapes.js';

/**
 * `h(require('node:process'))`, `return require('process')`, `{ host: require('process') }`: the
 * process object handed straight on (analyzer.ts reachModule). A load kept in a choice of values
 * (`require('process') || {}`) is followed through its local, member by member, and keeps the module's row.
 */
function wholeProcessUse(walker: Walker, call: ts.CallExpression, specifier: string): string | undefined {
  if (canonicalBuiltin(specifier) !== 'node:process' || walker.ancestors[walker.ancestors.length - 1] !== call) return undefined;
  const parent = walker.ancestors[walker.ancestors.length - 2];
  if (parent === undefined) return undefined;
  const handed =
    ((tsv.isCallExpression(parent) || tsv.isNewExpression(parent)) && parent.arguments?.includes(call) === true) ||
    tsv.isArrayLiteralExpression(parent) || tsv.isSpreadElement(parent) || tsv.isReturnStatement(parent) || tsv.isArrowFunction(parent) ||
    (tsv.isPropertyAssignment(parent) && parent.initializer === call) || tsv.isExportAssignment(parent) ||
    (tsv.isBinaryExpression(parent) && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken && parent.right === call);
  return handed ? 'the loaded module handed on whole' : undefined;
}

/** A module load; `bound` when its result is followed per member through a binding instead. */
export function recordLoad(walker: Walker, call: ts.CallExpression, load: ModuleLoad, bound: boolean): void {
  const written = loadedSpecifier(load, walker.scope) ?? null;
  // `createRequire(base)` resolves against its base, not this module (entry-path-require.ts).
  if (load.kind === 'create-require') visitImmediateCreateRequire(walker, call);
  const specifier = load.kind === 'create-require' && written !== null ? rebasedSpecifier(walker, call, written) : written;
  // After a followed `module.filename = …` a relative `require` names a file of the new folder (loader-rebase.ts).
  for (const named of specifier === null ? [null] : rebasedLoadSpecifiers(walker, call, load, specifier)) walker.addReference(named, load.kind, false, call);
  if (load.kind === 'require' && specifier !== null) judgeForeignRecordRequire(walker, call, specifier);
  if (specifier === null) {
    const name = `${call.expression.getText(walker.sourceFile)}(…)`;
    walker.report.add('no-dynamic-code', 'computedModule', 'UNANALYZED', { name }, call);
    if (load.specifier !== undefined) walker.visit(load.specifier, call);
    return;
  }
  if (!bound) walker.reachModule(specifier, call, wholeProcessUse(walker, call, specifier));
  // What the loaded project file hands out (a compiled `export *` facade), when the load names it as written.
  const literal = load.specifier === undefined ? undefined : skipOuter(load.specifier);
  if (specifier === written && literal !== undefined && tsv.isStringLiteral(literal)) reportImportedEscapes(walker, literal);
}

export function visitImport(walker: Walker, node: ts.ImportDeclaration): void {
  const specifier = literalString(node.moduleSpecifier) ?? null;
  const clause = node.importClause;
  const named = clause?.namedBindings !== undefined && tsv.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
  const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && named.length > 0 && named.every((element) => element.isTypeOnly)));
  walker.addReference(specifier, 'import', typeOnly, node);
  if (specifier === null || typeOnly) return;
  if (clause !== undefined && onlyTestedBuiltinMembers(walker, specifier, clause)) return;
  if (trackedBuiltin(specifier) === undefined || clause === undefined) return walker.reachModule(specifier, node.moduleSpecifier);
  for (const element of named) {
    const member = (element.propertyName ?? element.name).text;
    if (element.isTypeOnly || isJudgedAtUse(walker, element.name.text, element) || isOnlyTestedCapability(walker, specifier, member, element.name.text)) continue;
    // A member binding nothing in the file uses (a type position, a JSX intrinsic tag) reaches nothing (choice 34).
    if (!isUnreferenced(walker.sourceFile, element.name.text)) walker.reachMember(specifier, member, element);
  }
  // Default and namespace bindings were declared as `module` bindings and are judged by their uses,
  // and so are flag-sensitive members (`openSync`): their flags are seen only at the call. A member
  // the file only tests (`value instanceof ChildProcess`) runs nothing (tested-only.ts).
}

/**
 * `import { ChildProcess } from 'node:child_process'` used only in tests (`value instanceof
 * ChildProcess`): loading a builtin runs none of its members, and a class only tested acts for
 * nobody (tested-only.ts). A package's import stays judged: loading it runs its code.
 */
function onlyTestedBuiltinMembers(walker: Walker, specifier: string, clause: ts.ImportClause): boolean {
  const named = clause.namedBindings;
  if (canonicalBuiltin(specifier) === undefined || clause.name !== undefined || named === undefined || !tsv.isNamedImports(named)) return false;
  if (classifyModule(specifier, walker.policy).capabilities.length === 0) return false;
  const values = named.elements.filter((element) => !element.isTypeOnly);
  return values.length > 0 && values.every((element) => isOnlyTested(walker.sourceFile, element.name.text));
}

export function visitExport(walker: Walker, node: ts.ExportDeclaration): void {
  const specifier = node.moduleSpecifier === undefined ? undefined : (literalString(node.moduleSpecifier) ?? null);
  const clause = node.exportClause;
  if (specifier === undefined) {
    // `export { fs }` uses local bindings.
    if (clause !== undefined && tsv.isNamedExports(clause) && !node.isTypeOnly) {
      for (const element of clause.elements) {
        const local = element.propertyName ?? element.name;
        // The declaration as parent: the local is exported as a value (`export { openSync }` may be called with any flags).
        if (!element.isTypeOnly && tsv.isIdentifier(local)) walker.visitIdentifier(local, node);
      }
    }
    return;
  }
  const elements = clause !== undefined && tsv.isNamedExports(clause) ? clause.elements : [];
  const typeOnly = node.isTypeOnly || (elements.length > 0 && elements.every((element) => element.isTypeOnly));
  walker.addReference(specifier, 'export-from', typeOnly, node);
  if (specifier === null || typeOnly) return;
  judgeStarterReExport(walker, node, specifier);
  if (trackedBuiltin(specifier) !== undefined && elements.length > 0) {
    for (const element of elements) if (!element.isTypeOnly) walker.reachMember(specifier, (element.propertyName ?? element.name).text, element);
    return;
  }
  // `export * from 'node:process'` hands every member of `process` to importers this file never sees read
  // (`import { env } from './barrel'`): the whole object handed on, as `export default process` (choice 97).
  const wholeProcess = elements.length === 0 && canonicalBuiltin(specifier) === 'node:process' ? 'every member re-exported by `export *`' : undefined;
  walker.reachModule(specifier, node.moduleSpecifier ?? node, wholeProcess);
}

export function visitImportEquals(walker: Walker, node: ts.ImportEqualsDeclaration): void {
  if (!tsv.isExternalModuleReference(node.moduleReference)) return judgeEntityAlias(walker, node, node.moduleReference);
  const specifier = literalString(node.moduleReference.expression) ?? null;
  walker.addReference(specifier, 'import-equals', node.isTypeOnly, node);
  if (specifier === null || node.isTypeOnly) return;
  // A tracked builtin was declared as a `module` binding and is judged by its uses.
  if (trackedBuiltin(specifier) === undefined) walker.reachModule(specifier, node.moduleReference);
}

/** True when `name` is a flag-sensitive binding declared by `declaration`: its uses are judged, not the declaration. */
export function isJudgedAtUse(walker: Walker, name: string, declaration: ts.Node): boolean {
  const binding = walker.scope.lookup(name);
  return binding?.kind === 'flag-sensitive' && binding.declaration === declaration;
}

/**
 * `import run = net.connect` (also `export import` in a namespace): an alias of a value when the
 * name is one, which TypeScript emits as `var run = net.connect`. Judged as that read, whatever
 * uses the alias: a builtin's member by its row, the whole module when it is aliased as is. A
 * namespace of types (`import P = NodeJS.Process`) binds nothing the walk knows: nothing to judge.
 */
function judgeEntityAlias(walker: Walker, node: ts.ImportEqualsDeclaration, reference: ts.EntityName): void {
  if (node.isTypeOnly) return;
  const names: string[] = [];
  let left: ts.EntityName = reference;
  while (tsv.isQualifiedName(left)) {
    names.unshift(left.right.text);
    left = left.left;
  }
  const binding = walker.scope.lookup(left.text);
  if (binding?.kind !== 'module') return;
  binding.used = true;
  const member = names[0];
  if (member === undefined) walker.reachModule(binding.specifier, reference, `\`${left.text}\` aliased by \`import =\``);
  else walker.reachMember(binding.specifier, member, reference);
}
