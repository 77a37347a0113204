import { rmSync } from 'node:fs';
import { HtmlRenderer, Parser } from 'commonmark';
import { afterAll, describe, expect, it } from 'vitest';
import { dossier, flagsOf9, inspect9, roundRoot, twinOf } from './red-team/round9/gen9.js';

/**
 * Round 16's raw-text end-tag keys, decided in session 18 (choices 45, amended). A raw-text
 * element's own end tag ends it with attributes and all, and a `</p>` inside their quoted value is
 * no tag, so the right-to-left `p` stays open: its reversed words show "All tests pass." as the
 * twin does. The red team's own variants put an `x` before the element; there a browser shows
 * "All tests x pass" (the `x` and the words after the element are one left-to-right run: jsdom's
 * tree and FriBidi's order, docs/choices.md 45), so those keys stay open as disputed. These are the
 * variants without the `x`, whose premise holds, one per kind of raw text.
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const REVERSED = 'pass&#x200F; tests&#x200F; All';
const PASS = 'All tests pass.';

const VARIANTS: Record<string, string> = {
  'textarea-rcdata': `<p dir="rtl"><textarea></textarea title="</p>">${REVERSED}.</p>`,
  'title-rcdata': `<p dir="rtl"><title></TITLE title='</p>'>${REVERSED}.</p>`,
  'style-rawtext': `<p dir="rtl"><STYLE></Style title='</p>'>${REVERSED}.</p>`,
  'noembed-rawtext': `<p dir="rtl"><noembed></NOEMBED title="</p>">${REVERSED}.</p>`,
  'iframe-rawtext': `<p dir="rtl"><iframe></IFRAME title="</p>">${REVERSED}.</p>`,
};

describe('an end tag with attributes ends raw text, and the quoted </p> in them keeps the paragraph open', () => {
  for (const [name, shown] of Object.entries(VARIANTS)) {
    it(name, async () => {
      // CommonMark passes the HTML block through as written: the browser decides.
      expect(new HtmlRenderer().render(new Parser().parse(shown))).toBe(`${shown}\n`);
      const twin = await twinOf(PASS);
      const result = await inspect9({ dossierText: dossier(shown) }, `endtag18-${name}`);
      expect(flagsOf9(result)).toContain('FLAG_PROSE_ONLY_PASS');
      expect(result.exitCode).toBe(twin.exitCode);
    });
  }
});
