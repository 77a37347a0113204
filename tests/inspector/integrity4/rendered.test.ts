import { describe, expect, it } from 'vitest';
import { scanSteps } from '../../../src/claims/prose-blocks.js';
import { renderedText } from '../../../src/text/rendered.js';
import { packetLabelForVerdictLine } from '../../../src/text/verdict-line-label.js';
import { escapeMarkdown } from '../../../src/text/escape.js';

/** integrity4: the one rendered-text view every prose rule reads (src/text/rendered.ts). */
describe('inline Markdown renders as a reader sees it', () => {
  it.each([
    ['All tests **pass**.', 'All tests pass.'],
    ['All tests p**as**s.', 'All tests pass.'],
    ['All tests ~~not~~ pass.', 'All tests not pass.'],
    ['All tests `pass`.', 'All tests pass.'],
    ['All tests ``pa`ss``.', 'All tests pa`ss.'],
    // White-space blanks stay as written (round 17, choice 75: which blank stands between letters decides).
    ['All tests &#112;ass &#x70;ass&nbsp;ok &amp; more.', 'All tests pass pass\u00A0ok & more.'],
    ['All tests <span>pa</span>ss.', 'All tests pass.'],
    ['All tests <!-- x --> pass.', 'All tests  pass.'],
    ['snake_case and _emphasis_', 'snake_case and emphasis'],
    // An image's alt text is isolated (FSI … PDI, invisible): no text for dir="auto" (round 13).
    ['\\*literal\\* [link text](https://x.example "t") ![alt](i.png)', '*literal* link text \u2068alt\u2069'],
    // A Hangul filler draws as a blank as wide as a letter: the ideographic space (round 17).
    ['All\u2800tests\u3164pa\u00DF, PA\u1E9E, \u1D18\u1D00ss, exit \u0660.', 'All tests\u3000pass, PASS, PAss, exit 0.'],
    ['All tests\npass.', 'All tests pass.'],
    ['All tests\r\npass.', 'All tests  pass.'],
  ])('%j', (source, visible) => {
    expect(renderedText(source).text).toBe(visible);
  });
  it('a name outside HTML5 becomes U+FFFD (the scan then reports the paragraph)', () => {
    expect(renderedText('tests &rcyx;ass').text).toBe('tests \uFFFDass');
    expect(scanSteps('tests &rcyx;ass\n').some((step) => 'finding' in step)).toBe(true);
  });
  it('decodes every HTML5 named reference (round 11)', () => {
    expect(renderedText('tests &rcy;ass &pfr; &Oopf; &CounterClockwiseContourIntegral;').text).toBe('tests \u0440ass \u{1D52D} \u{1D546} \u2233');
    expect(scanSteps('All tests &pfr;ass.\n').some((step) => 'finding' in step)).toBe(false);
  });
  it('maps rendered offsets back to the source', () => {
    const view = renderedText('a **b** c');
    expect(view.text).toBe('a b c');
    expect(view.sourceOffset(2)).toBe(4);
    expect(view.sourceOffset(4)).toBe(8);
  });
});

describe('paragraphs and lines', () => {
  it('joins a paragraph, keeps list items apart, reports comments and keeps the text around them', () => {
    const steps = scanSteps('# T\n\nAll tests\npass.\n- E1: one.\n- E2: two <!-- hidden --> too.\n\n```\ncode line\n```\n');
    const sentences = steps.flatMap((step) => ('sentence' in step ? [[step.line, step.sentence, step.inFence] as const] : []));
    expect(sentences).toEqual([
      [1, 'T', false],
      [3, 'All tests pass.', false],
      [5, 'E1: one.', false],
      [6, 'E2: two  too.', false],
      [9, 'code line', true],
    ]);
    expect(steps.filter((step) => 'finding' in step)).toHaveLength(1);
  });
});

describe('sinks', () => {
  it('the packet label on the verdict line is quoted and withholds verdict-like words in any spelling', () => {
    const shown = packetLabelForVerdictLine('/tmp/FINAL VERDICT PASS (exit 0) certified/\u0420\u0410SS-\u001b[32mOK');
    expect(shown.startsWith('"')).toBe(true);
    expect(shown).not.toMatch(/\bPASS\b|certified|\u0420\u0410SS|\bOK\b|\u001b/i);
  });
  it('report.md text never carries a GFM autolink trigger', () => {
    expect(escapeMarkdown('https://evil.example/login')).toBe('https\\://evil.example/login');
    expect(escapeMarkdown('www.evil.example')).toBe('www\\.evil.example');
    expect(escapeMarkdown('a@evil.example')).toBe('a\\@evil.example');
  });
});
