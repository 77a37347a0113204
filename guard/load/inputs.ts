import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ts from '../../policy/typescript.cjs';
import { fail, ok, type Outcome } from '../errors.js';
import { flattenMessage } from './diagnostics.js';
import { fileKindOf, isSourceFile } from './file-kinds.js';
import { realPathOf, realPathOr } from '../../policy/real-path.js';
import { readHead } from '../resolve/file-probe.js';
import { UNNORMALIZED } from '../resolve/posix-paths.js';
import { interpreterOf } from '../resolve/spawned-executable.js';
import { jsxSettingsOf, type JsxSettings } from '../../analysis/syntax/index.js';

export { isSourceFile, SOURCE_EXTENSIONS } from './file-kinds.js';

export interface Inputs {
  /** The directory that relative paths, the policy and the cache are anchored to. */
  readonly root: string;
  /** Absolute paths of the entry files, sorted. */
  readonly files: readonly string[];
  readonly tsconfig: string | null;
  /**
   * A tsconfig's files as tsc lists them, before links are resolved: where the project is, for the
   * policy search (a linked folder's target outside the project must not move it).
   */
  readonly listed?: readonly string[];
  /** The tsconfig's `jsxFactory` / `jsxFragmentFactory`: every element and fragment calls them (AnalyzeOptions.jsx). */
  readonly jsx?: JsxSettings;
}

export type InputRequest = { readonly kind: 'project'; readonly tsconfig: string } | { readonly kind: 'paths'; readonly paths: readonly string[] };

/**
 * The path of `file` from `root`, with `/` separators. A run asks this for every module several
 * times, and `path.relative` resolves both paths (reading the working directory) and normalizes
 * them: on POSIX, an absolute, normalized root and a file plainly under it give the same answer
 * by slicing (1,556 files: tens of milliseconds of a warm run).
 */
export function toRelative(root: string, file: string): string {
  if (sep === '/' && root.startsWith('/') && file.length > root.length + 1 && file.startsWith(root) && file.charCodeAt(root.length) === 0x2f) {
    const tail = file.slice(root.length + 1);
    if (tail.charCodeAt(0) !== 0x2f && !UNNORMALIZED.test(tail) && !UNNORMALIZED.test(root)) return tail;
  }
  return relative(root, file).replaceAll('\\', '/');
}

/** A tsconfig's file list, or an explicit list of files and directories. */
export function loadInputs(request: InputRequest, cwd: string): Outcome<Inputs> {
  return request.kind === 'project' ? loadProject(resolve(cwd, request.tsconfig)) : loadPaths(request.paths, cwd);
}

function loadProject(tsconfig: string): Outcome<Inputs> {
  if (!existsSync(tsconfig)) return fail({ code: 'project/no_tsconfig', file: tsconfig });
  let diagnostic: ts.Diagnostic | undefined;
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (found) => {
      diagnostic = found;
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, host);
  // "No inputs were found" (18003) is our own `project/no_files`; any other config error is fatal.
  const first = diagnostic ?? parsed?.errors.find((error) => error.code !== 18003);
  if (parsed === undefined || first !== undefined) {
    return fail({ code: 'project/tsconfig', file: tsconfig, detail: describeDiagnostic(first) });
  }
  const root = dirname(tsconfig);
  // tsc reads `include` from the tsconfig's own folder, a linked tsconfig too (red team round 10), and
  // follows linked folders; each file is then judged by its real path, the one Node loads it from.
  const listed = [...new Set([...parsed.fileNames, ...javaScriptOutsideProgram(tsconfig, parsed, host), ...sourcesOutsideProgram(root, parsed)].map((file) => resolve(file)))].filter(isCodeInput).sort();
  const files = [...new Set(listed.map(realPathOr))].sort();
  if (files.length === 0) return fail({ code: 'project/no_files', root });
  const jsx = jsxSettingsOf(parsed.options);
  return ok({ root, files, tsconfig, listed, ...(jsx === undefined ? {} : { jsx }) });
}


/**
 * Without `allowJs` a tsconfig's program has no JavaScript, yet the `.js`/`.mjs`/`.cjs`/`.jsx`
 * files under its `include` (and outside its `exclude`) run, and ESLint lints them: they are
 * inputs too, analyzed syntactically one by one (the typed detector falls back for a file
 * outside the program), so the editor and CI see the same files.
 */
function javaScriptOutsideProgram(tsconfig: string, parsed: ts.ParsedCommandLine, host: ts.ParseConfigFileHost): readonly string[] {
  if (parsed.options.allowJs === true) return [];
  return ts.getParsedCommandLineOfConfigFile(tsconfig, { allowJs: true }, host)?.fileNames ?? [];
}

/** No `include` pattern (own or extended) leaves the program without wildcard directories: only `files`. */
function enumeratesFiles(parsed: ts.ParsedCommandLine): boolean {
  return Object.keys(parsed.wildcardDirectories ?? {}).length === 0;
}

