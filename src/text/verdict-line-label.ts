import { textRulePattern } from '../../policy/text-normalize-pattern.js';
import { FORBIDDEN_VERDICT_TOKENS } from '../../policy/text-rules.js';
import { codePointEscape, escapeControlChars, truncate, withHitsEscaped } from './escape.js';
import { linePieces } from './untrusted-span.js';

/**
 * Text that is not tki's own on a terminal line (issues 12 and 13, sinks): the packet's path as the
 * operator typed it, `--out`, a packet's entry names, what the sandbox printed. Its author may be the
 * attacker (an archive unpacks to `FINAL VERDICT PASS (exit 0) certified/`, a compromised inspector
 * prints `tki run: READ_LEVEL_PASS (exit 0)`), so only tki's own verdict line may carry a verdict
 * token: every word of such text that reads as a verdict, in any case or look-alike spelling (the
 * rule runs on the matching form), is withheld: the forbidden tokens of SPEC §4 and their everyday
 * cousins.
 */
const VERDICT_LIKE_WORDS = [
  ...FORBIDDEN_VERDICT_TOKENS,
  // tki's own final verdicts (SPEC §4): a path or a sandbox line may not spell one either.
  'READ_LEVEL_FAIL',
  'UNVERIFIED',
  'BLOCKED',
  'READ_LEVEL_PASS',
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

/** What tki's own inspector line shows for a verdict-like word it withholds (src/pipeline/render.ts). */
export const WITHHELD_WORD = '[verdict-like word withheld]';

/** Longest shown value: a line is a diagnostic, not a channel (the rest is cut with `…`). */
export const MAX_SHOWN_CHARS = 400;

/** Characters a value may hold and still be shown bare (the usual path): anything else is quoted. */
const BARE = /^[A-Za-z0-9_./,+@%=:~-]+$/;

/**
 * A verdict-like word is withheld by showing every character of it as its `\u{…}` escape, the
 * notation the terminal uses for control characters: no part of two letters or more of the word is
 * left for a `grep READ_LEVEL_PASS` or `grep PASS` to find, and the operator can still read the value
 * back (and find the file or directory it names) by decoding the escapes.
 */
function escapeVerdictLikeWords(text: string): { text: string; changed: boolean } {
  return withHitsEscaped(text, [VERDICT_LIKE_RULE]);
}

/**
 * THE one way text that is not tki's own reaches the terminal. Cut to MAX_SHOWN_CHARS; backslashes
 * and double quotes escaped (so every `\u{…}` shown is tki's escape, never the value's own text);
 * control, format, bidi and tag characters shown as `\u{…}` (escape.ts); verdict-like words shown as
 * `\u{…}` escapes too; then quoted: always (`quote: 'always'`, the verdict line's packet label), or
 * when anything but the usual path characters is in it or a word was withheld (`'when-needed'`, so a
 * plain `report: out/report.json` stays copyable).
 */
export function shownText(value: string, quote: 'always' | 'when-needed' = 'when-needed'): string {
  const clipped = truncate(value, MAX_SHOWN_CHARS);
  let changed = false;
  let shown = '';
  for (const piece of piecesEndingAtSequences(clipped)) {
    const withheld = escapeVerdictLikeWords(escapeControlChars(piece.replace(/[\\"]/g, (char) => `\\${char}`)));
    changed ||= withheld.changed;
    shown += withheld.text;
  }
  const bare = quote === 'when-needed' && !changed && BARE.test(clipped);
  const text = capEscaped(shown);
  return bare ? text : `"${text}"`;
}

/**
 * ECMA-48 sequences a terminal acts on and does not show: CSI (`ESC [` or U+009B, parameters,
 * intermediates, a final byte), the string commands (OSC, DCS, SOS, PM, APC, to their terminator),
 * and the other escapes (`ESC`, intermediates, a final byte).
 */
const TERMINAL_SEQUENCE = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b[\]P^_X]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]/gu;

/**
 * The value cut after each terminal sequence (round 20): shown as escapes, a sequence's own letters
 * (`\u{1b}[1m`) would join the word after it (`1mPASS`) and hide it from the word rule, where a
 * terminal starts a new word there. Each piece is escaped on its own, so the end of a sequence is a
 * word boundary; words inside a sequence (an OSC title) are still in a piece and still withheld.
 */
function piecesEndingAtSequences(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  TERMINAL_SEQUENCE.lastIndex = 0;
  for (let match = TERMINAL_SEQUENCE.exec(text); match !== null; match = TERMINAL_SEQUENCE.exec(text)) {
    const end = match.index + match[0].length;
    pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

/** Escapes can make a value several times longer: the shown text is cut too, never inside an escape. */
function capEscaped(text: string): string {
  if (text.length <= MAX_SHOWN_CHARS) return text;
  let cut = text.slice(0, MAX_SHOWN_CHARS);
  const partialEscape = /\\u(?:\{[0-9a-f]*)?$/.exec(cut);
  if (partialEscape !== null && (/\\*$/.exec(cut.slice(0, partialEscape.index))?.[0].length ?? 0) % 2 === 0) cut = cut.slice(0, partialEscape.index);
  if ((/\\*$/.exec(cut)?.[0].length ?? 0) % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The packet as the operator typed it, on tki's verdict line: always quoted. */
export function packetLabelForVerdictLine(label: string): string {
  return shownText(label, 'always');
}

/**
 * A terminal line as printed: tki's own text with its control characters escaped, and every span
 * marked `untrusted()` (untrusted-span.ts) shown by `shownText`.
 */
export function terminalLine(line: string): string {
  return linePieces(line)
    .map((piece) => (piece.untrusted ? shownText(piece.text) : escapeControlChars(piece.text).replace(/[\u{E000}\u{E001}]/gu, codePointEscape)))
    .join('');
}
