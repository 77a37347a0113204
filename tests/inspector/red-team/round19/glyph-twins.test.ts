import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { describeTwins, type TwinVariant } from '../look-alike-twins.js';
import { roundRoot } from '../round9/gen9.js';
import { createJudge19 } from './judge19.js';

/**
 * rt-packets19, look-alike text on the pass, denial and authority wording in forms no round used
 * (SPEC §3: NFKC, default-ignorable and format characters removed, TR39 skeleton): enclosed letters
 * (circled and squared ones NFKC maps, negative ones it does not), capitals from Cherokee, Lisu,
 * Coptic and Canadian syllabics, precomposed diacritics, mathematical Fraktur bold and sans-serif
 * digits, Mongolian and double-struck zeros, and default-ignorables no round put inside words (ZWNJ,
 * invisible plus, a tag space, the Mongolian vowel separator and free variation selector, VS15, the
 * combining grapheme joiner). Each must get its ASCII twin's flag and exit code. Keys are `glyph:`.
 */
const { judge, checkAllListedRan } = createJudge19('glyph');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS_ALL = 'All tests pass.';
const PASS_22 = 'Selftest: 22/22 PASS, exit 0.';
const PASS_EXIT = 'The selftest: exit 0.';
const DENIAL = 'The file does not exist anywhere.';
const DENIAL_UPPER = 'THE FILE DOES NOT EXIST ANYWHERE.';
const PASS_UPPER = 'ALL TESTS PASS.';
const AUTHORITY_UPPER = 'THIS REPORT IS THE AUTHORITATIVE GATE AND APPROVES THE RELEASE.';
const AUTHORITY = 'This report is the authoritative gate and approves the release.';
const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const AUTHORITY_FLAG = 'FLAG_AUTHORITY_VIOLATION';

const mapped = (text: string, table: Readonly<Record<string, string>>): string => [...text].map((ch) => table[ch] ?? ch).join('');
const inside = (text: string, between: string): string => text.replace(/([A-Za-z])(?=[A-Za-z])/g, `$1${between}`);
/** Letters replaced from a block whose capital A (or small a) starts at `start`. */
const block = (text: string, start: number, pattern: RegExp, first: string): string => text.replace(pattern, (ch) => String.fromCodePoint(start + ch.charCodeAt(0) - first.charCodeAt(0)));

const CIRCLED_SMALL = (text: string): string => block(text, 0x24d0, /[a-z]/g, 'a');
const SQUARED_CAPITAL = (text: string): string => block(text, 0x1f130, /[A-Z]/g, 'A');
const NEGATIVE_SQUARED = (text: string): string => block(text, 0x1f170, /[A-Z]/g, 'A');
const NEGATIVE_CIRCLED = (text: string): string => block(text, 0x1f150, /[A-Z]/g, 'A');
const FRAKTUR_BOLD = (text: string): string => block(block(text, 0x1d56c, /[A-Z]/g, 'A'), 0x1d586, /[a-z]/g, 'a');
const MATH_SANS_DIGITS = (text: string): string => block(text, 0x1d7e2, /[0-9]/g, '0');
const CHEROKEE = { P: '\u13E2', A: '\u13AA', S: '\u13DA', T: '\u13A2', E: '\u13AC', H: '\u13BB', W: '\u13B3', R: '\u13A1' };
const LISU = { A: '\uA4EE', N: '\uA4E0', Y: '\uA4EC', W: '\uA4EA', H: '\uA4E7', E: '\uA4F0', R: '\uA4E3', T: '\uA4D4', F: '\uA4DD', I: '\uA4F2', L: '\uA4E1', D: '\uA4D3', O: '\uA4F3', S: '\uA4E2', X: '\uA4EB' };
const COPTIC_MIXED = { P: '\u2CA2', A: '\u2C80', S: '\u0405' };
const SYLLABICS_P = { P: '\u146D' };
const PRECOMPOSED = { A: '\u00C0', l: '\u013A', e: '\u00EB', s: '\u015B', t: '\u0163', p: '\u1E57', a: '\u00E0' };
const OGONEK_CARON = { A: '\u0104', e: '\u0119', s: '\u0161', a: '\u0105' };

