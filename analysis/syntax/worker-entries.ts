import path from 'node:path';
import type ts from 'typescript';
import { evaluatePath, moduleSpecifierOf } from './entry-path.js';
import { excerpt } from './syntax.js';
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
export function followProgramEntry(walker: Walker, entry: ts.Expression, starter: string): void {
  // A relative name (files parsed in isolation) is placed under a virtual root: only the path
  // between the module and its entry matters, never the working directory.
  const fileName = path.posix.isAbsolute(walker.sourceFile.fileName) ? walker.sourceFile.fileName : `/${walker.sourceFile.fileName}`;
  const value = evaluatePath(entry, { fileName, scope: walker.scope, ancestors: walker.ancestors });
  const specifier = value === undefined ? undefined : moduleSpecifierOf(value, fileName);
  if (specifier !== undefined) return walker.addReference(specifier, 'require', false, entry);
  walker.report.unanalyzed(entry, excerpt(`${starter}(${entry.getText(walker.sourceFile)})`), 'the file this starts runs with every capability of a Node process, and the syntax cannot tell which file it is');
}
