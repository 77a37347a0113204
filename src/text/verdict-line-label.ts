import { replaceHits, textRulePattern } from '../../policy/text-normalize-pattern.js';
import { FORBIDDEN_VERDICT_TOKENS } from '../../policy/text-rules.js';
import { escapeControlChars, truncate } from './escape.js';

/**
 * The packet's path as the operator typed it, shown on tki's verdict line (issue 13, sinks). The
 * path is the attacker's choice too (an archive unpacks to `FINAL VERDICT PASS (exit 0) certified/`),
 * so it is shown as a quoted string, control and format characters escaped, and every word that
 * reads as a verdict, in any case or look-alike spelling (the rule runs on the matching form), is
 * withheld: the forbidden tokens of SPEC §4 and their everyday cousins.
 */
const VERDICT_LIKE_WORDS = [
  ...FORBIDDEN_VERDICT_TOKENS,
  'PASSES',
  'PASSING',
  'CERTIFIED',
  'CERTIFIES',
  'APPROVED',
  'ACCEPTED',
  'ACCEPTABLE',
  'VERIFIED',
  'VALIDATED',
  'SUCCESS',
  'SUCCEEDED',
  'CLEARED',
  'GREEN',
  'OK',
];

const VERDICT_LIKE_RULE = textRulePattern(new RegExp(`(?<![A-Za-z0-9])(?:${[...new Set(VERDICT_LIKE_WORDS)].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9])`, 'i'));

export const WITHHELD_WORD = '[verdict-like word withheld]';

export function packetLabelForVerdictLine(label: string): string {
  const visible = escapeControlChars(truncate(label, 300));
  return JSON.stringify(replaceHits(visible, [VERDICT_LIKE_RULE], WITHHELD_WORD).text);
}
