import ts from 'typescript';
import { hoistedVarLists } from './scope-declarations.js';
import { literalString } from './syntax.js';

/**
 * What the syntax around a use says a name is, found by walking out through the blocks around it
 * (innermost first), as lexical scoping does:
 * - `const`: its initializer, and for `const { fork: start } = x` the key it takes (`fork`);
 * - `import`: a default or namespace import (`key` undefined) or a named one (`key`: the export);
 * - `declared`: a function or class declared here (a class with `extends` may be anything).
 * A parameter or any other declaration of the name on the way (`let`, `var` without a provable
 * value) stops the search: it could be reassigned or shadows the outer one. The scope tracker
 * keeps no initializer for calls nor a record of imports of untracked modules, so the entry
 * evaluators read the syntax around the use instead.
 */
export type Declared =
  | { readonly kind: 'const'; readonly initializer: ts.Expression; readonly key: string | undefined }
  | { readonly kind: 'import'; readonly specifier: string; readonly key: string | undefined }
  | { readonly kind: 'declared'; readonly node: ts.FunctionDeclaration | ts.ClassDeclaration };

/**
 * `mutable`: a `let` or `var` counts by its initializer too (also a `var` hoisted out of an inner
 * block). Only for questions where a wrong answer fails closed: "is this child_process?" (a
 * reassigned `cp` is then still judged a starter), never "which file is this?".
 */
export function declarationOf(identifier: ts.Identifier, ancestors: readonly ts.Node[], mutable = false): Declared | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const ancestor = ancestors[index];
    if (ancestor === undefined) continue;
    if (ts.isFunctionLike(ancestor) && ancestor.parameters.some((parameter) => declares(parameter.name, identifier.text))) return undefined;
    if (mutable && (ts.isFunctionLike(ancestor) || ts.isSourceFile(ancestor))) {
      const hoisted = hoistedVarLists(ancestor).flatMap((list) => list.declarations).find((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === identifier.text);
      if (hoisted?.initializer !== undefined) return { kind: 'const', initializer: hoisted.initializer, key: undefined };
    }
    if (ts.isCatchClause(ancestor) && ancestor.variableDeclaration !== undefined && declares(ancestor.variableDeclaration.name, identifier.text)) return undefined;
    if ((ts.isForStatement(ancestor) || ts.isForOfStatement(ancestor) || ts.isForInStatement(ancestor)) && ancestor.initializer !== undefined && ts.isVariableDeclarationList(ancestor.initializer)) {
      if (ancestor.initializer.declarations.some((declaration) => declares(declaration.name, identifier.text))) return undefined;
    }
    if (!ts.isBlock(ancestor) && !ts.isSourceFile(ancestor) && !ts.isModuleBlock(ancestor)) continue;
    const found = declarationIn(ancestor.statements, identifier.text, mutable);
    if (found === 'other') return undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The initializer of the `const` an identifier names (not a destructured one): `const job = path.join(__dirname, 'x.cjs'); new Worker(job)`. */
export function constInitializer(identifier: ts.Identifier, ancestors: readonly ts.Node[]): ts.Expression | undefined {
  const found = declarationOf(identifier, ancestors);
  return found?.kind === 'const' && found.key === undefined ? found.initializer : undefined;
}

function declarationIn(statements: readonly ts.Statement[], name: string, mutable: boolean): Declared | 'other' | undefined {
  for (const statement of statements) {
    if (ts.isImportDeclaration(statement)) {
      const imported = importIn(statement, name);
      if (imported !== undefined) return imported;
      continue;
    }
    // `import cp = require('node:child_process')`.
    if (ts.isImportEqualsDeclaration(statement) && statement.name.text === name) {
      const reference = statement.moduleReference;
      const specifier = ts.isExternalModuleReference(reference) && !statement.isTypeOnly ? literalString(reference.expression) : undefined;
      return specifier === undefined ? 'other' : { kind: 'import', specifier, key: undefined };
    }
    if (!ts.isVariableStatement(statement)) {
      if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) return { kind: 'declared', node: statement };
      if ((ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && ts.isIdentifier(statement.name) && statement.name.text === name) return 'other';
      continue;
    }
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      if (!declares(declaration.name, name)) continue;
      if ((!isConst && !mutable) || declaration.initializer === undefined) return 'other';
      if (ts.isIdentifier(declaration.name)) return { kind: 'const', initializer: declaration.initializer, key: undefined };
      const key = ts.isObjectBindingPattern(declaration.name) ? destructuredKey(declaration.name, name) : undefined;
      return key === undefined ? 'other' : { kind: 'const', initializer: declaration.initializer, key };
    }
  }
  return undefined;
}

/** `import cp from 'x'` / `import * as cp from 'x'` (key undefined), `import { fork as start } from 'x'` (key `fork`); type-only imports bind no value. */
function importIn(statement: ts.ImportDeclaration, name: string): Declared | 'other' | undefined {
  const clause = statement.importClause;
  if (clause === undefined) return undefined;
  const specifier = literalString(statement.moduleSpecifier);
  const found = (key: string | undefined): Declared | 'other' => (specifier === undefined || clause.isTypeOnly ? 'other' : { kind: 'import', specifier, key });
  if (clause.name?.text === name) return found(undefined);
  const bindings = clause.namedBindings;
  if (bindings === undefined) return undefined;
  if (ts.isNamespaceImport(bindings)) return bindings.name.text === name ? found(undefined) : undefined;
  const element = bindings.elements.find((candidate) => candidate.name.text === name);
  if (element === undefined) return undefined;
  return element.isTypeOnly ? 'other' : found((element.propertyName ?? element.name).text);
}

function declares(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && declares(element.name, name));
}

function destructuredKey(pattern: ts.ObjectBindingPattern, name: string): string | undefined {
  const element = pattern.elements.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name && candidate.dotDotDotToken === undefined);
  const key = element?.propertyName ?? element?.name;
  return key !== undefined && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : undefined;
}
