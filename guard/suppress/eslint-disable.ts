import type ts from 'typescript';
import { SUPPRESSION_MARKER, commentsOf, normalizeRuleName } from '../../analysis/suppress/index.js';

/**
 * ESLint's disable comments that name a tki rule (`// eslint-disable-next-line tki/no-dynamic-code`).
 * ESLint honours them; tki-guard does not (its own rules are not ESLint rules, and one comment of
 * tki's own keeps the two tools to one verdict). Without a word, a user sees ESLint quiet and the
 * guard failing on the same line, so the guard names the first such comment of each file and
 * points at tki's own comment.
 */
export interface EslintDisableHint {
  /** Where the file's first such comment is, 1-based. */
  readonly commentLine: number;
  readonly commentColumn: number;
  /** `eslint-disable`, `eslint-disable-line` or `eslint-disable-next-line`. */
  readonly directive: string;
  /** The first tki rule it names, without the plugin's `tki/` namespace. */
  readonly rule: string;
  /** How many disable comments of the file name a tki rule (one hint per file, however many). */
  readonly count: number;
}

/** A cheap test on a file's raw text: could it hold a comment this module or analysis/suppress reads? */
export function mayHoldSuppressionComment(text: string | Buffer): boolean {
  return text.includes(SUPPRESSION_MARKER) || (text.includes('eslint-disable') && text.includes('tki/'));
}

// ESLint's own directive grammar (linter's directive comments): the name, then rules separated
// by commas, then an optional description after two or more dashes surrounded by white space.
const DIRECTIVE = /^(eslint-disable(?:-next-line|-line)?)(?:\s+([\s\S]*))?$/;
const DESCRIPTION = /\s-{2,}\s[\s\S]*$/;

/** The tki rules one comment's body disables, and the directive; `null` when it disables none. */
export function tkiRulesDisabledBy(body: string): { readonly directive: string; readonly rules: readonly string[] } | null {
  const match = DIRECTIVE.exec(body.trim());
  if (match === null) return null;
  const listed = (match[2] ?? '').replace(DESCRIPTION, '').split(',').map((rule) => rule.trim());
  const rules = listed.filter((rule) => rule.startsWith('tki/') && rule.length > 'tki/'.length).map(normalizeRuleName);
  return rules.length === 0 ? null : { directive: match[1] as string, rules };
}

/** The hint for one parsed file, or `null` when none of its comments disables a tki rule. */
export function eslintDisableHintOf(sourceFile: ts.SourceFile): EslintDisableHint | null {
  const text = sourceFile.text;
  if (!text.includes('eslint-disable')) return null;
  let first: Omit<EslintDisableHint, 'count'> | null = null;
  let count = 0;
  for (const comment of commentsOf(sourceFile)) {
    const disabled = tkiRulesDisabledBy(text.slice(comment.start + 2, comment.block ? comment.end - 2 : comment.end));
    if (disabled === null) continue;
    count += 1;
    if (first !== null) continue;
    const at = sourceFile.getLineAndCharacterOfPosition(comment.start);
    first = { commentLine: at.line + 1, commentColumn: at.character + 1, directive: disabled.directive, rule: disabled.rules[0] as string };
  }
  return first === null ? null : { ...first, count };
}

/** The one wording of the hint: the text report's line, the JSON's `message`, the SARIF notification. */
export function eslintDisableHintMessage(hint: EslintDisableHint): string {
  const others = hint.count > 1 ? ` (and ${hint.count - 1} more in this file)` : '';
  return `hint: tki-guard does not read \`${hint.directive} tki/${hint.rule}\`${others}, so ESLint is quiet and the guard is not; accept a finding in both with \`// ${SUPPRESSION_MARKER} ${hint.rule} -- <reason>\` on the line above it`;
}
