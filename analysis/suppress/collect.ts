import type ts from 'typescript';
import { commentsOf } from './comments.js';
import { SUPPRESSION_MARKER, parseSuppressionComment } from './comment.js';

/** A well-formed suppression: it may accept one finding of `rule` on `line`. */
export interface Suppression {
  /** 1-based line the suppression applies to: the line after the comment. */
  readonly line: number;
  /** Where the comment is, 1-based. */
  readonly commentLine: number;
  readonly commentColumn: number;
  readonly rule: string;
  readonly capability: string | null;
  readonly reason: string;
}

/** A comment that starts with the marker but cannot be a suppression; it accepts nothing. */
export interface MalformedSuppression {
  readonly commentLine: number;
  readonly commentColumn: number;
  readonly problem: 'suppress/no_rule' | 'suppress/no_reason' | 'suppress/bad_capability';
  readonly detail: string;
}

export interface FileSuppressions {
  readonly suppressions: readonly Suppression[];
  readonly malformed: readonly MalformedSuppression[];
}

const NONE: FileSuppressions = { suppressions: [], malformed: [] };
const memo = new WeakMap<ts.SourceFile, FileSuppressions>();

/** The suppression comments of one parsed file (memoized: the plugin's rules share one read). */
export function suppressionsOf(sourceFile: ts.SourceFile): FileSuppressions {
  // Most files have none: one substring search keeps them free of the comment walk.
  if (!sourceFile.text.includes(SUPPRESSION_MARKER)) return NONE;
  const known = memo.get(sourceFile);
  if (known !== undefined) return known;
  const suppressions: Suppression[] = [];
  const malformed: MalformedSuppression[] = [];
  for (const comment of commentsOf(sourceFile)) {
    const raw = sourceFile.text.slice(comment.start + 2, comment.block ? comment.end - 2 : comment.end);
    const directive = parseSuppressionComment(raw);
    if (directive === null) continue;
    const at = sourceFile.getLineAndCharacterOfPosition(comment.start);
    const endLine = sourceFile.getLineAndCharacterOfPosition(comment.end).line;
    const where = { commentLine: at.line + 1, commentColumn: at.character + 1 };
    if (directive.ok) suppressions.push({ ...where, line: endLine + 2, rule: directive.rule, capability: directive.capability, reason: directive.reason });
    else malformed.push({ ...where, problem: directive.problem, detail: directive.detail });
  }
  const found = { suppressions, malformed };
  memo.set(sourceFile, found);
  return found;
}
