import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type ts from 'typescript';
import { moduleSpecifierOf, type PathContext, type PathValue } from './entry-path.js';
import { excerpt } from './syntax.js';
import type { Walker } from './walker.js';

// Where an evaluated entry (worker-entries.ts, child-entries*.ts) becomes an edge of the module
// graph, or UNANALYZED when the syntax cannot place it.

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

