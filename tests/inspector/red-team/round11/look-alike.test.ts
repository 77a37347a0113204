import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { viewMarkdown } from '../markdown-view.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9, twinOf, type Run9 } from '../round9/gen9.js';
import { createJudge11 } from './judge11.js';

/**
 * rt-packets11, look-alike text beyond rounds 6, 7 and 9 (unsandboxed entry, `inspectToDirectory`).
 * Unicode: enclosed letters and digits that NFKD does not decompose (negative squared/circled letters,
 * regional indicators, dingbat and double-circled digits) or that it does (circled Ⓐ, squared 🄰) but
 * the view still misses; enclosing combining marks (U+20DD, U+20DE, U+20E3: `Me`, not `Mn`); C1
 * controls (U+0085 NEL, U+009B CSI) between words, which are neither read as a space nor reported,
 * where C0 controls are both; an interlinear annotation glued to its base text; a paragraph whose
 * first strong character is right to left (GitHub renders every paragraph `dir="auto"`, so RLM-
 * separated Latin words display in reverse order there). Markdown: a comment that CommonMark 0.31 and
 * every browser close at once (`<!-->`, `<!--->`), a `<!--` inside an attribute value or an indented
 * code block (the same class as round 9's code span, in two more places), `<del>`/`<s>`/`<strike>`
 * around a word (GitHub shows it struck, as `~~fail~~ pass`, which is flagged), and HTML5 named
 * entities outside the inspector's table (`&pfr;` is 𝔭, whose literal twin is flagged).
 * Each variant must get the flag and exit code of its ASCII twin.
 */
const { judge, checkAllListedRan } = createJudge11('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS_FLAG = 'FLAG_PROSE_ONLY_PASS';
const AUTHORITY_FLAG = 'FLAG_AUTHORITY_VIOLATION';
const PASS_ALL = 'All tests pass.';
const PASS_EXIT = 'The selftest: exit 0.';
const PASS_22 = 'Selftest: 22/22 PASS.';
const AUTHORITY = 'This approves the release.';


function lettersTo(text: string, upper: number, lower = upper): string {
  return [...text]
    .map((ch) => {
      if (ch >= 'A' && ch <= 'Z') return String.fromCodePoint(upper + ch.charCodeAt(0) - 65);
      if (ch >= 'a' && ch <= 'z') return String.fromCodePoint(lower + ch.charCodeAt(0) - 97);
      return ch;
    })
    .join('');
}
function afterEachLetter(text: string, mark: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => `${ch}${mark}`);
}
function digitsTo(text: string, one: number): string {
  return text.replace(/[1-9]/g, (ch) => String.fromCodePoint(one + Number(ch) - 1));
}

interface Variant {
  readonly twin: string;
  readonly shown: string;
  readonly flag?: string;
  /** CommonMark's visible text holds the twin: checked, so the variant is what a reader reads. */
  readonly readsAsTwin?: boolean;
}

