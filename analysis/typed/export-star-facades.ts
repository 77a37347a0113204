import path from 'node:path';
import ts from '../../policy/typescript.cjs';
import { literalString, skipOuter, type ImportedEscapes, type Resolved, type UntypedEscape } from '../syntax/index.js';
import { copiedModule } from './copied-exports.js';

/**
 * A compiled `export * from 'node:child_process'` (tsc's `__exportStar(require(…), exports)`, its
 * older `__export(require(…))`, esbuild's `__reExport(target, require(…), module.exports)`) hands out
 * the whole module: every member of the capability module becomes a member of this one, and an
 * importer reads `facade.execSync` from a record the types call `any` (red-team round 12). The guard
 * judges the facade itself through its module graph; a per-file linter judges each importer, so the
 * importer's load of such a file is where the capability is reached.
 */

/** The helpers compilers emit for `export *` in CommonJS, by the name they are called by (`tslib_1.__exportStar` too). */
const EXPORT_STAR_HELPERS: ReadonlySet<string> = new Set(['__exportStar', '__reExport', '__export']);

/** Extensions a relative CommonJS `require` tries after the exact name. */
const REQUIRE_EXTENSIONS: readonly string[] = ['', '.js', '.cjs', '/index.js'];

/**
 * Relative facades followed from one another this deep (a compiled barrel of barrels): the start and
 * four more. A facade past it is UNANALYZED at the importer (docs/choices.md 30).
 */
export const MAX_DEPTH = 4;

/** Compiled output is JavaScript: a TypeScript file's own `require` is judged where it is written. */
const JAVASCRIPT_FILE = /\.(?:js|mjs|cjs|jsx)$/;

/** Each file's hand-outs, found once per run. */
const handOutsOf = new WeakMap<ts.SourceFile, readonly UntypedEscape[]>();

/** Files read off disk, once per run: a facade is compiled output, not part of the type-checked program. */
const parsedFiles = new Map<string, ts.SourceFile | null>();

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** The file a relative specifier names beside `fromFile`, parsed with parents (messages quote its nodes). */
export function loadedFile(fromFile: string, specifier: string): ts.SourceFile | undefined {
  if (!isRelative(specifier)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const extension of REQUIRE_EXTENSIONS) {
    const candidate = base + extension;
    let known = parsedFiles.get(candidate);
    if (known === undefined) {
      const text = /\.[cm]?[jt]sx?$/.test(candidate) && ts.sys.fileExists(candidate) ? ts.sys.readFile(candidate) : undefined;
      known = text === undefined ? null : ts.createSourceFile(candidate, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      parsedFiles.set(candidate, known);
    }
    if (known !== null) return known;
  }
  return undefined;
}

/** `require('literal')` (through parentheses): the literal. */
export function requiredSpecifier(expression: ts.Expression): string | undefined {
  const inner = skipOuter(expression);
  if (!ts.isCallExpression(inner) || !ts.isIdentifier(inner.expression) || inner.expression.text !== 'require') return undefined;
  return literalString(inner.arguments[0]);
}

function helperName(call: ts.CallExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/**
 * The modules `file` re-exports whole through a compiled `export *` helper or a copy of every key,
 * each as an escape at its `require(…)`: a builtin or package directly, a relative facade by what it
 * re-exports in turn.
 */
export function exportStarHandOuts(file: ts.SourceFile): readonly UntypedEscape[] {
  let known = handOutsOf.get(file);
  if (known === undefined) {
    known = JAVASCRIPT_FILE.test(file.fileName) ? handOutsWithin(file, 0, new Set()) : [];
    handOutsOf.set(file, known);
  }
  return known;
}

const HANDED_OUT = 'a compiled `export *` (the whole module is handed out)';
const TOO_DEEP = `a compiled \`export *\` chain deeper than ${MAX_DEPTH} facades (not followed: what it hands out is unknown)`;
/** What a facade past MAX_DEPTH hands out: whatever its `require` loads, which is UNANALYZED (analysis/syntax/untyped-escapes.ts). */
const UNFOLLOWED: Resolved = { kind: 'global', name: 'require', member: null };

/**
 * Every file is read whole at each start (a memo per depth would depend on which importer asked
 * first); `seen` stops a cycle, which hands out nothing new.
 */
function handOutsWithin(file: ts.SourceFile, depth: number, seen: Set<string>): readonly UntypedEscape[] {
  if (seen.has(file.fileName) || !JAVASCRIPT_FILE.test(file.fileName)) return [];
  seen.add(file.fileName);
  const found: UntypedEscape[] = [];
  const handOut = (argument: ts.Expression, specifier: string): void => {
    if (!isRelative(specifier)) found.push({ node: argument, value: { kind: 'module-member', specifier, member: null }, slot: HANDED_OUT, judgedAtImport: false });
    const target = loadedFile(file.fileName, specifier);
    if (target === undefined || seen.has(target.fileName)) return;
    // Past the depth the chain fails closed: the importer sees UNANALYZED, not silence.
    if (depth + 1 > MAX_DEPTH) found.push({ node: argument, value: UNFOLLOWED, slot: TOO_DEEP, judgedAtImport: false });
    else for (const escape of handOutsWithin(target, depth + 1, seen)) found.push({ ...escape, node: argument, slot: escape.slot === TOO_DEEP ? TOO_DEEP : HANDED_OUT });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && EXPORT_STAR_HELPERS.has(helperName(node) ?? '')) {
      for (const argument of node.arguments) {
        const specifier = requiredSpecifier(argument);
        if (specifier !== undefined) handOut(argument, specifier);
      }
    }
    const copied = copiedModule(file, node);
    const specifier = copied === undefined ? undefined : requiredSpecifier(copied);
    if (copied !== undefined && specifier !== undefined) handOut(copied, specifier);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * A load (`require('./facade.cjs')`, `createRequire(import.meta.url)('./facade.cjs')`) of a file the
 * program does not hold (no import names it, so the checker never read it): the file read off disk,
 * with its compiled `export *` hand-outs.
 */
export function loadedFileHandOuts(specifier: ts.Expression): readonly ImportedEscapes[] {
  const written = literalString(specifier);
  const file = written === undefined ? undefined : loadedFile(specifier.getSourceFile().fileName, written);
  const escapes = file === undefined ? [] : exportStarHandOuts(file);
  return file === undefined || escapes.length === 0 ? [] : [{ file, escapes }];
}
