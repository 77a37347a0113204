import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from '../../policy/typescript.cjs';
import { builtinMemberOf } from './entry-path-modules.js';
import { evaluateParts, moduleSpecifierOf, type PathContext, type PathPart, type PathValue } from './entry-path.js';
import { excerpt, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

// Where an evaluated entry (worker-entries.ts, child-entries*.ts) becomes an edge of the module
// graph, or UNANALYZED when the syntax cannot place it.

/**
 * A relative path a child reads against its working directory, placed when that directory is a
 * folder of the program (`{ cwd: path.join(__dirname, 'app') }`); otherwise left as it is.
 */
export function againstWorkingDirectory(value: PathValue | undefined, cwd: PathValue | undefined): PathValue | undefined {
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

/** Modules whose members build a path (`path.join(process.cwd(), 'tool')`). */
const PATH_MODULES = new Set(['node:path', 'node:path/posix', 'node:path/win32']);

/** Pieces of a command that build a path the evaluator could not compute: a `/` among the written text, or a `path` call. */
function isPathShaped(walker: Walker, parts: readonly PathPart[]): boolean {
  return parts.some((part) => {
    if (typeof part === 'string') return part.includes('/');
    const inner = skipOuter(part);
    return ts.isCallExpression(inner) && PATH_MODULES.has(builtinMemberOf(skipOuter(inner.expression), { scope: walker.scope, ancestors: walker.ancestors })?.specifier ?? '');
  });
}

/**
 * A program started by a path (`spawn(path.join(__dirname, 'tool'))`, `exec('./tool', { cwd })`,
 * `spawn('/opt/x/tool')`): a `spawned-executable` edge, which the guard decides by the file's first
 * line (a `#!…node` line makes it a Node entry); the syntax reads no file. A bare name (`git`) is
 * looked up on PATH, and a command computed in full (`spawn(cmd)`) stays the EXEC grant's: no
 * edge. A path the syntax cannot place (`./tool` against an unknown working directory,
 * `path.join(process.cwd(), 'tool')`) fails closed: the file may be a Node script.
 */
export function followSpawnedExecutable(walker: Walker, node: ts.Node, parts: readonly PathPart[], label: string, cwd?: PathValue): void {
  const written = evaluateParts(parts, pathContext(walker));
  if (written === undefined && !isPathShaped(walker, parts)) return;
  if (written !== undefined && (written.form !== 'path' || !written.text.replaceAll('\\', '/').includes('/'))) return;
  const value = againstWorkingDirectory(written, cwd);
  // An absolute path is the same file from any working directory.
  const specifier = value !== undefined && !value.anchored && path.posix.isAbsolute(value.text) ? value.text : value === undefined ? undefined : moduleSpecifierOf(value, pathContext(walker).fileName);
  if (specifier !== undefined) return walker.addReference(specifier, 'spawned-executable', false, node);
  walker.report.unanalyzed(node, excerpt(label), 'a program started by a path the syntax cannot place: a `#!/usr/bin/env node` file runs with every capability of a Node process');
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