/**
 * `npx eslint .` lints every source file of the project, and the CI gate must judge the same
 * files: a tsconfig that includes only `src` leaves `scripts/release.ts` out of its program, yet
 * it runs. So every source file under the tsconfig's directory is an input too (those outside the
 * program analyzed syntactically, as the typed detector does for any file it has no types for),
 * except installed packages, version control, dot-directories (caches, tool output) and the
 * tsconfig's `outDir` (built copies of the program). Generated or vendored files are left out with the policy's `ignore`, as for ESLint.
 */
function sourcesOutsideProgram(root: string, parsed: ts.ParsedCommandLine): readonly string[] {
  // A tsconfig that lists `files` and no `include` names its program exactly (tsc's own reading): the
  // user enumerated the entry points, so the directory around them is not the project.
  if (enumeratesFiles(parsed)) return [];
  const found: string[] = [];
  const outDir = parsed.options.outDir === undefined ? undefined : resolve(parsed.options.outDir);
  // Dot-directories hold caches and tool output (.next, .turbo, .cache, packed copies), not the project's code.
  collect(root, found, (directory) => directory === outDir || basename(directory).startsWith('.'));
  return found;
}

function describeDiagnostic(diagnostic: ts.Diagnostic | undefined): string {
  if (diagnostic === undefined) return 'cannot read this tsconfig';
  const message = flattenMessage(diagnostic);
  if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
  const at = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${at.line + 1}:${at.character + 1}: ${message}`;
}

function loadPaths(paths: readonly string[], cwd: string): Outcome<Inputs> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = realPathOr(resolve(cwd, path));
    if (!existsSync(absolute)) return fail({ code: 'usage/no_input', path });
    if (statSync(absolute).isDirectory()) {
      collect(absolute, files);
      continue;
    }
    // A file named on the command line is analyzed whatever its name (Node runs an extensionless
    // script or an unknown extension as JavaScript), or refused with a reason: never skipped. Its
    // kind is its real path's, as Node picks the loader (`run.js` linking to JSON is data).
    const kind = statSync(absolute).isFile() ? fileKindOf(absolute) : 'special';
    if (kind === 'native' || kind === 'data' || kind === 'declaration' || kind === 'special') return fail({ code: 'usage/unanalyzable_input', path, kind });
    files.push(absolute);
  }
  const unique = [...new Set(files)].sort();
  if (unique.length === 0) return fail({ code: 'project/no_files', root: cwd });
  const jsx = jsxSettingsAround(cwd);
  return ok({ root: realPathOr(cwd), files: unique, tsconfig: null, ...(jsx === undefined ? {} : { jsx }) });
}

/**
 * Files named on the command line compile under the tsconfig of the folder the run starts in (the
 * nearest one above it, as tsc finds it): its JSX factories are what their elements call. One that
 * cannot be read names none (the run needs no tsconfig).
 */
function jsxSettingsAround(cwd: string): JsxSettings | undefined {
  const tsconfig = ts.findConfigFile(cwd, (file) => existsSync(file));
  if (tsconfig === undefined) return undefined;
  // Options only: a host that lists no directory keeps TypeScript from globbing the tree (as guard/resolve/tsconfig.ts).
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, readDirectory: () => [], onUnRecoverableConfigFileDiagnostic: () => undefined });
  return parsed === undefined ? undefined : jsxSettingsOf(parsed.options);
}

/**
 * A source file by its name whose content Node also loads as code. Node picks the loader by the
 * extension of the file's real path (CommonJS resolves symlinks first), so `run.js` linking to
 * `data.json` is JSON to Node, never a program, and is not a module to analyze (the file Node
 * reaches through it is judged where it is loaded).
 */
function isCodeInput(path: string): boolean {
  return isSourceFile(path) && isRegularFile(path) && fileKindOf(realPathOf(path) ?? path) === 'code';
}

/** A FIFO or device named like source would block the read forever (red team round 10): only regular files are code. */
function isRegularFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * isCodeInput for a walk's entry without a realpath per file (a warm run's largest file-system
 * cost): a regular file's real path ends in its own name (only the directories above it can be
 * links), and the kind depends on the name alone. A symbolic link is followed as before.
 */
function isCollectedCode(entry: Dirent, path: string): boolean {
  return entry.isFile() ? isSourceFile(path) : isCodeInput(path);
}

/** A walked file by the path Node loads it from: a link inside the walk is judged by its target (red team round 10: a link in a granted folder got the grant). */
function collectedPath(entry: Dirent, path: string): string {
  return entry.isSymbolicLink() ? realPathOr(path) : path;
}

/** Directories skipped by a walk: version control and installed packages (`--deps` reaches those through imports). */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/** An extensionless file whose `#!` line names Node (or tsx, ts-node): a script Node runs as JavaScript (guard/resolve/spawned-executable.ts). */
function isNodeScript(path: string): boolean {
  const head = readHead(path);
  const interpreter = head === undefined ? 'other' : interpreterOf(head);
  return interpreter === 'node' || interpreter === 'node-unplaced';
}

/** Every source file below `directory`, dotfiles included (`.eslintrc.js` runs too). */
function collect(directory: string, into: string[], skip?: (directory: string) => boolean): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (skip?.(path) !== true) collect(path, into, skip);
    } else if (isCollectedCode(entry, path) || (entry.isFile() && !entry.name.includes('.') && isNodeScript(path))) into.push(collectedPath(entry, path));
  }
}
