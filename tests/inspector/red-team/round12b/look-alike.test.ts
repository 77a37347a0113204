import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { viewMarkdown } from '../markdown-view.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9, twinOf } from '../round9/gen9.js';
import { createJudge12b } from './judge12b.js';

/**
 * rt-packets12b, text a reader sees that the inspector may not read as it, after round 12's fixes
 * (unsandboxed entry, `inspectToDirectory`). Round 12 taught the inspector CommonMark's raw-HTML
 * places, the browser's comment ends (`-->`, `--!>`), textarea/script/style/title as text,
 * Windows-1252 numeric references and controls inside a word. Here: the browser's other comment
 * ends (`<!-->` and `<!--->` close at once), every other raw-text element a browser knows (xmp,
 * iframe, noembed, noframes, plaintext) and the same elements inline, `<!--` where CommonMark reads
 * no HTML (link destinations, a backslash escape, `&lt;`, code), other spellings of the references
 * (`&#X…;`, leading zeros), references a browser decodes without `;` inside an HTML block, and
 * controls at a word's edges. Each variant must get the flag and exit code of its twin; `readsAs` is
 * checked first with the `commonmark` package (the premise). Variants without `readsAs` depend on
 * what the browser does with the HTML CommonMark passes through (HTML5 tokenizer, named per case).
 */
