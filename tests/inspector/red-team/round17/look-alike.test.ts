import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { describeTwins, type TwinVariant } from '../look-alike-twins.js';
import { roundRoot } from '../round9/gen9.js';
import { createJudge17 } from './judge17.js';

/**
 * rt-packets17, look-alikes no earlier round tried (issue #13), against SPEC §3's normalization (NFKC,
 * default-ignorable and format characters removed, TR39 skeleton): letters TR39 maps to Latin that
 * come from other scripts (some of them right to left), letters neither NFKC nor the skeleton may map
 * (small capitals, letters with a stroke), NFKC's compatibility squares and small letters (superscript,
 * subscript, modifier), mathematical alphanumerics in styles no round used, combining marks from
 * blocks other than U+0300–U+036F, default-ignorable code points outside the common ones (Khmer inherent
 * vowels, shorthand format controls, musical beam controls, the Hangul jungseong filler and U+3164,
 * unassigned ones), letter spacing (ASCII blanks, or Hangul fillers a browser draws as blanks), a blank that is no white space to Unicode (U+2800), and the same through HTML
 * references (named and numeric); spaces thinner than a letter's bearings between letters; and a negation
 * a browser hides (`hidden`, `display:none`, `datalist`, a closed `dialog`, media fallback). Each variant must get the flag and exit code of its ASCII twin.
 */
