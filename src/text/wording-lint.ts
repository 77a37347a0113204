import { GLOBAL_DENIAL_PATTERNS, hasGlobalDenialWording, scopeDenialWording } from '../../policy/index.js';
import { textRulePattern } from '../../policy/text-normalize-pattern.js';
import { decodedCodePointEscapes, hasOwnNotation, ownNotationEscaped, withHitsEscaped } from './escape.js';

/**
 * SPEC §4 non-global denial: every string the inspector emits is linted for global-absence
 * wording with the policy's one matcher; a hit is reported, and in tki's words replaced by the
 * scoped form. A quote of the packet (QUOTE_KEYS) is not rewritten into tki's words, which would make
 * it quote what the packet never wrote (docs/choices.md 12, 33): its wording is shown as `\u{…}`
 * escapes, the packet's characters still, so no file tki writes reads as global absence.
 */
export interface LintResult<T> {
  readonly value: T;
  /** JSON paths of tki's strings that were rewritten. */
  readonly rewritten: string[];
  /** JSON paths of quotes of the packet whose wording was escaped. */
  readonly escapedQuotes: string[];
}

/**
 * The report's fields that quote the packet, by key (report/schema.ts): a prose finding's `excerpt`,
 * a flag's or a finding's `quote`, an item problem's `problem_quotes`, a claim's own `text` and
 * `subject`. Every other string is tki's words (a message or a reason embedding a value included).
 */
const QUOTE_KEYS: ReadonlySet<string> = new Set(['excerpt', 'quote', 'problem_quotes', 'text', 'subject']);

const GLOBAL_DENIAL_RULES = GLOBAL_DENIAL_PATTERNS.map(textRulePattern);

/**
 * Global-absence wording in a quote as written, or as a reader reads it after decoding `\u{…}`
 * escapes (the report tells its reader to decode them: a packet that spells "does" as `\u{64}…`
 * says it all the same, round 15).
 */
function quoteHasDenialWording(quote: string): boolean {
  return hasGlobalDenialWording(quote) || (quote.includes('\\') && hasGlobalDenialWording(decodedCodePointEscapes(quote)));
}

/**
 * A quote of the packet in tki's notation (choices 33, 82), the one pass that writes it: its
 * global-absence wording as `\u{…}` escapes (`flagged`), and the packet's own backslashes before `u`
 * as `\u{5c}` in every quote, flagged or not, so decoding the escapes once gives exactly the packet's
 * text and every `\u{…}` in a quote, in report.json or in report.md (whose sink adds escapes for
 * control characters and never touches a backslash), is tki's.
 */
export function quoteInNotation(quote: string): { text: string; changed: boolean; flagged: boolean } {
  if (quoteHasDenialWording(quote)) {
    const escaped = withHitsEscaped(quote, GLOBAL_DENIAL_RULES, true);
    return { ...escaped, flagged: escaped.changed };
  }
  const text = ownNotationEscaped(quote);
  return { text, changed: text !== quote, flagged: false };
}

/** Lint passes and the distinct strings they matched (a cost counter for the structural tests). */
export const lintCounter = { passes: 0, strings: 0 };

export function lintString(text: string): { text: string; changed: boolean } {
  return hasGlobalDenialWording(text) ? scopeDenialWording(text) : { text, changed: false };
}

/**
 * Between two strings in the joined text: no phrase reads across it (the JSON separator the lint used
 * before), and a paragraph separator (U+2029), so each string gets its own paragraph level as
 * lintString gives it (UAX #9 P2–P3): an excerpt led by an RLM is read right to left (round 13).
 */
const STRING_SEPARATOR = '",\u2029"';

/**
 * The distinct strings of JSON-shaped values (keys are the inspector's own), gathered one value at a
 * time, and the one question the lint asks of them all together. A report rendered a claim at a
 * time (src/pipeline/render.ts) adds each claim's record as it is serialized, and keeps none of them.
 */