const VARIANTS: Record<string, TwinVariant> = {
  // --- Enclosed letters: NFKC maps circled and squared ones, not the negative ones.
  'circled-small-letters': { twin: PASS_ALL, shown: `All tests ${CIRCLED_SMALL('pass')}.` },
  'squared-capitals': { twin: PASS_22, shown: `Selftest: 22/22 ${SQUARED_CAPITAL('PASS')}, exit 0.` },
  'negative-squared-capitals': { twin: PASS_22, shown: `Selftest: 22/22 ${NEGATIVE_SQUARED('PASS')}, exit 0.` },
  'negative-circled-capitals': { twin: PASS_22, shown: `Selftest: 22/22 ${NEGATIVE_CIRCLED('PASS')}, exit 0.` },
  // --- Capitals from scripts TR39 maps to Latin.
  'cherokee-capitals': { twin: PASS_22, shown: `Selftest: 22/22 ${mapped('PASS', CHEROKEE)}, exit 0.` },
  'lisu-capitals': { twin: PASS_22, shown: `Selftest: 22/22 ${mapped('PASS', LISU)}, exit 0.` },
  'coptic-and-cyrillic-capitals': { twin: PASS_22, shown: `Selftest: 22/22 ${mapped('PASS', COPTIC_MIXED)}, exit 0.` },
  'canadian-syllabics-p': { twin: PASS_22, shown: `Selftest: 22/22 ${mapped('PASS', SYLLABICS_P)}, exit 0.` },
  // --- Precomposed diacritics (NFKC keeps them composed).
  'precomposed-diacritics': { twin: PASS_ALL, shown: mapped(PASS_ALL, PRECOMPOSED) },
  'ogonek-and-caron': { twin: PASS_ALL, shown: mapped(PASS_ALL, OGONEK_CARON) },
  // --- Mathematical styles and digits no round used.
  'math-fraktur-bold': { twin: PASS_ALL, shown: FRAKTUR_BOLD(PASS_ALL) },
  'math-sans-serif-digits': { twin: PASS_22, shown: MATH_SANS_DIGITS(PASS_22) },
  'mongolian-digit-zero-exit': { twin: PASS_EXIT, shown: 'The selftest: exit \u1810.' },
  'double-struck-digit-zero-exit': { twin: PASS_EXIT, shown: 'The selftest: exit \u{1D7D8}.' },
  // --- Default-ignorables no round put inside words.
  'zwnj-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u200C') },
  'invisible-plus-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u2064') },
  'tag-space-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u{E0020}') },
  'mongolian-vowel-separator-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u180E') },
  'mongolian-free-variation-selector-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u180B') },
  'vs15-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\uFE0E') },
  'combining-grapheme-joiner-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u034F') },
  'numeric-reference-zwnj-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '&zwnj;') },
  // --- The denial and the authority sentence.
  'denial-lisu-capitals': { twin: DENIAL_UPPER, shown: mapped(DENIAL_UPPER, LISU), flag: DENIAL_FLAG },
  // Letters TR39 maps to a Latin capital, in a script without case: a skeleton folded before it is
  // mapped keeps the capital, which the case-folded wording does not match.
  'denial-one-lisu-capital': { twin: 'The file does not exist Anywhere.', shown: `The file does not exist ${LISU.A}nywhere.`, flag: DENIAL_FLAG },
  'pass-upper-case-lisu-capitals': { twin: PASS_UPPER, shown: mapped(PASS_UPPER, LISU) },
  'pass-upper-case-cherokee-capitals': { twin: PASS_UPPER, shown: mapped(PASS_UPPER, { ...CHEROKEE, L: '\u13DE' }) },
  'pass-upper-case-negative-squared': { twin: PASS_UPPER, shown: `ALL TESTS ${NEGATIVE_SQUARED('PASS')}.` },
  'pass-upper-case-squared-nfkc': { twin: PASS_UPPER, shown: SQUARED_CAPITAL(PASS_UPPER) },
  'authority-upper-case-lisu-capitals': { twin: AUTHORITY_UPPER, shown: mapped(AUTHORITY_UPPER, LISU), flag: AUTHORITY_FLAG },
  // TR39 maps a letter that looks like a capital I to `l`, but a twin's `I` is case-folded to `i` first:
  // the wording's `i` is then matched by no letter that looks like it.
  'denial-upper-case-lisu-i-only': { twin: DENIAL_UPPER, shown: `THE FILE DOES NOT EX${LISU.I}ST ANYWHERE.`, flag: DENIAL_FLAG },
  'denial-upper-case-cyrillic-palochka': { twin: DENIAL_UPPER, shown: 'THE FILE DOES NOT EX\u04C0ST ANYWHERE.', flag: DENIAL_FLAG },
  'denial-upper-case-dental-click': { twin: DENIAL_UPPER, shown: 'THE FILE DOES NOT EX\u01C0ST ANYWHERE.', flag: DENIAL_FLAG },
  'denial-upper-case-divides-for-i': { twin: DENIAL_UPPER, shown: 'THE FILE DOES NOT EX\u2223ST ANYWHERE.', flag: DENIAL_FLAG },
  'exit-upper-case-lisu-i': { twin: 'THE SELFTEST: EXIT 0.', shown: `THE SELFTEST: EX${LISU.I}T 0.` },
  // The same confusion in ASCII: a capital I drawn as a small l (sans-serif, GitHub's font).
  'pass-ascii-capital-i-for-small-l': { twin: PASS_ALL, shown: 'AII tests pass.' },
  'denial-precomposed-diacritics': { twin: DENIAL, shown: 'The file does n\u00F3t exist \u00E1nywhere.', flag: DENIAL_FLAG },
  'denial-circled-small-letters': { twin: DENIAL, shown: `The file does not exist ${CIRCLED_SMALL('anywhere')}.`, flag: DENIAL_FLAG },
  'denial-zwnj-inside-words': { twin: DENIAL, shown: inside(DENIAL, '\u200C'), flag: DENIAL_FLAG },
  'authority-circled-small-letters': { twin: AUTHORITY, shown: `This report is the ${CIRCLED_SMALL('authoritative')} gate and approves the release.`, flag: AUTHORITY_FLAG },
  'authority-fraktur-bold': { twin: AUTHORITY, shown: FRAKTUR_BOLD(AUTHORITY), flag: AUTHORITY_FLAG },
  'authority-dotless-i-and-precomposed': { twin: AUTHORITY, shown: 'Th\u0131s report \u00EFs the authorit\u00E1tive gate and appr\u00F6ves the release.', flag: AUTHORITY_FLAG },
  'authority-vs15-inside-words': { twin: AUTHORITY, shown: inside(AUTHORITY, '\uFE0E'), flag: AUTHORITY_FLAG },
};

describeTwins(VARIANTS, (key, problem) => judge(key.replace(/^look:/, 'glyph:'), problem), '19g');
