import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { describeTwins, type TwinVariant } from '../look-alike-twins.js';
import { roundRoot } from '../round9/gen9.js';
import { createJudge13 } from './judge13.js';

/**
 * rt-packets13, text a reader sees that the inspector may not read as it, after session 12's fixes
 * (unsandboxed entry, `inspectToDirectory`): the paragraph level of UAX #9 (P2–P3, GitHub's
 * `dir="auto"`), the raw-text element table, the browser's comment grammar. Each variant must get the
 * flag and exit code of its twin. Premises: `readsAs` is checked with the `commonmark` package;
 * `passesThrough` checks that CommonMark writes the variant's HTML out as it is (an HTML block), so
 * what is shown is decided by the browser's HTML5 tokenizer (the state is named per case). GitHub's
 * sanitizer keeps `bdo`, `span`, `p`, `div` and the `dir` attribute.
 */
const { judge, checkAllListedRan } = createJudge13('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const AUTHORITY_FLAG = 'FLAG_AUTHORITY_VIOLATION';
const PASS_ALL = 'All tests pass.';
const PASS_EXIT = 'The selftest: exit 0.';
const PASS_22 = 'Selftest: 22/22 PASS.';
const DENIAL = 'The file does not exist anywhere.';
const AUTHORITY = 'This report is the authoritative gate and approves the release.';
const RLM = '\u200F';
/** Latin words joined by RLM + space: a right-to-left paragraph shows them in reverse order. */
const reversedWords = (sentence: string): string => sentence.replace(/\.$/, '').split(' ').reverse().join(`${RLM} `);
const TABLE_TAIL = '\n|---|---|---|\n| a | b | c |';


const VARIANTS: Record<string, TwinVariant> = {
  // HTML direction: `<bdo dir="rtl">` shows its letters right to left; `dir="rtl"` on an element makes its
  // content a right-to-left paragraph or isolate (UAX #9 at level 1), so RLM-joined words show reversed.
  'bdo-rtl-inline': { twin: PASS_ALL, shown: 'All tests <bdo dir="rtl">ssap</bdo>.' },
  'bdo-rtl-block': { twin: PASS_ALL, shown: '<bdo dir="rtl">\n.ssap stset llA\n</bdo>', passesThrough: true },
  'span-dir-rtl-inline': { twin: PASS_ALL, shown: 'a <span dir="rtl">pass&#x200F; tests&#x200F; All</span>.' },
  'p-dir-rtl-block': { twin: PASS_ALL, shown: '<p dir="rtl">pass&#x200F; tests&#x200F; All.</p>', passesThrough: true },
  'div-dir-rtl-block': { twin: PASS_ALL, shown: '<div dir="rtl">\npass&#x200F; tests&#x200F; All.\n</div>', passesThrough: true },
  // Session 12 gave pass sentences their paragraph's first-strong level; global-denial wording did not get it.
  'denial-rtl-paragraph-rlm': { twin: DENIAL, shown: `${RLM}${reversedWords(DENIAL)}.`, flag: DENIAL_FLAG },
  'denial-rtl-paragraph-hebrew': { twin: DENIAL, shown: `\u05D0 ${reversedWords(DENIAL)}.`, flag: DENIAL_FLAG },
  'denial-rtl-block-level-later-sentence': { twin: DENIAL, shown: `\u05D0. ${reversedWords(DENIAL)}.`, flag: DENIAL_FLAG },
  'denial-rtl-list-item': { twin: DENIAL, shown: `- ${RLM}${reversedWords(DENIAL)}.`, flag: DENIAL_FLAG },
  // Documented gap (choices 19, "Not covered"): the authority scan takes each line's own first strong character.
  'authority-rtl-paragraph-second-line': { twin: AUTHORITY, shown: `\u05D0\n${reversedWords(AUTHORITY)}.`, flag: AUTHORITY_FLAG },
  // dir="auto" looks for the first strong character in the paragraph's TEXT: an image's alt is an attribute.
  'first-strong-after-image-alt': { twin: PASS_ALL, shown: `![abc](u.png) \u05D0 ${reversedWords(PASS_ALL)}.` },
  // UAX #9 P2 skips an isolate's content: the first strong character here is the RLM after the PDI. The
  // blank after the RLM matters: without it the isolate is laid out against `pass` (".All tests passabc").
  'first-strong-rlm-after-isolate': { twin: PASS_ALL, shown: `\u2066abc\u2069${RLM} ${reversedWords(PASS_ALL)}.` },
  // HTML5 tokenizer: `<!--` inside a tag is no comment (attribute name, unquoted value, tag name, end
  // tag's attribute); `</` + non-letter and `<?` open a bogus comment that ends at the first `>`.
  'comment-opener-as-attribute-name': { twin: PASS_ALL, shown: '<div <!--x>All tests pass. -->', passesThrough: true },
  'comment-opener-in-unquoted-attribute-value': { twin: PASS_ALL, shown: '<div title=<!--x>All tests pass. -->', passesThrough: true },
  'comment-opener-after-quoted-attribute': { twin: PASS_ALL, shown: '<div class="a"<!--x>All tests pass. -->', passesThrough: true },
  'comment-opener-in-tag-name': { twin: PASS_ALL, shown: '<div><a<!--x>All tests pass. -->', passesThrough: true },
  'comment-opener-in-end-tag': { twin: PASS_ALL, shown: '</div <!--x>All tests pass. -->', passesThrough: true },
  'comment-opener-in-bogus-end-tag': { twin: PASS_ALL, shown: '<div></ <!-- >All tests pass. -->', passesThrough: true },
  'comment-opener-in-bogus-question-mark': { twin: PASS_ALL, shown: '<div><?x <!-- >All tests pass. -->', passesThrough: true },
  // GFM parses each table cell's inlines alone: an unclosed `<!--` in one cell is literal text.
  'comment-across-table-cells-header': { twin: `| x | All tests pass. | y |${TABLE_TAIL}`, shown: `| <!-- | All tests pass. | --> |${TABLE_TAIL}` },
  'comment-across-table-cells-body': { twin: `| a | b | c |\n|---|---|---|\n| x | All tests pass. | y |`, shown: '| a | b | c |\n|---|---|---|\n| <!-- | All tests pass. | --> |' },
  // Ruby (GitHub keeps ruby/rt/rp): the annotation is shown above its base, as U+FFF9–FFFB's (round 11).
  'ruby-annotation-after-word': { twin: PASS_ALL, shown: 'All tests <ruby>pass<rt>ok</rt></ruby>.' },
  'ruby-annotation-inside-word': { twin: PASS_ALL, shown: 'All tests <ruby>pa<rt>x</rt>ss</ruby>.' },
  'ruby-whole-sentence': { twin: PASS_ALL, shown: '<ruby>All tests pass<rt>annotated</rt></ruby>.' },
  // Known left (choices 22): script data's escaped states; `<!--<script>` makes the next `</script>` end nothing.
  'script-data-double-escaped': { twin: PASS_ALL, shown: '<script>\n<!--<script>\n</script>\n<!--\n</script>\n\nAll tests pass.\n\n-->', passesThrough: true },
  // Guards (hold today).
  'first-strong-syriac': { twin: PASS_ALL, shown: `\u0710 ${reversedWords(PASS_ALL)}.` },
  'first-strong-adlam': { twin: PASS_ALL, shown: `\u{1E900} ${reversedWords(PASS_ALL)}.` },
  'first-strong-hanifi-rohingya': { twin: PASS_ALL, shown: `\u{10D00} ${reversedWords(PASS_ALL)}.` },
  'first-strong-arabic-math': { twin: PASS_ALL, shown: `\u{1EE00} ${reversedWords(PASS_ALL)}.` },
  'first-strong-hebrew-presentation-form': { twin: PASS_ALL, shown: `\uFB1D ${reversedWords(PASS_ALL)}.` },
  'first-strong-hebrew-after-isolate': { twin: PASS_ALL, shown: `\u2066abc\u2069\u05D0 ${reversedWords(PASS_ALL)}.` },
  'first-strong-after-html-comment': { twin: PASS_ALL, shown: `<!-- abc -->\u05D0 ${reversedWords(PASS_ALL)}.` },
  'first-strong-inside-bold-tag': { twin: PASS_ALL, shown: `<b>\u05D0</b> ${reversedWords(PASS_ALL)}.` },
  'first-strong-named-rlm': { twin: PASS_ALL, shown: '&rlm;pass&rlm; tests&rlm; All.' },
  'first-strong-rtl-heading': { twin: PASS_ALL, shown: `# ${RLM}${reversedWords(PASS_ALL)}.` },
  'first-strong-rtl-blockquote': { twin: PASS_ALL, shown: `> ${RLM}${reversedWords(PASS_ALL)}.` },
  'arabic-indic-digits-rtl': { twin: PASS_22, shown: '\u0627 PASS \u0662\u0662/\u0662\u0662.' },
  'extended-arabic-indic-digits-rtl': { twin: PASS_22, shown: '\u05D0 PASS \u06F2\u06F2/\u06F2\u06F2.' },
  'mixed-digit-scripts-rtl': { twin: PASS_22, shown: '\u05D0 PASS \u0662\u0662/22.' },
  'arabic-indic-zero-after-hebrew-sentence': { twin: PASS_EXIT, shown: '\u05D0. \u0660 exit.' },
  'mirrored-parentheses-rtl': { twin: PASS_EXIT, shown: '\u05D0: (0 exit).' },
  'cyrillic-look-alikes-rtl': { twin: PASS_ALL, shown: `\u05D0 \u0440a\u0455\u0455${RLM} t\u0435sts${RLM} All.` },
  'embedding-inside-word-rtl': { twin: PASS_ALL, shown: `\u05D0 PA\u202ASS\u202C${RLM} tests${RLM} All.` },
  'denial-isolate': { twin: DENIAL, shown: `\u2067anywhere${RLM} ${RLM}exist${RLM} ${RLM}not${RLM} ${RLM}does${RLM} ${RLM}file${RLM} ${RLM}The\u2069.`, flag: DENIAL_FLAG },
  'authority-rtl-paragraph-one-line': { twin: AUTHORITY, shown: `${RLM}${reversedWords(AUTHORITY)}.`, flag: AUTHORITY_FLAG },
  'ruby-with-parentheses': { twin: PASS_ALL, shown: 'All tests <ruby>pass<rp>(</rp><rt>ok</rt><rp>)</rp></ruby>.' },
  // Explicit levels up to UAX #9's max_depth 125, and overflow popped before the override.
  'rlo-at-level-125': { twin: PASS_ALL, shown: `All tests ${'\u202B'.repeat(62)}\u202Essap\u202C${'\u202C'.repeat(62)}.` },
  'rlo-after-popped-overflow-embedding': { twin: PASS_ALL, shown: `All tests ${'\u202B'.repeat(62)}\u202B\u202B\u202C\u202C\u202Essap\u202C${'\u202C'.repeat(62)}.` },
  'rlo-after-popped-overflow-isolate': { twin: PASS_ALL, shown: `All tests ${'\u202B'.repeat(62)}\u2067\u2067\u2069\u2069\u202Essap\u202C${'\u202C'.repeat(62)}.` },
  'comment-opener-alone-in-cell-then-paragraph': { twin: PASS_ALL, shown: '| a | b |\n|---|---|\n| <!-- x | y |\n\nAll tests pass.\n\n-->' },
  'textarea-self-closing-inline': { twin: PASS_ALL, shown: 'a <textarea/><!--</textarea> All tests pass. <!-- -->' },
  'textarea-self-closing-block': { twin: PASS_ALL, shown: '<textarea/>\n<!--\n</textarea>\n\nAll tests pass.\n\n<!-- -->' },
  'script-self-closing-inline': { twin: PASS_ALL, shown: 'a <script/><!--</script> All tests pass. <!-- -->' },
  'textarea-line-ending-in-open-tag': { twin: PASS_ALL, shown: 'a <textarea\nrows="2"><!--</textarea> All tests pass. <!-- -->' },
  'textarea-end-tag-with-attribute': { twin: PASS_ALL, shown: 'a <textarea><!--</textarea x="y"> All tests pass. <!-- -->' },
  'textarea-end-tag-with-space': { twin: PASS_ALL, shown: 'a <textarea><!--</textarea > All tests pass. <!-- -->' },
  'textarea-end-tag-self-closing': { twin: PASS_ALL, shown: 'a <textarea><!--</textarea/> All tests pass. <!-- -->' },
  'textarea-quoted-greater-than': { twin: PASS_ALL, shown: 'a <textarea title=">"><!--</textarea> All tests pass. <!-- -->' },
  'noscript-inline': { twin: PASS_ALL, shown: 'a <noscript><!--</noscript> All tests pass. <!-- -->' },
  'iframe-inline': { twin: PASS_ALL, shown: 'a <iframe><!--</iframe> All tests pass. <!-- -->' },
  'noframes-inline': { twin: PASS_ALL, shown: 'a <noframes><!--</noframes> All tests pass. <!-- -->' },
  'declaration-in-html-block': { twin: PASS_ALL, shown: '<div><!x <!-- >All tests pass. -->', passesThrough: true },
  // An HTML block (type 2): the browser ends the comment at the first `-->`, inside the backticks.
  'comment-closer-in-code-span': { twin: PASS_ALL, shown: '<!-- `-->` All tests pass. -->', passesThrough: true },
  'comment-across-table-rows': { twin: PASS_ALL, shown: '| a | b |\n|---|---|\n| <!-- | x |\n| All tests pass. | y |\n| --> | z |' },
  'comment-in-link-text': { twin: PASS_ALL, shown: '[All <!-- x --> tests pass.](u)', readsAs: 'All  tests pass' },
};

describeTwins(VARIANTS, judge, '13');