export class EmittedStrings {
  private readonly seen = new Set<string>();

  add(value: unknown): void {
    if (typeof value === 'string') this.seen.add(value);
    else if (typeof value === 'object' && value !== null) this.addWithin(value);
  }

  /**
   * Recursive (a report is a dozen levels deep at most: maxReportJsonDepth), a string added where it
   * is met: interpreted, a stack of every value pushed and popped was twice the walk (session 18).
   */
  private addWithin(node: object): void {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        const entry: unknown = node[index];
        if (typeof entry === 'string') this.seen.add(entry);
        else if (typeof entry === 'object' && entry !== null) this.addWithin(entry);
      }
      return;
    }
    for (const key in node) {
      const entry = (node as Record<string, unknown>)[key];
      if (typeof entry === 'string') this.seen.add(entry);
      else if (typeof entry === 'object' && entry !== null) this.addWithin(entry);
    }
  }

  /**
   * Whether any of them needs the lint: global-absence wording (as written, or with its escapes
   * decoded), or a backslash before `u` that a quote must write in tki's notation (choice 82). One
   * pass over them joined. Each string is its own phrase and paragraph (STRING_SEPARATOR), so the
   * answer does not depend on the order they were added in.
   */
  needsLinting(): boolean {
    lintCounter.passes += 1;
    lintCounter.strings += this.seen.size;
    const joined = [...this.seen].join(STRING_SEPARATOR);
    return quoteHasDenialWording(joined) || hasOwnNotation(joined);
  }
}

/**
 * Deep-lint every string of a JSON-shaped value (keys are the inspector's own and left as they are).
 * Linear and frugal on a 100,000-claim report: each distinct string is linted once, paths are only
 * spelled out for strings that change, and an object or array is copied only when something in
 * it changed (the report is otherwise returned as it was).
 */
export function lintEmittedStrings<T>(value: T): LintResult<T> {
  // The common case, no such wording anywhere: one pass over the distinct strings answers it (a
  // 100,000-claim report repeats tki's own strings on every claim; each is matched once).
  const strings = new EmittedStrings();
  strings.add(value);
  if (!strings.needsLinting()) return { value, rewritten: [], escapedQuotes: [] };
  const rewritten: string[] = [];
  const escapedQuotes: string[] = [];
  const onceEach = <R extends { text: string; changed: boolean }>(lint: (text: string) => R): ((text: string) => R | undefined) => {
    const seen = new Map<string, R | undefined>();
    return (text) => {
      if (seen.has(text)) return seen.get(text);
      const linted = lint(text);
      const replacement = linted.changed ? linted : undefined;
      seen.set(text, replacement);
      return replacement;
    };
  };
  const lintWords = onceEach(lintString);
  const lintQuote = onceEach(quoteInNotation);
  const walk = (node: unknown, path: () => string, quoted: boolean): unknown => {
    if (typeof node === 'string') {
      if (quoted) {
        const quote = lintQuote(node);
        if (quote?.flagged === true) escapedQuotes.push(path());
        return quote?.text ?? node;
      }
      const words = lintWords(node);
      if (words === undefined) return node;
      rewritten.push(path());
      return words.text;
    }
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      node.forEach((entry: unknown, index) => {
        const linted = walk(entry, () => `${path()}[${index}]`, quoted);
        if (linted !== entry) (copy ??= [...node])[index] = linted;
      });
      return copy ?? node;
    }
    if (node !== null && typeof node === 'object') {
      let copy: Record<string, unknown> | undefined;
      for (const [key, entry] of Object.entries(node)) {
        const linted = walk(entry, () => (path() === '' ? key : `${path()}.${key}`), QUOTE_KEYS.has(key));
        if (linted !== entry) (copy ??= { ...(node as Record<string, unknown>) })[key] = linted;
      }
      return copy ?? node;
    }
    return node;
  };
  return { value: walk(value, () => '', false) as T, rewritten, escapedQuotes };
}
