import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { viewMarkdown } from '../markdown-view.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9, twinOf, type Run9 } from './gen9.js';
import { createJudge9 } from './judge9.js';

/**
 * rt-packets9, look-alike text beyond rounds 6 and 7. The rendered view (evidence-model.md, prose scan)
 * cuts HTML comments and removes tags before it knows what CommonMark reads as code or as an escaped
 * character, so a comment opener in a code span (`` `<!--` ``) or escaped (`\<!--`) hides the visible
 * sentence after it. A line opened by three backticks whose info string holds a backtick is not a
 * fence (CommonMark 4.5) but a paragraph with a code span, and the view hides it. Cells of an HTML
 * table are glued ("All testspass."), where a GFM table row reads as one sentence. An over-long sentence
 * is read in windows of 10,000 characters sharing 256: a run of 2,000 zero-width characters or blanks
 * inside "All tests pass" puts the phrase in no window, though a reader (HTML collapses white space,
 * zero-width characters show nothing) sees it. Each variant must get the flag and exit code of its twin.
 */
const { judge, checkAllListedRan } = createJudge9('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});


interface Variant {
  readonly twin: string;
  readonly shown: string;
  /** CommonMark's visible text holds the twin: checked, so the variant is what a reader reads. */
  readonly readsAsTwin?: boolean;
}

const PASS_ALL = 'All tests pass.';
const PASS_EXIT = 'The selftest: exit 0.';
const PASS_22 = 'Selftest: 22/22 PASS.';
/** A sentence over 10,000 characters whose "All tests pass" straddles the first window's end. */
function straddling(head: string, filler: string, tail: string): string {
  return `${'x '.repeat(4_490)}${head}${filler}${tail}, and ${'y '.repeat(200)}end.`;
}

const VARIANTS: Record<string, Variant> = {
  // Comment and tag syntax that CommonMark does not read as HTML.
  'comment-opener-in-code-span': { twin: PASS_ALL, shown: '`<!--` All tests pass. `-->`', readsAsTwin: true },
  'escaped-comment-opener': { twin: PASS_ALL, shown: '\\<!-- All tests pass. --\\>', readsAsTwin: true },
  'backtick-line-is-code-span-not-fence': { twin: PASS_ALL, shown: '``` All tests pass. ```', readsAsTwin: true },
  'html-table-cells-glued': { twin: PASS_ALL, shown: '<table><tr><td>All tests</td><td>pass.</td></tr></table>' },
  // Window edges of an over-long sentence.
  'zero-width-run-across-window-edge': { twin: PASS_ALL, shown: straddling('All tests pa', '\u200B'.repeat(2_000), 'ss') },
  'space-run-across-window-edge': { twin: PASS_ALL, shown: straddling('All tests', ' '.repeat(2_000), 'pass') },
  // Guards (hold today).
  'entity-comment-opener': { twin: PASS_ALL, shown: '&lt;!-- All tests pass. --&gt;', readsAsTwin: true },
  'entity-tag-around-words': { twin: PASS_ALL, shown: '&lt;x All tests pass&gt;', readsAsTwin: true },
  'escaped-tag-around-words': { twin: PASS_ALL, shown: '\\<x All tests pass>', readsAsTwin: true },
  'tag-opener-in-code-span': { twin: PASS_ALL, shown: 'Note `<x` All tests pass `>`', readsAsTwin: true },
  'comment-inside-sentence': { twin: PASS_ALL, shown: 'All tests <!-- of the old suite did not --> pass.' },
  'uppercase-hex-entity-digit': { twin: PASS_EXIT, shown: 'The selftest: exit &#X30;.', readsAsTwin: true },
  'named-entity-solidus': { twin: PASS_22, shown: 'Selftest: 22&sol;22 PASS.', readsAsTwin: true },
  'html-table-row': { twin: PASS_22, shown: '<table><tr><td>22/22</td><td>PASS</td></tr></table>' },
  'br-between-words': { twin: PASS_ALL, shown: 'All tests<br>pass.' },
  'footnote-shaped-as-link-definition': { twin: PASS_ALL, shown: 'The selftest ran.[^1]\n\n[^1]: x "All tests pass."' },
  'indented-code-block': { twin: PASS_22, shown: 'Output:\n\n    Selftest: 22/22 PASS.' },
  'atx-heading-closing-hashes': { twin: PASS_22, shown: '## Selftest: 22/22 PASS. ##' },
  'lazy-list-continuation': { twin: PASS_ALL, shown: '- All tests\npass.' },
  'lazy-nested-quote-continuation': { twin: PASS_ALL, shown: '> > All tests\npass.' },
  'emphasis-splits-word': { twin: PASS_ALL, shown: 'All tests p*a*ss.' },
  'link-text': { twin: PASS_ALL, shown: '[All tests pass](https://ci.example/1).' },
  'superscript-tag-digit': { twin: PASS_EXIT, shown: 'The selftest: exit <sup>0</sup>.' },
  'entity-run-across-window-edge': { twin: PASS_ALL, shown: straddling('All tests pa', '&#8203;'.repeat(600), 'ss') },
  'ideographic-number-zero': { twin: PASS_EXIT, shown: 'The selftest: exit \u3007.' },
  'big-solidus': { twin: PASS_22, shown: 'Selftest: 22\u29F822 PASS.' },
  'box-drawing-diagonal': { twin: PASS_22, shown: 'Selftest: 22\u257122 PASS.' },
  'digit-zero-full-stop': { twin: PASS_EXIT, shown: 'The selftest: exit \u{1F100}' },
  'hangul-filler-3164': { twin: PASS_ALL, shown: 'All\u3164tests\u3164pass.' },
  'braille-blank': { twin: PASS_ALL, shown: 'All\u2800tests\u2800pass.' },
  'tab-between-words': { twin: PASS_ALL, shown: 'All\ttests\tpass.' },
};

describe('a look-alike gets the flag and exit code of its ASCII twin', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(name, async () => {
      if (variant.readsAsTwin === true) {
        // The premise, not a finding: CommonMark shows the twin's words.
        expect(viewMarkdown(variant.shown).text.replace(/\s+/g, ' ')).toContain(variant.twin.replace(/\.$/, ''));
      }
      const twin = await twinOf(variant.twin);
      if (!flagsOf9(twin).includes('FLAG_PROSE_ONLY_PASS')) {
        judge(`look:${name}`, `control failed: the twin ${JSON.stringify(variant.twin)} is not flagged: ${summary9(twin)}`);
        return;
      }
      const result = await inspect9({ dossierText: dossier(variant.shown) }, `look-${name}`);
      const same = flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS') && result.exitCode === twin.exitCode;
      judge(`look:${name}`, same ? undefined : `${JSON.stringify(variant.shown.slice(0, 80))} → ${summary9(result)}, twin → ${summary9(twin)}`);
    });
  }
});
