import { replaceHits, textRulePattern, type TextRulePattern } from './text-normalize-pattern.js';
import { casedSkeleton, matchingForm, toMatchingText } from './text-normalize.js';
import { joinedLetters } from './text-normalize-spacing.js';
import { REORDERS } from './text-normalize-bidi.js';

/**
 * Text rules from SPEC §4 and §6 (L2). They are data plus tiny pure matchers so that the ESLint
 * plugin, the guard and the inspector's own output lint all use the same definitions.
 */

/** Verdict words that must never appear as a verdict in inspector code (SPEC §4). */
export const FORBIDDEN_VERDICT_TOKENS: readonly string[] = [
  'PASS',
  'PASSED',
  'READ_LEVEL_ACCEPTABLE',
  'READ_REPORT_PASS',
  'EVIDENCE_PRESENT',
  'EVIDENCE_SUFFICIENT_FOR_READ_LEVEL',
];

const TOKEN_SKELETONS: ReadonlyMap<string, string> = new Map(FORBIDDEN_VERDICT_TOKENS.map((token) => [casedSkeleton(token), token]));

/**
 * A string or identifier is a verdict token when it is exactly one of the forbidden tokens, compared
 * on the case-preserving skeleton (SPEC §3): `РАSS` in Cyrillic, `ＰＡＳＳ` or `PA\u200BSS` is `PASS`;
 * `pass` and `Pass` are ordinary words.
 */
export function forbiddenVerdictToken(text: string): string | undefined {
  return TOKEN_SKELETONS.get(casedSkeleton(text).trim());
}

/** Any word of a caseless text that is a verdict token, however cased or spelled (for tki's own verdict line). */
export const VERDICT_WORD_RULE = textRulePattern(new RegExp(`(?<![A-Za-z0-9_])(?:${[...FORBIDDEN_VERDICT_TOKENS].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9_])`, 'i'));

/**
 * SQL statement text. Each pattern needs the statement's shape, not just a keyword, so prose such
 * as "select the item from the list", "delete from the cache" or "update the report" does not
 * match: upper-case keywords count as SQL, lower-case ones only with an unmistakable shape.
 */
export const SQL_STATEMENT_PATTERNS: readonly RegExp[] = [
  /\bSELECT\b[\s\S]{1,400}?\bFROM\s+[\w."]+/,
  /\bselect\s+(distinct\s+)?(\*|[\w."]+(\s*,\s*[\w."]+)+)\s+from\s+[\w."]+/i,
  /\bselect\s+[\w."]+\s+from\s+[\w."]+\s+(where|join|order\s+by|group\s+by|limit)\b/i,
  /\bINSERT\s+INTO\s+[\w."]+/,
  /\binsert\s+into\s+[\w."]+\s*(\(|values\b|select\b)/i,
  /\bupdate\s+[\w."]+\s+set\s+[\w."]+\s*=/i,
  /\bDELETE\s+FROM\s+[\w."]+/,
  /\bdelete\s+from\s+[\w."]+\s*(where\b|returning\b|;|$)/i,
  /\b(create|drop|alter)\s+(or\s+replace\s+)?(table|view|index|function|procedure|role|schema|database|trigger|extension)\s+(if\s+(not\s+)?exists\s+)?[\w."]+\s*(\(|;|$|as\b|add\b|rename\b|owner\b|cascade\b)/i,
  /\bTRUNCATE\s+(TABLE\s+)?[\w."]+/,
  /\bgrant\s+[\w, ]+\s+on\s+(table\s+)?[\w."]+\s+to\b/i,
  /\bcopy\s+[\w."]+\s+(from|to)\s+(stdin|stdout|'[^']*')/i,
  /\bwith\s+\w+\s+as\s*\(\s*select\b/i,
];

export function looksLikeSql(text: string): boolean {
  return SQL_STATEMENT_PATTERNS.some((pattern) => pattern.test(text));
}

/**
 * Wording that asserts global absence. The inspector may only say that something is not
 * adequately evidenced in this packet's allowed surfaces as of its export.
 */
export const GLOBAL_DENIAL_PATTERNS: readonly RegExp[] = [
  /\b(does|do)\s*(not|n['’]t)\s+exist\b/i,
  /\bno\s+longer\s+exists?\b/i,
  /\bnever\s+existed\b/i,
  /\b(is|are)\s+absent\s+(everywhere|globally|entirely)\b/i,
  /\babsent\s+everywhere\b/i,
  /\bnot\s+(found|present|available)\s+anywhere\b/i,
  /\bexists?\s+nowhere\b/i,
  /\bnowhere\s+to\s+be\s+found\b/i,
  /\bno\s+such\s+\w+\s+exists?\b/i,
  /\b(is|are)\s+non-?existent\b/i,
  /\bdoes\s*(not|n['’]t)\s+exist\s+anywhere\b/i,
  /\bcannot\s+be\s+found\s+anywhere\b/i,
];

const GLOBAL_DENIAL_RULES: readonly TextRulePattern[] = GLOBAL_DENIAL_PATTERNS.map(textRulePattern);
/** All of them in one alternation, for the yes/no question asked of every string the inspector emits. */
const ANY_GLOBAL_DENIAL = new RegExp(GLOBAL_DENIAL_RULES.map((rule) => `(?:${rule.matcher.source})`).join('|'), 'i');

export const SCOPED_DENIAL_WORDING = "is not adequately evidenced in this packet's allowed surfaces as of its export";

/** On the matching form: look-alike letters, zero-width and format characters do not hide the wording. */
export function hasGlobalDenialWording(text: string): boolean {
  // Only a text that may display in another order, or whose blanks join letters (letter spacing,
  // text-normalize-spacing.ts), gets its other forms built; the rest is matched on its one form.
  if (!REORDERS.test(text) && joinedLetters(text) === undefined) return ANY_GLOBAL_DENIAL.test(matchingForm(text));
  const form = toMatchingText(text);
  return ANY_GLOBAL_DENIAL.test(form.text) || (form.visuals?.some((visual) => ANY_GLOBAL_DENIAL.test(visual.text)) ?? false);
}

/** Replace every global-absence phrase (found on the matching form, replaced in the original) with the scoped form. */
export function scopeDenialWording(text: string): { text: string; changed: boolean } {
  return replaceHits(text, GLOBAL_DENIAL_RULES, SCOPED_DENIAL_WORDING);
}
