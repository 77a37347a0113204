import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySuppressions, suppressionNotesOf, suppressionsOf, type FileSuppressions, type SuppressionNote as FileSuppressionNote } from '../../analysis/suppress/index.js';
import { parseSource } from '../load/parse.js';
import type { GuardFinding } from '../types.js';
import { eslintDisableHintOf, mayHoldSuppressionComment, type EslintDisableHint } from './eslint-disable.js';

export { eslintDisableHintMessage, mayHoldSuppressionComment, type EslintDisableHint } from './eslint-disable.js';

/** A finding a `tki-allow-next-line` comment accepted, with the comment's reason. */
export interface SuppressedFinding {
  readonly finding: GuardFinding;
  readonly reason: string;
}

/** A suppression comment that accepted nothing, or could not be read as one (analysis/suppress/notes.ts), in its file. */
export type SuppressionNote = FileSuppressionNote & { readonly file: string };

/** An `eslint-disable` comment naming a tki rule, which the guard does not honour (one per file), in its file. */
export type FileEslintDisableHint = EslintDisableHint & { readonly file: string };

export interface SuppressionResult {
  readonly findings: readonly GuardFinding[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly notes: readonly SuppressionNote[];
  readonly eslintDisableHints: readonly FileEslintDisableHint[];
}

/** What the guard reads from one file's comments: tki's suppressions, and the hint about ESLint's. */
export interface FileComments extends FileSuppressions {
  readonly eslintDisable: EslintDisableHint | null;
}

/**
 * The guard's side of tki's suppression comments: the same reader (analysis/suppress) as the
 * ESLint plugin, applied to the findings of every analyzed project file, whatever the rule
 * (guard-only rules such as `transitive-capability` included). It runs after the search, so a
 * suppressed capability has already flowed to importers: a suppression is not a grant.
 * Files are re-read here rather than cached with their facts, so a comment edit never needs a
 * re-analysis; only files that contain the marker are parsed.
 */
export function applyGuardSuppressions(root: string, files: readonly string[], findings: readonly GuardFinding[], reader: SuppressionReader = readSuppressions): SuppressionResult {
  const byFile = new Map<string, GuardFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list === undefined) byFile.set(finding.file, [finding]);
    else list.push(finding);
  }
  const kept: GuardFinding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const notes: SuppressionNote[] = [];
  const eslintDisableHints: FileEslintDisableHint[] = [];
  for (const file of new Set([...files, ...byFile.keys()])) {
    const own = byFile.get(file) ?? [];
    const read = reader(root, file);
    if (read === null) {
      kept.push(...own);
      continue;
    }
    if (read.eslintDisable !== null) eslintDisableHints.push({ ...read.eslintDisable, file });
    const outcome = applySuppressions(own, read.suppressions);
    kept.push(...outcome.kept);
    for (const { finding, suppression } of outcome.suppressed) suppressed.push({ finding, reason: suppression.reason });
    for (const note of suppressionNotesOf(read.malformed, outcome.unused)) notes.push({ ...note, file });
  }
  const rank = new Map(findings.map((finding, index) => [finding, index]));
  const order = (a: GuardFinding, b: GuardFinding): number => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  eslintDisableHints.sort((a, b) => a.file.localeCompare(b.file));
  return { findings: kept.sort(order), suppressed: suppressed.sort((a, b) => order(a.finding, b.finding)), notes, eslintDisableHints };
}

/** Reads one project file's suppression comments (`null`: none, or unreadable). */
export type SuppressionReader = (root: string, file: string) => FileComments | null;

/**
 * A reader that remembers each file's comments until told the file changed: `--watch` knows
 * what was saved, so a re-report reads only those files instead of every file again.
 */
export function createRememberingReader(): { readonly read: SuppressionReader; readonly forget: (files: readonly string[]) => void } {
  const known = new Map<string, FileComments | null>();
  return {
    read: (root, file) => {
      const key = join(root, file);
      if (!known.has(key)) known.set(key, readSuppressions(root, file));
      return known.get(key) ?? null;
    },
    forget: (files) => {
      for (const file of files) known.delete(file);
    },
  };
}

/**
 * A reader that skips the files the run saw without a marker (graph/build.ts records
 * `mayHoldSuppressionComment` with each file's facts, from the same content): a warm run then
 * reads only the files that hold a comment.
 */
export function readerSkipping(unmarked: ReadonlySet<string>, read: SuppressionReader = readSuppressions): SuppressionReader {
  return (root, file) => (unmarked.has(file) ? null : read(root, file));
}

function readSuppressions(root: string, file: string): FileComments | null {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return null;
  }
  if (!mayHoldSuppressionComment(text)) return null;
  const parsed = parseSource(file, file, text);
  return parsed.ok ? { ...suppressionsOf(parsed.value), eslintDisable: eslintDisableHintOf(parsed.value) } : null;
}
