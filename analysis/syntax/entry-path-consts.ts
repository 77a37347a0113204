import ts from '../../policy/typescript.cjs';
import { boundNames, literalString } from './syntax.js';

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
  const indexes = indexesOf(ancestors[0]);
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const ancestor = ancestors[index];
    if (ancestor === undefined) continue;
    if (ts.isFunctionLike(ancestor) && ancestor.parameters.some((parameter) => declares(parameter.name, identifier.text))) return undefined;
    const hoisted = mutable && ts.isFunctionLike(ancestor) ? hoistedInitializer(indexes, ancestor, identifier.text) : undefined;
    if (hoisted !== undefined) return { kind: 'const', initializer: hoisted, key: undefined };
    if (ts.isCatchClause(ancestor) && ancestor.variableDeclaration !== undefined && declares(ancestor.variableDeclaration.name, identifier.text)) return undefined;
    if ((ts.isForStatement(ancestor) || ts.isForOfStatement(ancestor) || ts.isForInStatement(ancestor)) && ancestor.initializer !== undefined && ts.isVariableDeclarationList(ancestor.initializer)) {
      if (ancestor.initializer.declarations.some((declaration) => declares(declaration.name, identifier.text))) return undefined;
    }
    if (!ts.isBlock(ancestor) && !ts.isSourceFile(ancestor) && !ts.isModuleBlock(ancestor)) continue;
    const found = declarationIn(indexes, ancestor, identifier.text, mutable);
    if (found === 'other') return undefined;
    if (found !== undefined) return found;
    const hoistedInFile = mutable && ts.isSourceFile(ancestor) ? hoistedInitializer(indexes, ancestor, identifier.text) : undefined;
    if (hoistedInFile !== undefined) return { kind: 'const', initializer: hoistedInFile, key: undefined };
  }
  return undefined;
}

/** The initializer of the `const` an identifier names (not a destructured one): `const job = path.join(__dirname, 'x.cjs'); new Worker(job)`. */
export function constInitializer(identifier: ts.Identifier, ancestors: readonly ts.Node[]): ts.Expression | undefined {
  const found = declarationOf(identifier, ancestors);
  return found?.kind === 'const' && found.key === undefined ? found.initializer : undefined;
}

type Found = Declared | 'other';
/**
 * Per block (and per mode), what each name it declares is: built once, as lookups run at every
 * call of a local. Kept for the file being walked only (the bottom of the ancestors), never in a
 * module-level WeakMap keyed by node: V8's minor GC kept such an entry's value alive with its key
 * dead, so every tree indexed here was copied by each scavenge and promoted (docs/benchmarks.md, session 15).
 */
interface FileIndexes {
  readonly file: ts.Node | undefined;
  readonly blocks: readonly [Map<ts.Node, Map<string, Found>>, Map<ts.Node, Map<string, Found>>];
  readonly hoisted: Map<ts.Node, Map<string, ts.Expression>>;
}

let current: FileIndexes | undefined;

/** The indexes of the file `root` heads; another file's are dropped (they were only a cache). */
function indexesOf(root: ts.Node | undefined): FileIndexes {
  if (current === undefined || current.file !== root) current = { file: root, blocks: [new Map(), new Map()], hoisted: new Map() };
  return current;
}

function declarationIn(fileIndexes: FileIndexes, container: ts.Block | ts.SourceFile | ts.ModuleBlock, name: string, mutable: boolean): Found | undefined {
  const indexes = fileIndexes.blocks[mutable ? 1 : 0];
  let index = indexes.get(container);
  if (index === undefined) {
    index = new Map();
    for (const statement of container.statements) {
      for (const [declared, found] of statementDeclarations(statement, mutable)) if (!index.has(declared)) index.set(declared, found);
    }
    indexes.set(container, index);
  }
  return index.get(name);
}

/** The initializer of the first `var name = …` of a function or file, hoisted out of any inner block. */
function hoistedInitializer(fileIndexes: FileIndexes, container: ts.Node, name: string): ts.Expression | undefined {
  let index = fileIndexes.hoisted.get(container);
  if (index === undefined) {
    index = new Map();
    const found = index;
    const visit = (node: ts.Node): void => {
      // A nested function or class has its own `var`s.
      if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
      // `var` only: one binding for the whole function, wherever it is written (`let`/`const` are the block's).
      if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0) {
        for (const declaration of node.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.initializer !== undefined && !found.has(declaration.name.text)) found.set(declaration.name.text, declaration.initializer);
        }
      }
      ts.forEachChild(node, visit);
    };
    const body = ts.isSourceFile(container) ? container : (container as ts.FunctionLikeDeclaration).body;
    if (body !== undefined) ts.forEachChild(body, visit);
    fileIndexes.hoisted.set(container, index);
  }
  return index.get(name);
}

function statementDeclarations(statement: ts.Statement, mutable: boolean): Array<readonly [string, Found]> {
  if (ts.isImportDeclaration(statement)) return importsIn(statement);
  // `import cp = require('node:child_process')`.
  if (ts.isImportEqualsDeclaration(statement)) {
    const reference = statement.moduleReference;
    const specifier = ts.isExternalModuleReference(reference) && !statement.isTypeOnly ? literalString(reference.expression) : undefined;
    return [[statement.name.text, specifier === undefined ? 'other' : { kind: 'import', specifier, key: undefined }]];
  }
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name !== undefined) return [[statement.name.text, { kind: 'declared', node: statement }]];
  if ((ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && ts.isIdentifier(statement.name)) return [[statement.name.text, 'other']];
  if (!ts.isVariableStatement(statement)) return [];
  const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
  const found: Array<readonly [string, Found]> = [];
  for (const declaration of statement.declarationList.declarations) {
    for (const name of boundNames(declaration.name)) {
      if ((!isConst && !mutable) || declaration.initializer === undefined) {
        found.push([name, 'other']);
        continue;
      }
      if (ts.isIdentifier(declaration.name)) {
        found.push([name, { kind: 'const', initializer: declaration.initializer, key: undefined }]);
        continue;
      }
      const key = ts.isObjectBindingPattern(declaration.name) ? destructuredKey(declaration.name, name) : undefined;
      found.push([name, key === undefined ? 'other' : { kind: 'const', initializer: declaration.initializer, key }]);
    }
  }
  return found;
}

/** `import cp from 'x'` / `import * as cp from 'x'` (key undefined), `import { fork as start } from 'x'` (key `fork`); type-only imports bind no value. */
function importsIn(statement: ts.ImportDeclaration): Array<readonly [string, Found]> {
  const clause = statement.importClause;
  if (clause === undefined) return [];
  const specifier = literalString(statement.moduleSpecifier);
  const found = (key: string | undefined): Found => (specifier === undefined || clause.isTypeOnly ? 'other' : { kind: 'import', specifier, key });
  const names: Array<readonly [string, Found]> = [];
  if (clause.name !== undefined) names.push([clause.name.text, found(undefined)]);
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) names.push([bindings.name.text, found(undefined)]);
  if (bindings !== undefined && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) names.push([element.name.text, element.isTypeOnly ? 'other' : found((element.propertyName ?? element.name).text)]);
  }
  return names;
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
