import { RULE_MESSAGES } from '../syntax/messages.js';
import type { MalformedSuppression, Suppression } from './collect.js';

/**
 * What both enforcers say about a suppression comment that accepted nothing: one list of kinds
 * and one wording, so `npx eslint` and `tki-guard` name the same comments in the same words.
 */
export type SuppressionNote =
  /** Names a tki rule that reported nothing on the next line: stale, remove it. */
  | ({ readonly kind: 'unused' } & Suppression)
  /** Names no rule tki has (a typo such as `no-such-rule`): it could never accept anything. */
  | ({ readonly kind: 'unknown_rule' } & Suppression)
  /** Starts with the marker but cannot be read (no rule, no reason, a bad capability). */
  | ({ readonly kind: 'malformed' } & MalformedSuppression);

/** The rules only a whole program checks (tki-guard's own; guard/types.ts GuardRuleId, held equal by a test). */
export const WHOLE_PROGRAM_RULE_IDS = ['transitive-capability', 'cross-module-capability', 'unresolved-module'] as const;

/** The per-file rules: both enforcers run them. */
export const FILE_RULE_IDS = Object.keys(RULE_MESSAGES) as readonly string[];

/** Whether a suppression names a rule tki reports (dependency-cruiser's rules are `depcruise/<name>`). */
export function isKnownRule(rule: string): boolean {
  return FILE_RULE_IDS.includes(rule) || (WHOLE_PROGRAM_RULE_IDS as readonly string[]).includes(rule) || /^depcruise\/.+/.test(rule);
}

/** The notes of one file: its malformed comments, and its unused suppressions split into unknown rules and stale ones. */
export function suppressionNotesOf(malformed: readonly MalformedSuppression[], unused: readonly Suppression[]): SuppressionNote[] {
  return [
    ...malformed.map((problem): SuppressionNote => ({ kind: 'malformed', ...problem })),
    ...unused.map((suppression): SuppressionNote => ({ kind: isKnownRule(suppression.rule) ? 'unused' : 'unknown_rule', ...suppression })),
  ].sort((a, b) => a.commentLine - b.commentLine || a.commentColumn - b.commentColumn);
}

/** The one wording of a note, in the guard's text and SARIF reports and in the plugin's messages. */
export function suppressionNoteMessage(note: SuppressionNote): string {
  switch (note.kind) {
    case 'unused':
      return `unused suppression: no ${note.rule} finding on line ${note.line}`;
    case 'unknown_rule':
      return `unknown rule in suppression (accepts nothing): \`${note.rule}\` is not a tki rule`;
    case 'malformed':
      return `malformed suppression (accepts nothing): ${note.detail}`;
  }
}
