import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { viewMarkdown } from '../markdown-view.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9, twinOf } from '../round9/gen9.js';
import { createJudge12 } from './judge12.js';

/**
 * rt-packets12, text a reader sees that the inspector does not read as it, after round 11's fixes
 * (unsandboxed entry, `inspectToDirectory`). Round 11 taught the inspector that `<!--` inside a tag's
 * quoted attribute or an indented code block opens nothing; the same holds for every other place
 * where CommonMark does not read HTML: a link title (inline or in a reference definition), the
 * inside of a `<textarea>` block, a processing instruction, a CDATA section and a declaration. An
 * inline `<!--` that never meets `-->` in its paragraph is no comment for CommonMark either (`--!>`
 * does not close one there; browsers' HTML5 tokenizer does close a comment at `--!>`, so an HTML
 * block `<!-- x --!>` shows what follows it on GitHub). Numeric references to 0x80–0x9F are the
 * Windows-1252 characters for HTML5 and CommonMark (`&#x9A;` is š), not C1 controls. Each variant
 * must get the flag and exit code of its twin (the ASCII text, or the literal character the
 * reference stands for); `readsAs` is checked first with the `commonmark` package (the premise).
 */
const { judge, checkAllListedRan } = createJudge12('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS_FLAG = 'FLAG_PROSE_ONLY_PASS';
const PASS_ALL = 'All tests pass.';
const PASS_22 = 'Selftest: 22/22 PASS.';
const PASS_SCARON = 'All tests pa\u0161\u0161.';

interface Variant {
  readonly twin: string;
  readonly shown: string;
  /** What CommonMark shows holds these words (checked: the variant is what a reader reads). */
  readonly readsAs?: string;
}

function afterEachLetter(text: string, mark: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => `${ch}${mark}`);
}

const VARIANTS: Record<string, Variant> = {
  // `<!--` where CommonMark reads no HTML (round 11 fixed attributes and indented code only).
  'comment-opener-in-link-title': { twin: PASS_ALL, shown: '[x](/u "<!--") All tests pass. [y](/v "-->")', readsAs: 'All tests pass' },
  'comment-opener-in-reference-title': { twin: PASS_ALL, shown: '[r]: /u "<!--"\n\nAll tests pass.\n\n[q]: /v "-->"', readsAs: 'All tests pass' },
  'comment-opener-in-textarea': { twin: PASS_ALL, shown: '<textarea>\n<!--\n</textarea>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-in-processing-instruction': { twin: PASS_ALL, shown: 'a <?<!--?> All tests pass. <? -->?>', readsAs: 'All tests pass' },
  'comment-opener-in-cdata': { twin: PASS_ALL, shown: 'a <![CDATA[<!--]]> All tests pass. <![CDATA[-->]]>', readsAs: 'All tests pass' },
  'comment-opener-in-declaration': { twin: PASS_ALL, shown: 'a <!X <!-- > All tests pass. <!X -->', readsAs: 'All tests pass' },
  // An inline `<!--` that `-->` never closes in its paragraph is literal text for CommonMark.
  'inline-comment-closed-by-bang': { twin: PASS_ALL, shown: 'Intro <!-- x --!> All tests pass.', readsAs: 'All tests pass' },
  'inline-comment-never-closed': { twin: PASS_ALL, shown: 'Intro <!-- All tests pass.', readsAs: 'All tests pass' },
  // An HTML block: CommonMark passes it through; the browser's tokenizer ends the comment at `--!>`.
  'html-block-comment-closed-by-bang': { twin: PASS_ALL, shown: 'Intro.\n\n<!-- x --!>\n\nAll tests pass.\n' },
  // Windows-1252 numeric references (HTML5 §13.2.5.80; commonmark decodes them the same way).
  'numeric-reference-windows-1252-hex': { twin: PASS_SCARON, shown: 'All tests pa&#x9A;&#x9A;.', readsAs: 'All tests pa\u0161\u0161' },
  'numeric-reference-windows-1252-decimal': { twin: PASS_SCARON, shown: 'All tests pa&#154;&#154;.', readsAs: 'All tests pa\u0161\u0161' },
  'numeric-reference-windows-1252-in-html-block': { twin: PASS_SCARON, shown: '<div>All tests pa&#x9A;&#x9A;.</div>' },
  // A control character inside a word (between words it is a space and flagged, round 11).
  'c1-control-inside-word': { twin: PASS_ALL, shown: 'All tests pa\u0080ss.' },
  'c0-control-inside-word': { twin: PASS_ALL, shown: 'All tests pa\u0001ss.' },
  // Guards (hold today).
  'comment-closer-in-attribute-inside-comment': { twin: PASS_ALL, shown: '<!-- <a title="-->">All tests pass.' },
  'comment-opener-after-autolink-opener': { twin: PASS_ALL, shown: 'a <http://x/<!--> All tests pass. -->', readsAs: 'All tests pass' },
  'del-tag-upper-case': { twin: PASS_ALL, shown: 'All tests <DEL>fail</DEL> pass.' },
  'del-tag-with-attribute': { twin: PASS_ALL, shown: 'All tests <del class="x">fail</del> pass.' },
  'del-tag-space-before-bracket': { twin: PASS_ALL, shown: 'All tests <del >fail</del > pass.' },
  's-tag-mixed-case': { twin: PASS_ALL, shown: 'All tests <S>did not</s> pass.' },
  'named-entity-script-letter': { twin: PASS_ALL, shown: 'All tests &pscr;ass.' },
  'delete-between-words': { twin: PASS_ALL, shown: 'All\u007Ftests\u007Fpass.' },
  'squared-ss-ligature': { twin: PASS_ALL, shown: 'All tests PA\u{1F14D}.' },
  'cyrillic-enclosing-mark': { twin: PASS_ALL, shown: `All tests ${afterEachLetter('pass', '\u0488')}.` },
  'enclosing-upward-triangle': { twin: PASS_ALL, shown: `All tests ${afterEachLetter('pass', '\u20E2')}.` },
  'combining-cyrillic-ten-millions': { twin: PASS_ALL, shown: `All tests ${afterEachLetter('pass', '\uA670')}.` },
  'combining-parentheses-overlay': { twin: PASS_ALL, shown: `All tests ${afterEachLetter('pass', '\u1ABE')}.` },
  'modifier-capital-letters': { twin: PASS_ALL, shown: 'All tests \u1D3E\u1D2C\u02E2\u02E2.' },
  'parenthesized-digits': { twin: PASS_22, shown: 'Selftest: \u2475/\u2475 PASS.' },
};

describe('a look-alike gets the flag and exit code of its twin', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(name, async () => {
      if (variant.readsAs !== undefined) expect(viewMarkdown(variant.shown).text.replace(/\s+/g, ' ')).toContain(variant.readsAs);
      const twin = await twinOf(variant.twin);
      if (!flagsOf9(twin).includes(PASS_FLAG)) {
        judge(`look:${name}`, `control failed: the twin ${JSON.stringify(variant.twin)} is not flagged: ${summary9(twin)}`);
        return;
      }
      const result = await inspect9({ dossierText: dossier(variant.shown) }, `look12-${name}`);
      const same = flagsOf9(result).includes(PASS_FLAG) && result.exitCode === twin.exitCode;
      judge(`look:${name}`, same ? undefined : `${JSON.stringify(variant.shown.slice(0, 80))} → ${summary9(result)}, twin → ${summary9(twin)}`);
    });
  }
});
