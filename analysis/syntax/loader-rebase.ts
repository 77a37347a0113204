import path from 'node:path';
import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { evaluatePath, moduleSpecifierOf } from './entry-path.js';
import type { ModuleLoad } from './module-loads.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { memberKey, skipOuter } from './syntax.js';
import { mayMention } from './text-mentions.js';
import type { Walker } from './walker.js';

/**
 * `module.filename = path.join(__dirname, 'lib', 'index.cjs')`: Node resolves this module's later
 * relative `require()` calls against the new name's folder. When the file holds exactly one write
 * to `module.filename`, a top-level statement whose value the path evaluator proves, the guard
 * follows it instead of reporting it: a top-level `require` after it loads from the new folder, one
 * before it from the old, and one inside a function (which may run before or after) from both.
 * Any other write stays UNANALYZED (loader-state.ts).
 */
export interface FilenameRebase {
  readonly statement: ts.ExpressionStatement & { readonly expression: ts.BinaryExpression };
  /** Absolute (as the walker names files): the folder relative names now resolve against. */
  readonly folder: string;
}

const rebases = new WeakMap<ts.SourceFile, FilenameRebase | null>();

function walkerFileName(walker: Walker): string {
  const name = walker.sourceFile.fileName;
  return path.posix.isAbsolute(name) ? name : `/${name}`;
}

/** `module.filename` (or `module['filename']`) as an assignment target, by its text alone. */
function isFilenameTarget(node: ts.Expression): boolean {
  const target = skipOuter(node);
  if (!tsv.isPropertyAccessExpression(target) && !tsv.isElementAccessExpression(target)) return false;
  const base = skipOuter(target.expression);
  return tsv.isIdentifier(base) && base.text === 'module' && memberKey(target) === 'filename';
}

function filenameWrites(sourceFile: ts.SourceFile): ts.BinaryExpression[] {
  const writes: ts.BinaryExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (tsv.isBinaryExpression(node) && node.operatorToken.kind >= tsv.SyntaxKind.FirstAssignment && node.operatorToken.kind <= tsv.SyntaxKind.LastAssignment && isFilenameTarget(node.left)) writes.push(node);
    tsv.forEachChild(node, visit);
  };
  visit(sourceFile);
  return writes;
}

function computeRebase(walker: Walker): FilenameRebase | null {
  // A write to `module.filename` spells both names (text-mentions.ts): most files need no walk.
  if (!mayMention(walker.sourceFile, 'filename') || !mayMention(walker.sourceFile, 'module')) return null;
  const writes = filenameWrites(walker.sourceFile);
  const [write] = writes;
  if (writes.length !== 1 || write === undefined || write.operatorToken.kind !== tsv.SyntaxKind.EqualsToken) return null;
  const statement = walker.sourceFile.statements.find((candidate) => tsv.isExpressionStatement(candidate) && candidate.expression === write);
  if (statement === undefined) return null;
  const target = skipOuter(write.left) as ts.PropertyAccessExpression | ts.ElementAccessExpression;
  if (globalName(target.expression, walker.scope, GLOBAL_OBJECT_NAMES) !== 'module') return null;
  // Names in the value are looked up from the top-level statement, as the evaluator walks out through blocks.
  const value = evaluatePath(write.right, { fileName: walkerFileName(walker), scope: walker.scope, ancestors: [walker.sourceFile, statement, write] });
  if (value === undefined || value.form !== 'path' || !value.anchored || !path.posix.isAbsolute(value.text)) return null;
  return { statement: statement as FilenameRebase['statement'], folder: path.posix.dirname(value.text) };
}

/** The file's one followed `module.filename` rebase, if it has one (computed once per file). */
export function modeledFilenameRebase(walker: Walker): FilenameRebase | undefined {
  let rebase = rebases.get(walker.sourceFile);
  if (rebase === undefined) {
    rebase = computeRebase(walker);
    rebases.set(walker.sourceFile, rebase);
  }
  return rebase ?? undefined;
}

/** `require`, an alias of it or `module.require` (also through `.call`/`.apply`): this module's own loader. */
function isOwnRequire(call: ts.CallExpression, scope: Scope): boolean {
  let callee = skipOuter(call.expression);
  if (tsv.isPropertyAccessExpression(callee) && (callee.name.text === 'call' || callee.name.text === 'apply')) callee = skipOuter(callee.expression);
  if (tsv.isIdentifier(callee)) return true;
  return tsv.isPropertyAccessExpression(callee) && callee.name.text === 'require' && globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES) === 'module';
}

/** Code that may run at another time than where it is written. */
function isDeferred(node: ts.Node): boolean {
  return tsv.isFunctionLike(node) || tsv.isClassStaticBlockDeclaration(node) || tsv.isPropertyDeclaration(node);
}

/** The specifiers a load names once a followed rebase is applied: one, or both names when the order is not known. */
export function rebasedLoadSpecifiers(walker: Walker, call: ts.CallExpression, load: ModuleLoad, specifier: string): readonly string[] {
  if (load.kind !== 'require' || !/^\.{1,2}(\/|$)/.test(specifier) || !isOwnRequire(call, walker.scope)) return [specifier];
  const rebase = modeledFilenameRebase(walker);
  if (rebase === undefined) return [specifier];
  const target = path.posix.join(rebase.folder, specifier);
  const named = moduleSpecifierOf({ form: 'path', text: target, anchored: true }, walkerFileName(walker));
  // The rebased name is this very file (`require('./index.cjs')` from the new folder's twin): keep it as written too.
  if (named === undefined) return [specifier];
  const rebased = specifier.endsWith('/') && !named.endsWith('/') ? `${named}/` : named;
  if (walker.ancestors.some(isDeferred)) return [specifier, rebased];
  return call.getStart(walker.sourceFile) >= rebase.statement.end ? [rebased] : [specifier];
}