const VARIANTS: Record<string, Variant> = {
  // Enclosed alphanumerics.
  'circled-letters': { twin: PASS_ALL, shown: lettersTo(PASS_ALL, 0x24b6, 0x24d0) },
  'squared-letters': { twin: PASS_ALL, shown: lettersTo(PASS_ALL.toUpperCase(), 0x1f130) },
  'negative-squared-letters': { twin: PASS_ALL, shown: lettersTo(PASS_ALL.toUpperCase(), 0x1f170) },
  'negative-circled-letters': { twin: PASS_ALL, shown: lettersTo(PASS_ALL.toUpperCase(), 0x1f150) },
  // A zero-width space after each indicator keeps two of them from forming a flag emoji.
  'regional-indicator-letters': { twin: PASS_ALL, shown: lettersTo(PASS_ALL.toUpperCase(), 0x1f1e6).replace(/([\u{1F1E6}-\u{1F1FF}])/gu, '$1\u200B') },
  'negative-squared-pass-word': { twin: PASS_22, shown: 'Selftest: 22/22 \u{1F17F}\u{1F170}\u{1F182}\u{1F182}.' },
  'dingbat-negative-circled-digits': { twin: PASS_22, shown: digitsTo(PASS_22, 0x2776) },
  'dingbat-circled-sans-digits': { twin: PASS_22, shown: digitsTo(PASS_22, 0x2780) },
  'double-circled-digits': { twin: PASS_22, shown: digitsTo(PASS_22, 0x24f5) },
  // Enclosing combining marks (general category Me).
  'combining-enclosing-circle': { twin: PASS_ALL, shown: afterEachLetter(PASS_ALL, '\u20DD') },
  'combining-enclosing-square': { twin: PASS_ALL, shown: afterEachLetter(PASS_ALL, '\u20DE') },
  'combining-enclosing-keycap': { twin: PASS_ALL, shown: afterEachLetter(PASS_ALL, '\u20E3') },
  // C1 controls: a C0 control between words is read as a space and reported; these are neither.
  'c1-next-line-between-words': { twin: PASS_ALL, shown: 'All\u0085tests\u0085pass.' },
  'c1-csi-between-words': { twin: PASS_ALL, shown: 'All tests\u009Bpass.' },
  // Interlinear annotation: the base text "All tests pass" with the annotation "ok" glued after it.
  'interlinear-annotation-glued': { twin: PASS_ALL, shown: '\uFFF9All tests pass\uFFFAok\uFFFB.' },
  // GitHub renders paragraphs dir="auto": the first strong character (RLM) makes the paragraph RTL.
  'first-strong-rtl-paragraph': { twin: PASS_ALL, shown: '\u200Fpass\u200F tests\u200F All.' },
  'first-strong-hebrew-paragraph': { twin: PASS_ALL, shown: '\u05D0 pass\u200F tests\u200F All.' },
  // Comments CommonMark and browsers close at once, or do not read as comments at all.
  'empty-comment-then-text': { twin: PASS_ALL, shown: '<!--> All tests pass. -->' },
  'empty-comment-dash-then-text': { twin: PASS_ALL, shown: '<!---> All tests pass. -->' },
  'comment-opener-in-attribute': { twin: PASS_ALL, shown: '<a title="<!--">All tests pass.</a> <a title="-->">x</a>', readsAsTwin: true },
  'comment-opener-in-indented-code': { twin: PASS_ALL, shown: 'Intro.\n\n    <!--\n\nAll tests pass.\n\n    -->', readsAsTwin: true },
  // Struck by an HTML tag, as `~~fail~~` is by GFM.
  'del-tag-struck-word': { twin: PASS_ALL, shown: 'All tests <del>fail</del> pass.' },
  's-tag-struck-word': { twin: PASS_ALL, shown: 'All tests <s>fail</s> pass.' },
  'strike-tag-struck-words': { twin: PASS_ALL, shown: 'All tests <strike>did not</strike> pass.' },
  // HTML5 named entities (CommonMark decodes all of them).
  'named-entity-fraktur-letter': { twin: PASS_ALL, shown: 'All tests &pfr;ass.', readsAsTwin: false },
  'named-entity-double-struck-letter': { twin: PASS_EXIT, shown: 'The selftest: exit &Oopf;.' },
  // Guards (hold today).
  'math-fraktur-letters': { twin: PASS_ALL, shown: lettersTo(PASS_ALL, 0x1d504, 0x1d51e) },
  'circled-pass-word-after-count': { twin: PASS_22, shown: 'Selftest: 22/22 \u24C5\u24B6\u24C8\u24C8.' },
  'combining-long-stroke-overlay': { twin: PASS_ALL, shown: afterEachLetter(PASS_ALL, '\u0336') },
  'combining-grapheme-joiner': { twin: PASS_ALL, shown: afterEachLetter(PASS_ALL, '\u034F') },
  'variation-selector-supplement': { twin: PASS_ALL, shown: afterEachLetter(PASS_ALL, '\u{E0100}') },
  'mongolian-free-variation-selector': { twin: PASS_ALL, shown: afterEachLetter(PASS_ALL, '\u180B') },
  'keycap-zero': { twin: PASS_EXIT, shown: 'The selftest: exit 0\uFE0F\u20E3.' },
  'hangul-choseong-filler-between-words': { twin: PASS_ALL, shown: 'All\u115Ftests\u115Fpass.' },
  'halfwidth-hangul-filler-between-words': { twin: PASS_ALL, shown: 'All\uFFA0tests\uFFA0pass.' },
  'kelvin-sign': { twin: 'The selftest is OK: 22/22 PASS.', shown: 'The selftest is O\u212A: 22/22 PASS.' },
  'dotless-i': { twin: 'The selftest exited with code 0.', shown: 'The selftest ex\u0131ted w\u0131th code 0.' },
  'cherokee-p': { twin: PASS_ALL, shown: 'All tests \u13E2ASS.' },
  'coptic-p': { twin: PASS_ALL, shown: 'All tests \u2CA2ASS.' },
  'lisu-p': { twin: PASS_ALL, shown: 'All tests \uA4D1ASS.' },
  'ogham-space-mark': { twin: PASS_ALL, shown: 'All\u1680tests\u1680pass.' },
  'c0-form-feed-between-words': { twin: PASS_ALL, shown: 'All\u000Ctests pass.' },
  'interlinear-annotation-empty': { twin: PASS_ALL, shown: 'All tests pa\uFFF9ss\uFFFA\uFFFB.' },
  'wbr-inside-word': { twin: PASS_ALL, shown: 'All tests pa<wbr>ss.' },
  'span-inside-word': { twin: PASS_ALL, shown: 'All tests p<span title="x">as</span>s.', readsAsTwin: false },
  'pre-block': { twin: PASS_ALL, shown: '<pre>\nAll tests pass.\n</pre>' },
  'setext-heading-two-lines': { twin: PASS_ALL, shown: 'All tests\npass.\n---', readsAsTwin: true },
  'reference-link-text': { twin: PASS_ALL, shown: '[All tests pass][].\n\n[all tests pass]: https://ci.example/1', readsAsTwin: true },
  'comment-opener-in-fenced-code': { twin: PASS_ALL, shown: '```\n<!--\n```\n\nAll tests pass.\n\n```\n-->\n```', readsAsTwin: true },
  'quote-closes-fence-authority': { twin: AUTHORITY, shown: '> ```\n> x\n\nThis approves the release.', flag: AUTHORITY_FLAG, readsAsTwin: true },
  'indented-closer-authority': { twin: AUTHORITY, shown: '```\nx\n   ```\n\nThis approves the release.', flag: AUTHORITY_FLAG, readsAsTwin: true },
  'longer-closer-authority': { twin: AUTHORITY, shown: '```\nx\n`````\n\nThis approves the release.', flag: AUTHORITY_FLAG, readsAsTwin: true },
};

describe('a look-alike gets the flag and exit code of its ASCII twin', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(name, async () => {
      if (variant.readsAsTwin === true) {
        // The premise, not a finding: CommonMark shows the twin's words.
        expect(viewMarkdown(variant.shown).text.replace(/\s+/g, ' ')).toContain(variant.twin.replace(/\.$/, ''));
      }
      const flag = variant.flag ?? PASS_FLAG;
      const twin = await twinOf(variant.twin);
      if (!flagsOf9(twin).includes(flag)) {
        judge(`look:${name}`, `control failed: the twin ${JSON.stringify(variant.twin)} is not flagged: ${summary9(twin)}`);
        return;
      }
      const result = await inspect9({ dossierText: dossier(variant.shown) }, `look-${name}`);
      const same = flagsOf9(result).includes(flag) && result.exitCode === twin.exitCode;
      judge(`look:${name}`, same ? undefined : `${JSON.stringify(variant.shown.slice(0, 80))} → ${summary9(result)}, twin → ${summary9(twin)}`);
    });
  }
});
