import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { followLaunchOptions } from './child-entries-args.js';
import { declarationOf } from './entry-path-consts.js';
import { builtinMemberOf } from './entry-path-modules.js';
import { evaluatePath, moduleSpecifierOf, type PathContext, type PathValue } from './entry-path.js';
import { excerpt, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * The file a `new Worker(entry)` or a Node child (`fork(file)`, `spawn(process.execPath, [file])`,
 * child-entries.ts) runs is code of the program: the guard analyzes it like an import, and what
 * it reaches flows to the module that starts it. The entry is read by the one path evaluator
 * (entry-path.ts): `new URL('jobs/x.cjs', import.meta.url)`, `path.join(__dirname, …)`,
 * `` `${__dirname}/x.cjs` ``, `fileURLToPath(…)`, `require.resolve('./x.cjs')`, … Node loads such a
 * file as a main script, by the CommonJS rules (extension search), hence a `require` edge.
 *
 * An entry the syntax cannot place (a variable, a working-directory path such as `'./x.js'`,
 * which Node resolves against the process's working directory and a browser against the page)
 * fails closed: UNANALYZED at the entry, because the file runs with every capability of the
 * process and no grant of the starter (WORKER, EXEC) says what it does (docs/caveats.md,
 * "Worker entries").
 */
export function followProgramEntry(walker: Walker, entry: ts.Expression, starter: string, cwd?: PathValue): void {
  followEntryValue(walker, entry, evaluatePath(entry, pathContext(walker)), `${starter}(${entry.getText(walker.sourceFile)})`, 'require', cwd);
}

/**
 * A relative path a child reads against its working directory, placed when that directory is a
 * folder of the program (`{ cwd: path.join(__dirname, 'app') }`); otherwise left as it is.
 */
function againstWorkingDirectory(value: PathValue | undefined, cwd: PathValue | undefined): PathValue | undefined {
  if (value === undefined || value.anchored || value.form !== 'path' || path.posix.isAbsolute(value.text) || cwd === undefined || !cwd.anchored) return value;
  let folder: string | undefined = cwd.form === 'path' ? cwd.text : undefined;
  if (cwd.form === 'url') {
    try {
      folder = fileURLToPath(cwd.text);
    } catch {
      folder = undefined;
    }
  }
  return folder === undefined ? value : { form: 'path', text: path.posix.join(folder, value.text), anchored: true };
}

/** The evaluator's view of the module being walked. */
export function pathContext(walker: Walker): PathContext {
  // A relative name (files parsed in isolation) is placed under a virtual root: only the path
  // between the module and its entry matters, never the working directory.
  const fileName = path.posix.isAbsolute(walker.sourceFile.fileName) ? walker.sourceFile.fileName : `/${walker.sourceFile.fileName}`;
  return { fileName, scope: walker.scope, ancestors: walker.ancestors };
}

/** An entry whose value was evaluated (undefined: not provable): an edge, or UNANALYZED at `node`. */
export function followEntryValue(walker: Walker, node: ts.Node, written: PathValue | undefined, label: string, kind: 'require' | 'dynamic-import' = 'require', cwd?: PathValue): void {
  const value = againstWorkingDirectory(written, cwd);
  const specifier = value === undefined ? undefined : moduleSpecifierOf(value, pathContext(walker).fileName);
  if (specifier !== undefined) return walker.addReference(specifier, kind, false, node);
  walker.report.unanalyzed(node, excerpt(label), 'the file this starts runs with every capability of a Node process, and the syntax cannot tell which file it is');
}

/**
 * A module loaded before the entry (`--require x`, `--import x`): a file, as an entry is, or a
 * bare package name, which Node looks up from the working directory's node_modules as a
 * dependency (an edge by that name, analyzed with `--deps`).
 */
export function followPreload(walker: Walker, node: ts.Node, value: PathValue | undefined, label: string, kind: 'require' | 'dynamic-import', cwd?: PathValue): void {
  const bare = value !== undefined && !value.anchored && value.form === 'path' && /^(@[\w.-]+\/)?[\w.-]+(\/[^\s]*)?$/.test(value.text) && !value.text.startsWith('.');
  if (bare) return walker.addReference(value.text, kind, false, node);
  followEntryValue(walker, node, value, label, kind, cwd);
}

/**
 * `new Worker(entry, { execArgv })` (worker-entries.ts is the calls.ts hook): the entry file, and
 * the preloads its `execArgv` names.
 */
export function followWorkerEntry(walker: Walker, entry: ts.Expression, options: ts.Expression | undefined): void {
  followProgramEntry(walker, entry, 'new Worker');
  if (options !== undefined) followLaunchOptions(walker, options, 'new Worker');
}

/**
 * `Worker` of node:worker_threads (also `wt.Worker`, renamed, through a `const`), the web's
 * global `Worker` / `SharedWorker`, and any other `Worker` whose origin the syntax cannot see (an
 * import from a project module may re-export the real one). A function or a class without
 * `extends` declared in the file is the project's own, not a thread.
 */
export function isWorkerConstructor(walker: Walker, callee: ts.Expression): boolean {
  const inner = skipOuter(callee);
  const context = { scope: walker.scope, ancestors: walker.ancestors };
  const member = builtinMemberOf(inner, context);
  if (member !== undefined) return member.specifier === 'node:worker_threads' && (member.member === 'Worker' || member.member === null);
  const name = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
  if (name !== 'Worker' && name !== 'SharedWorker') return false;
  if (!ts.isIdentifier(inner) || walker.scope.lookup(inner.text) === undefined) return true;
  const declared = declarationOf(inner, walker.ancestors);
  if (declared?.kind !== 'declared') return true;
  return ts.isClassDeclaration(declared.node) && declared.node.heritageClauses !== undefined;
}