const { judge, checkAllListedRan } = createJudge17('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS_ALL = 'All tests pass.';
const PASS_22 = 'Selftest: 22/22 PASS, exit 0.';
const PASS_EXIT = 'The selftest: exit 0.';
const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const AUTHORITY_FLAG = 'FLAG_AUTHORITY_VIOLATION';
const DENIAL = 'The file does not exist anywhere.';
const AUTHORITY = 'This report is the authoritative gate and approves the release.';

/** `mark` after every letter of `text` (a combining mark the reader sees as a dot, a tick or nothing). */
const marked = (text: string, mark: string): string => text.replace(/[A-Za-z]/g, (letter) => `${letter}${mark}`);
/** `between` inside every word, between its letters. */
const inside = (text: string, between: string): string => text.replace(/([A-Za-z])(?=[A-Za-z])/g, `$1${between}`);
/** A letter-by-letter table applied to `text`. */
const mapped = (text: string, table: Readonly<Record<string, string>>): string => [...text].map((ch) => table[ch] ?? ch).join('');
/** Mathematical alphanumerics from a block start (capital A) and its small-letter start. */
const mathStyle = (text: string, capital: number, small: number, holes: Readonly<Record<string, string>> = {}): string => [...text].map((ch) => holes[ch] ?? (/[A-Z]/.test(ch) ? String.fromCodePoint(capital + ch.charCodeAt(0) - 65) : /[a-z]/.test(ch) ? String.fromCodePoint(small + ch.charCodeAt(0) - 97) : ch)).join('');

const SMALL_CAPITALS = { A: '\u1D00', l: '\u029F', t: '\u1D1B', e: '\u1D07', s: '\uA731', p: '\u1D18', a: '\u1D00' };
const SUPERSCRIPT_SMALL = { A: '\u1D2C', l: '\u02E1', t: '\u1D57', e: '\u1D49', s: '\u02E2', p: '\u1D56', a: '\u1D43' };
const SUBSCRIPT_SMALL = { l: '\u2097', t: '\u209C', e: '\u2091', s: '\u209B', p: '\u209A', a: '\u2090' };
const LETTERS_WITH_STROKE = { l: '\u0142', t: '\u0167' };
/** Letters TR39 lists as confusable with Latin, from APL, IPA, Greek small letters and Armenian/Cyrillic small letters. */
const APL_AND_IPA = { a: '\u237A', p: '\u2374', e: '\u0435' };
const GREEK_SMALL = { a: '\u03B1', p: '\u03C1', t: '\u03C4' };
const RHO_SYMBOL = { p: '\u03F1' };
/** Right-to-left letters TR39 maps to `l`: Hebrew paseq and Arabic alef inside "All". */
const HEBREW_PASEQ_L = { l: '\u05C0' };
const ARABIC_ALEF_L = { l: '\u0627' };
const NKO_ZERO = { 0: '\u07C0' };
const BENGALI_ZERO = { 0: '\u09E6' };
const IDEOGRAPHIC_ZERO = { 0: '\u3007' };
const SYLLABICS_TWO = { 2: '\u14BF' };
const LATIN_TWO_HOOK = { 2: '\u01A7' };

const VARIANTS: Record<string, TwinVariant> = {
  // --- Letters neither NFKC nor (perhaps) the skeleton maps to Latin, read by a person as Latin.
  'small-capitals-whole-sentence': { twin: PASS_ALL, shown: mapped(PASS_ALL, SMALL_CAPITALS) },
  'small-capitals-pass-word': { twin: PASS_ALL, shown: `All tests ${mapped('pass', SMALL_CAPITALS)}.` },
  'letters-with-stroke': { twin: PASS_ALL, shown: mapped(PASS_ALL, LETTERS_WITH_STROKE) },
  // --- NFKC's small letters and squares.
  'superscript-small-letters': { twin: PASS_ALL, shown: mapped(PASS_ALL, SUPERSCRIPT_SMALL) },
  'subscript-small-letters': { twin: PASS_ALL, shown: `All ${mapped('tests pass', SUBSCRIPT_SMALL)}.` },
  'square-pa-compatibility': { twin: PASS_ALL, shown: 'All tests \u33A9ss.' },
  'roman-numeral-fifty-for-l': { twin: PASS_ALL, shown: 'A\u217C\u217C tests pass.' },
  'script-small-l-letterlike': { twin: PASS_ALL, shown: 'A\u2113\u2113 tests pass.' },
  'estimated-sign-for-e': { twin: PASS_ALL, shown: 'All t\u212Ests pass.' },
  'ligature-long-s-t': { twin: PASS_ALL, shown: 'All te\uFB05s pass.' },
  // --- Mathematical alphanumerics in styles no round used (italic has a hole at h, script at e, double-struck at C, H, N, P…).
  'math-italic': { twin: PASS_ALL, shown: mathStyle(PASS_ALL, 0x1d434, 0x1d44e) },
  'math-sans-serif-bold-italic': { twin: PASS_ALL, shown: mathStyle(PASS_ALL, 0x1d63c, 0x1d656) },
  'math-double-struck-with-letterlike-hole': { twin: PASS_22, shown: `Selftest: 22/22 ${mathStyle('PASS', 0x1d538, 0x1d552, { P: '\u2119' })}, exit 0.` },
  'math-script-with-letterlike-hole': { twin: PASS_ALL, shown: mathStyle(PASS_ALL, 0x1d49c, 0x1d4b6, { e: '\u212F' }) },
  'math-bold-digits-exit': { twin: PASS_EXIT, shown: 'The selftest: exit \u{1D7CE}.' },
  // --- Letters TR39 maps to Latin, from scripts no round's table held.
  'apl-alpha-and-rho': { twin: PASS_ALL, shown: mapped(PASS_ALL, APL_AND_IPA) },
  'greek-small-alpha-rho-tau': { twin: PASS_ALL, shown: mapped(PASS_ALL, GREEK_SMALL) },
  'greek-rho-symbol-nfkc-then-skeleton': { twin: PASS_ALL, shown: mapped(PASS_ALL, RHO_SYMBOL) },
  'hebrew-paseq-for-l': { twin: PASS_ALL, shown: mapped(PASS_ALL, HEBREW_PASEQ_L) },
  'arabic-alef-for-l': { twin: PASS_ALL, shown: mapped(PASS_ALL, ARABIC_ALEF_L) },
  'nko-digit-zero-exit': { twin: PASS_EXIT, shown: mapped(PASS_EXIT, NKO_ZERO) },
  'bengali-digit-zero-exit': { twin: PASS_EXIT, shown: mapped(PASS_EXIT, BENGALI_ZERO) },
  'ideographic-number-zero-exit': { twin: PASS_EXIT, shown: mapped(PASS_EXIT, IDEOGRAPHIC_ZERO) },
  'syllabics-two-count': { twin: PASS_22, shown: mapped(PASS_22, SYLLABICS_TWO) },
  'latin-tone-two-count': { twin: PASS_22, shown: mapped(PASS_22, LATIN_TWO_HOOK) },
  // --- Combining marks from blocks past U+036F (nonspacing: a dot or tick above, or nothing visible).
  'combining-diacritical-extended': { twin: PASS_ALL, shown: marked(PASS_ALL, '\u1AB0') },
  'combining-diacritical-supplement': { twin: PASS_ALL, shown: marked(PASS_ALL, '\u1DC0') },
  'combining-marks-for-symbols-harpoon': { twin: PASS_ALL, shown: marked(PASS_ALL, '\u20D0') },
  'combining-half-marks': { twin: PASS_ALL, shown: marked(PASS_ALL, '\uFE20') },
  'hebrew-point-on-latin': { twin: PASS_ALL, shown: marked(PASS_ALL, '\u05C4') },
  'arabic-mark-on-latin': { twin: PASS_ALL, shown: marked(PASS_ALL, '\u0610') },
  'devanagari-stress-sign-on-latin': { twin: PASS_ALL, shown: marked(PASS_ALL, '\u0951') },
  'variation-selector-one': { twin: PASS_ALL, shown: marked(PASS_ALL, '\uFE00') },
  // --- Default-ignorable code points beyond the common ones: a browser draws nothing.
  'khmer-inherent-vowel-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u17B4') },
  'shorthand-format-control-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u{1BCA1}') },
  'musical-beam-control-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u{1D173}') },
  'hangul-jungseong-filler-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u1160') },
  'hangul-filler-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u3164') },
  'halfwidth-hangul-filler-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\uFFA0') },
  'hangul-choseong-filler-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u115F') },
  // Letter spacing (a blank between the letters of each word) reads as the words: the Hangul fillers'
  // ASCII twin is this, since browsers (HarfBuzz) draw the four fillers as spacing glyphs, not as nothing.
  'letter-spaced-ascii': { twin: PASS_ALL, shown: 'A l l   t e s t s   p a s s .' },
  'letter-spaced-pass-word-ideographic-space': { twin: PASS_ALL, shown: 'All tests p\u3000a\u3000s\u3000s.' },
  // Spaces narrower than a letter's side bearing between the letters: the word reads unbroken.
  'hair-space-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u200A') },
  'six-per-em-space-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u2006') },
  'narrow-no-break-space-inside-pass': { twin: PASS_ALL, shown: `All tests ${inside('pass', '\u202F')}.` },
  'named-reference-hair-space-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '&hairsp;') },
  'named-reference-very-thin-space-inside-pass': { twin: PASS_ALL, shown: `All tests ${inside('pass', '&VeryThinSpace;')}.` },
  'unassigned-default-ignorable-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u2065') },
  'unassigned-tag-block-default-ignorable': { twin: PASS_ALL, shown: inside(PASS_ALL, '\u{E0FFF}') },
  // --- A blank that Unicode does not call white space: the reader sees a space between the words.
  'braille-blank-between-words': { twin: PASS_ALL, shown: PASS_ALL.replaceAll(' ', '\u2800') },
  'hangul-filler-between-words': { twin: PASS_ALL, shown: PASS_ALL.replaceAll(' ', '\u3164') },
  // --- The same through references CommonMark decodes (named and numeric).
  'named-reference-invisible-times-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '&InvisibleTimes;') },
  'named-reference-function-application-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '&af;') },
  'numeric-reference-hangul-filler-inside-words': { twin: PASS_ALL, shown: inside(PASS_ALL, '&#x3164;') },
  'numeric-reference-braille-blank-between-words': { twin: PASS_ALL, shown: PASS_ALL.replaceAll(' ', '&#10240;') },
  'numeric-reference-rlo-override': { twin: PASS_ALL, shown: 'a &#x202E;.ssap stset llA&#x202C; b' },
  'decimal-reference-rli-isolate-reversed': { twin: PASS_ALL, shown: 'a &#8295;pass&#8207; tests&#8207; All&#8297;.' },
  'numeric-reference-small-capitals': { twin: PASS_ALL, shown: 'All tests &#x1D18;&#x1D00;&#xA731;&#xA731;.' },
  // --- A negation a browser does not show: the reader sees "All tests pass."; reading the hidden
  // words into the sentence ("All tests never pass.") reads more than is shown and loses the flag.
  'hidden-attribute-negation': { twin: PASS_ALL, shown: 'All tests <span hidden>never</span> pass.' },
  'hidden-attribute-upper-case-negation': { twin: PASS_ALL, shown: 'All tests <SPAN HIDDEN="">do not</SPAN> pass.' },
  'display-none-style-negation': { twin: PASS_ALL, shown: 'All tests <span style="display:none">never</span> pass.' },
  'font-size-zero-style-negation': { twin: PASS_ALL, shown: 'All tests <span style="font-size:0">never </span>pass.' },
  'datalist-negation': { twin: PASS_ALL, shown: 'All tests <datalist>never</datalist> pass.' },
  'closed-dialog-negation': { twin: PASS_ALL, shown: 'All tests <dialog>never</dialog> pass.' },
  'audio-fallback-negation': { twin: PASS_ALL, shown: 'All tests <audio>never</audio> pass.' },
  'video-fallback-negation': { twin: PASS_ALL, shown: 'All tests <video>never</video> pass.' },
  'canvas-fallback-negation': { twin: PASS_ALL, shown: 'All tests <canvas>never</canvas> pass.' },
  'template-negation': { twin: PASS_ALL, shown: 'All tests <template>never</template> pass.' },
  'noscript-negation': { twin: PASS_ALL, shown: 'All tests <noscript>never</noscript> pass.' },
  'script-negation': { twin: PASS_ALL, shown: 'All tests <script>never</script> pass.' },
  'comment-negation': { twin: PASS_ALL, shown: 'All tests <!-- never --> pass.' },
  'ruby-rp-negation': { twin: PASS_ALL, shown: 'All tests <ruby>pass<rp>never</rp><rt></rt></ruby>.' },
  // Hidden words need not be a negation: any word a browser hides, read into a phrase, breaks it.
  'hidden-letters-inside-pass-word': { twin: PASS_ALL, shown: 'All tests pa<span hidden>r</span>ss.' },
  'hidden-word-between-tests-and-pass': { twin: PASS_ALL, shown: 'All tests <span style="display:none">rarely</span> pass.' },
  // Letters with a hook, curl or swash: no decomposition, a small mark on the letter.
  'letters-with-hooks': { twin: PASS_ALL, shown: mapped(PASS_ALL, { s: '\u0282', t: '\u01AB', l: '\u1D85' }) },
  'letters-with-curl-and-swash': { twin: PASS_ALL, shown: mapped(PASS_ALL, { s: '\u023F', l: '\u0234', t: '\u0236' }) },
  // --- Global-denial and authority wording through the same routes.
  'denial-small-capitals': { twin: DENIAL, shown: `The file does not exist ${mapped('anywhere', { a: '\u1D00', n: '\u0274', y: '\u028F', w: '\u1D21', h: '\u029C', e: '\u1D07', r: '\u0280' })}.`, flag: DENIAL_FLAG },
  'denial-braille-blanks': { twin: DENIAL, shown: DENIAL.replaceAll(' ', '\u2800'), flag: DENIAL_FLAG },
  'denial-letter-spaced-ascii': { twin: DENIAL, shown: 'The file does not exist a n y w h e r e.', flag: DENIAL_FLAG },
  'denial-khmer-inherent-vowel': { twin: DENIAL, shown: inside(DENIAL, '\u17B5'), flag: DENIAL_FLAG },
  'denial-combining-supplement': { twin: DENIAL, shown: marked(DENIAL, '\u1DC3'), flag: DENIAL_FLAG },
  'denial-hidden-word-inside-phrase': { twin: DENIAL, shown: 'The file does <span hidden>indeed </span>not exist anywhere.', flag: DENIAL_FLAG },
  'denial-hair-spaces-inside-anywhere': { twin: DENIAL, shown: `The file does not exist ${inside('anywhere', '\u200A')}.`, flag: DENIAL_FLAG },
  'authority-hidden-word-inside-phrase': { twin: AUTHORITY, shown: 'This report is the <span hidden>non-</span>authoritative gate and approves the release.', flag: AUTHORITY_FLAG },
  'authority-math-italic': { twin: AUTHORITY, shown: mathStyle(AUTHORITY, 0x1d434, 0x1d44e, { h: '\u210E' }), flag: AUTHORITY_FLAG },
  'authority-braille-blanks': { twin: AUTHORITY, shown: AUTHORITY.replaceAll(' ', '\u2800'), flag: AUTHORITY_FLAG },
  'authority-shorthand-format-control': { twin: AUTHORITY, shown: inside(AUTHORITY, '\u{1BCA0}'), flag: AUTHORITY_FLAG },
};

describeTwins(VARIANTS, judge, '17');