const { judge, checkAllListedRan } = createJudge12b('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS_FLAG = 'FLAG_PROSE_ONLY_PASS';
const PASS_ALL = 'All tests pass.';
const PASS_SCARON = 'All tests pa\u0161\u0161.';
const PASS_SCARON_UPPER = 'All tests PA\u0160\u0160.';

interface Variant {
  readonly twin: string;
  readonly shown: string;
  /** What CommonMark shows holds these words (checked: the variant is what a reader reads). */
  readonly readsAs?: string;
}

const VARIANTS: Record<string, Variant> = {
  // HTML5: `<!-->` and `<!--->` are whole (abruptly closed) comments; CommonMark's block ends on that line too.
  'html-block-abrupt-comment': { twin: PASS_ALL, shown: '<!-->\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'html-block-abrupt-comment-dash': { twin: PASS_ALL, shown: '<!--->\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'inline-abrupt-comment': { twin: PASS_ALL, shown: 'Intro <!--> All tests pass. <!-- -->', readsAs: 'All tests pass' },
  'inline-abrupt-comment-dash': { twin: PASS_ALL, shown: 'Intro <!---> All tests pass. <!-- -->', readsAs: 'All tests pass' },
  // Inline: CommonMark's comment runs to `-->`, the browser's ends at the earlier `--!>`.
  'inline-comment-bang-then-closer': { twin: PASS_ALL, shown: 'Intro <!-- x --!> All tests pass. -->' },
  // An HTML block comment ending at `--!>` on its own first line (CommonMark's block runs on).
  'html-block-comment-bang-same-line': { twin: PASS_ALL, shown: 'Intro.\n\n<!-- x --!> All tests pass.\n' },
  // Raw-text elements round 12 did not name: the browser reads `<!--` inside as text.
  'comment-opener-in-xmp-block': { twin: PASS_ALL, shown: '<xmp>\n<!--\n</xmp>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-in-iframe-block': { twin: PASS_ALL, shown: '<iframe>\n<!--\n</iframe>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-in-noembed-block': { twin: PASS_ALL, shown: '<noembed>\n<!--\n</noembed>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-in-noframes-block': { twin: PASS_ALL, shown: '<noframes>\n<!--\n</noframes>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-after-plaintext': { twin: PASS_ALL, shown: '<plaintext>\n\n<!--\n\nAll tests pass.\n\n-->' },
  'comment-opener-in-script-block': { twin: PASS_ALL, shown: '<script>\n<!--\n</script>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-in-style-block': { twin: PASS_ALL, shown: '<style>\n<!--\n</style>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-in-title-block': { twin: PASS_ALL, shown: '<title>\n<!--\n</title>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-in-textarea-upper-case': { twin: PASS_ALL, shown: '<TEXTAREA>\n<!--\n</TextArea>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  // The same elements inline: CommonMark writes the tags and the comment, the browser reads `<!--` as text.
  'comment-opener-in-inline-textarea': { twin: PASS_ALL, shown: 'a <textarea><!--</textarea> All tests pass. <!-- -->' },
  'comment-opener-in-inline-title': { twin: PASS_ALL, shown: 'a <title><!--</title> All tests pass. <!-- -->' },
  'comment-opener-in-inline-xmp': { twin: PASS_ALL, shown: 'a <xmp><!--</xmp> All tests pass. <!-- -->' },
  'comment-opener-in-inline-script': { twin: PASS_ALL, shown: 'a <script><!--</script> All tests pass. <!-- -->' },
  // A raw-text element a browser enters inside another block, or that only its exact end tag closes.
  'comment-opener-in-textarea-inside-div-block': { twin: PASS_ALL, shown: '<div><textarea><!--</textarea></div>\n\nAll tests pass.\n\n<!-- -->' },
  'textarea-false-end-tag': { twin: PASS_ALL, shown: '<textarea>\n</textareax>\n<!--\n</textarea>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-opener-in-noscript-block': { twin: PASS_ALL, shown: '<noscript>\n<!--\n</noscript>\n\nAll tests pass.\n\n<!-- -->', readsAs: 'All tests pass' },
  'comment-after-inline-plaintext': { twin: PASS_ALL, shown: 'a <plaintext> <!-- All tests pass. -->' },
  'comment-opener-in-inline-style': { twin: PASS_ALL, shown: 'a <style><!--</style> All tests pass. <!-- -->' },
  'comment-opener-in-inline-textarea-with-attribute': { twin: PASS_ALL, shown: 'a <textarea rows="2"><!--</textarea> All tests pass. <!-- -->' },
  // A reference that decodes to `<` is a character, never markup, for CommonMark and for the browser.
  'html-block-entity-comment-opener': { twin: PASS_ALL, shown: '<div>&lt;!-- All tests pass. --></div>' },
  // `<!--` where CommonMark reads no HTML at all.
  'comment-opener-in-link-destination': { twin: PASS_ALL, shown: '[x](/<!--) All tests pass. [y](/-->)', readsAs: 'All tests pass' },
  'comment-opener-in-reference-destination': { twin: PASS_ALL, shown: '[r]: /<!--\n\nAll tests pass.\n\n[q]: /-->', readsAs: 'All tests pass' },
  'comment-opener-backslash-escaped': { twin: PASS_ALL, shown: '\\<!-- All tests pass. -->', readsAs: 'All tests pass' },
  'comment-opener-as-entity': { twin: PASS_ALL, shown: '&lt;!-- All tests pass. -->', readsAs: 'All tests pass' },
  'comment-opener-as-decimal-entity': { twin: PASS_ALL, shown: '&#60;!-- All tests pass. -->', readsAs: 'All tests pass' },
  'comment-opener-in-code-span': { twin: PASS_ALL, shown: '`<!--` All tests pass. `-->`', readsAs: 'All tests pass' },
  'comment-opener-in-fenced-code': { twin: PASS_ALL, shown: '```\n<!--\n```\n\nAll tests pass.\n\n```\n-->\n```', readsAs: 'All tests pass' },
  // Spellings of the Windows-1252 references round 12 fixed.
  'numeric-reference-upper-x': { twin: PASS_SCARON, shown: 'All tests pa&#X9A;&#X9A;.', readsAs: 'All tests pa\u0161\u0161' },
  'numeric-reference-leading-zeros': { twin: PASS_SCARON, shown: 'All tests pa&#x00009A;&#0000154;.', readsAs: 'All tests pa\u0161\u0161' },
  'numeric-reference-windows-1252-upper-letter': { twin: PASS_SCARON_UPPER, shown: 'All tests PA&#x8A;&#138;.', readsAs: 'All tests PA\u0160\u0160' },
  // 0x81 is not assigned in Windows-1252: it stays a C1 control inside the word (as a raw one would).
  'numeric-reference-c1-unassigned-inside-word': { twin: PASS_ALL, shown: 'All tests pa&#x81;ss.', readsAs: 'All tests pa\u0081ss' },
  'numeric-reference-c0-inside-word': { twin: PASS_ALL, shown: 'All tests pa&#x1;ss.' },
  // Inside an HTML block the browser decodes numeric references that lack `;` (HTML5 §13.2.5.80).
  'html-block-decimal-reference-no-semicolon': { twin: PASS_ALL, shown: '<div>All tests &#112ass.</div>' },
  'html-block-windows-1252-no-semicolon': { twin: PASS_SCARON, shown: '<div>All tests pa&#154&#154.</div>' },
  'html-block-hex-reference-no-semicolon': { twin: PASS_SCARON, shown: '<div>All tests pa&#x9A&#x9A.</div>' },
  'html-block-named-reference-no-semicolon': { twin: 'All tests p\u00E1ss.', shown: '<div>All tests p&aacutess.</div>' },
  // Guards: references with `;` inside an HTML block.
  'html-block-hex-reference-upper-x': { twin: PASS_ALL, shown: '<div>All tests &#X70;ass.</div>' },
  'html-block-windows-1252-leading-zeros': { twin: PASS_SCARON, shown: '<div>All tests pa&#x0009A;&#x0009A;.</div>' },
  // Controls at a word's edges and beside other invisibles.
  'c1-control-before-word': { twin: PASS_ALL, shown: 'All tests \u0085pass.' },
  'c1-control-after-word': { twin: PASS_ALL, shown: 'All tests pass\u0085.' },
  'c0-control-both-edges': { twin: PASS_ALL, shown: 'All tests \u0001pass\u0001.' },
  'c0-control-and-soft-hyphen-inside-word': { twin: PASS_ALL, shown: 'All tests pa\u0001\u00ADss.' },
  'c1-control-and-combining-mark-inside-word': { twin: PASS_ALL, shown: 'All tests pa\u0080\u0301ss.' },
  'control-inside-word-in-html-block': { twin: PASS_ALL, shown: '<div>All tests pa\u0080ss.</div>' },
  'several-controls-inside-word': { twin: PASS_ALL, shown: 'All tests p\u0001a\u0002s\u0003s.' },
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
      const result = await inspect9({ dossierText: dossier(variant.shown) }, `look12b-${name}`);
      const same = flagsOf9(result).includes(PASS_FLAG) && result.exitCode === twin.exitCode;
      judge(`look:${name}`, same ? undefined : `${JSON.stringify(variant.shown.slice(0, 80))} → ${summary9(result)}, twin → ${summary9(twin)}`);
    });
  }
});
