/**
 * What a line of a run record says, read conservatively (issue 13, verdict integrity): an exit code
 * counts only when it is written as a plain decimal integer, a failure, skip or mismatch counts
 * unless it is explicitly quantified as none ("0 failed", "errors: 0", "no failures"), and a hash
 * counts only as a whole `sha256:` token. Everything here reads text; nothing is run.
 */

/** An exit code written plainly: `0`, `1`, `-11`; never `00`, `+0`, `0x0`, `0.0`, `1e-400`, `٠`. */
export const PLAIN_DECIMAL = /^(?:0|-?[1-9]\d{0,18})$/;

/** Phrases that announce an exit code. `explicit` ones make whatever follows an exit-code statement. */
const EXIT_PHRASE =
  /\b(?:(exit[ _-]?(?:code|status)|return[ _-]?code|returncode|rc)|exit(?:ed)?(?:\s+with)?(?:\s+(?:code|status))?)\b["']?\s*([:=])?\s*/gi;

/** What reads as an attempt to state a value: a number in any spelling, a null, an empty or a composite. */
const VALUE_LIKE = /^(?:[-+.\d]|\p{Nd}|null\b|none\b|nil\b|n\/a\b|nan\b|undefined\b|true\b|false\b|""|''|\[|\{|skipped\b|unknown\b)/iu;

const TRAILING_PUNCTUATION = /[.,;:!?)\]}"']+$/;

export interface ExitStatements {
  readonly codes: number[];
  /** Exit-code statements that are not a plain decimal integer (`0xC0000005`, `null`, `N/A`). */
  readonly unreadable: string[];
}

/** Exit codes stated in one line of text (`exit code: 0`, `exited 2`, `rc=1`). */
export function exitStatementsIn(line: string, into: ExitStatements = { codes: [], unreadable: [] }): ExitStatements {
  for (const match of line.matchAll(EXIT_PHRASE)) {
    const after = line.slice((match.index ?? 0) + match[0].length);
    const token = (/^[^\s,;)\]}]+/.exec(after)?.[0] ?? '').replace(TRAILING_PUNCTUATION, '');
    if (PLAIN_DECIMAL.test(token)) {
      into.codes.push(Number(token));
      continue;
    }
    // After "exit code" anything is a statement of the code; after a bare "exit"/"exited", only what looks like a number or a null.
    const stated = match[1] !== undefined && match[2] !== undefined;
    if (VALUE_LIKE.test(token) || (stated && token !== '') || (stated && after.trim() === '')) into.unreadable.push(token === '' ? '(nothing)' : token);
  }
  return into;
}

const FAILURE_WORDS =
  /\b(?:fail(?:ed|s|ing|ures?)?|errors?|errored|skip(?:ped|s)?|abort(?:ed)?|crash(?:ed|es)?|timed[ -]?out|time-?out|killed|segfault|segmentation fault|panic(?:ked)?|mismatch(?:ed|es)?|not\s+run|never\s+ran|did\s*n[o']t\s+(?:run|complete|pass|finish|match)|does\s*n[o']t\s+match|not\s+(?:executed|completed)|differs?)\b/gi;

const REFUSAL_WORDS =
  /\b(?:reject(?:ed|s|ion)?|den(?:ied|ies|y|ial)|declin(?:ed|es|e)|refus(?:ed|es|e|al)|revok(?:ed|es|e)|revocation|withdrawn|withdrew|disapprov(?:ed|es|e|al)|unapproved|not\s+(?:approved|granted|signed\s+off)|veto(?:ed|es)?|pending|on\s+hold|awaiting|expired|suspended)\b/gi;

/** "0 failed", "no errors", "without failures", "failed: 0", "failures=0": a failure word quantified as none. */
const NONE_BEFORE = /(?:^|[\s(,;:])(?:0|no|zero|none|without|0\/\d+)\s*$/i;
const NONE_AFTER = /^\s*(?:[:=]\s*)?["']?0(?![\d./])/;

function wordsIn(line: string, words: RegExp): string[] {
  const found: string[] = [];
  for (const match of line.matchAll(words)) {
    const start = match.index ?? 0;
    const before = line.slice(Math.max(0, start - 16), start);
    const after = line.slice(start + match[0].length, start + match[0].length + 8);
    if (NONE_BEFORE.test(before) || NONE_AFTER.test(after)) continue;
    found.push(match[0]);
  }
  return found;
}

/** Failure, skip or mismatch wording that is not quantified as none. */
export function failureWordsIn(line: string): string[] {
  return wordsIn(line, FAILURE_WORDS);
}

/** Refusal wording (an approval record that says REJECTED or DENIED grants nothing). */
export function refusalWordsIn(line: string): string[] {
  return wordsIn(line, REFUSAL_WORDS);
}

/** `3/22 passed`: a pass count below its total is a failure count. */
const PASS_FRACTION = /(?<![\d/.])(\d{1,9})\s*\/\s*(\d{1,9})(?![\d/.])\s*(?:(?:tests?|checks?|cases?)\s+)?(?:pass(?:ed|es|ing)?|ok|succeeded|green)\b/gi;

export function shortFractionsIn(line: string): string[] {
  return [...line.matchAll(PASS_FRACTION)].filter((match) => Number(match[1]) !== Number(match[2])).map((match) => match[0]);
}

/** Every `sha256:` value as a whole token, whatever its length: a 68-digit run is not the 64-digit pin it starts with. */
const SHA256_TOKEN = /(?<![0-9A-Za-z_])sha256:[0-9A-Za-z_]+/g;

export function sha256TokensIn(text: string): string[] {
  return [...new Set(text.match(SHA256_TOKEN) ?? [])];
}

/** A well-formed sha256 reference: exactly 64 lower-case hex digits. */
export function isSha256Reference(token: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(token);
}
