import ts from '../../policy/typescript.cjs';
import { followLaunchOptions } from './child-entries-args.js';
import { declarationOf } from './entry-path-consts.js';
import { followEntryValue, pathContext } from './entry-path-follow.js';
import { builtinMemberOf } from './entry-path-modules.js';
import { evaluatePath, type PathValue } from './entry-path.js';
import { skipOuter } from './syntax.js';
import { mayNameBuiltin } from './text-mentions.js';
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
  const name = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
  const isWorkerName = name === 'Worker' || name === 'SharedWorker';
  // Under another name only a member of node:worker_threads is a thread, and a file that cannot
  // spell that builtin cannot load it (text-mentions.ts): most constructors are decided here.
  if (!isWorkerName && !mayNameBuiltin(walker.sourceFile, 'worker_threads')) return false;
  const member = builtinMemberOf(inner, { scope: walker.scope, ancestors: walker.ancestors });
  if (member !== undefined) return member.specifier === 'node:worker_threads' && (member.member === 'Worker' || member.member === null);
  if (!isWorkerName) return false;
  if (!ts.isIdentifier(inner) || walker.scope.lookup(inner.text) === undefined) return true;
  const declared = declarationOf(inner, walker.ancestors);
  if (declared?.kind !== 'declared') return true;
  return ts.isClassDeclaration(declared.node) && declared.node.heritageClauses !== undefined;
}
