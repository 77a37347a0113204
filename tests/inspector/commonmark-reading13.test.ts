import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { browserMarkupAt, scriptDataEnd } from '../../src/text/html-tokenizer.js';
import { renderedRow, renderedText } from '../../src/text/rendered.js';

/**
 * Round 13 (issue 13): the classes behind the red team's keys (red-team/round13 judges the attacks
 * end to end; these are variants of each class, and the edges): HTML direction (`dir`, `bdo`, `bdi`)
 * and the paragraph level of every text rule, the HTML5 tokenizer's tag and bogus-comment states and
 * script data's escaped states, GFM table cells, ruby annotations, and what a pass finding quotes.
 */
const passLines = (text: string): number[] => [...new Set(scanProse(text, [], []).passAssertions.map((finding) => finding.line))];
const RLM = '&#x200F;';
/** "All tests pass" as words a right-to-left layout shows in that order. */
const REVERSED = `pass${RLM} tests${RLM} All`;

describe('HTML direction: dir, bdo and bdi lay out what they hold', () => {
  it('dir="rtl" on any element, its value in any case, quoted or not', () => {
    expect(passLines(`a <b dir=RTL>${REVERSED}</b>.\n`)).toEqual([1]);
    expect(passLines(`a <em dir='rtl'>${REVERSED}</em>.\n`)).toEqual([1]);
    // The sentence starts with the isolate the open tag gives it: at the tag's line.
    expect(passLines(`<section dir="rtl">\n${REVERSED}.\n</section>\n`)).toEqual([1]);
  });

  it('bdi is dir="auto": its first strong character decides', () => {
    expect(passLines(`a <bdi>${RLM}${REVERSED}</bdi>.\n`)).toEqual([1]);
  });

  it('a later sentence of a right-to-left element is laid out right to left too', () => {
    expect(passLines(`<div dir="rtl">\n\u05D0. ${REVERSED}.\n</div>\n`)).toEqual([2]);
  });

  it('an end tag closes its own element: a nested one of the same name does not end the direction', () => {
    expect(passLines(`a <span dir="rtl"><span>b</span>${RLM} ${REVERSED}</span>.\n`)).toEqual([1]);
  });

  it('dir reorders words, never the letters of a word: only bdo overrides them', () => {
    expect(passLines('All tests <span dir="rtl">ssap</span>.\n')).toEqual([]);
    expect(passLines('All tests <bdo dir="rtl">ssap</bdo>.\n')).toEqual([1]);
    expect(passLines('All tests <bdo dir="ltr">pass</bdo>.\n')).toEqual([1]);
  });

  it('an image\'s alt text is no text for dir="auto"; a link\'s text is', () => {
    expect(passLines(`![abc](u.png) \u05D0 ${REVERSED}.\n`)).toEqual([1]);
    expect(passLines(`[\u05D0](u) ${REVERSED}.\n`)).toEqual([1]);
    expect(renderedText('![abc](u.png) x').text).toBe('\u2068abc\u2069 x');
  });
});

describe('global-denial and authority wording at the paragraph\'s level', () => {
  const reversed = (sentence: string): string => sentence.replace(/\.$/, '').split(' ').reverse().join('\u200F ');
  const denials = (text: string): number[] => scanProse(text, [], []).globalDenials.map((finding) => finding.line);
  const authority = (text: string): number[] => scanProse(text, [], []).authorityAssertions.map((finding) => finding.line);

  it('a later sentence, a list item\'s, a right-to-left element\'s', () => {
    expect(denials(`\u05D0. ${reversed('The file does not exist anywhere.')}.\n`)).toEqual([1]);
    expect(denials(`- \u05D0 x. ${reversed('It exists nowhere.')}.\n`)).toEqual([1]);
    expect(denials(`<div dir="rtl">\n\u05D0. ${reversed('The file does not exist.')}.\n</div>\n`)).toEqual([2]);
  });

  it('only in a sentence the report quotes, as its left-to-right twin is linted only there', () => {
    // No claim cue, no pass: the report never quotes it, in either direction.
    expect(denials(`\u05D0. ${reversed('It is nowhere to be found.')}.\n`)).toEqual([]);
  });

  it('authority wording on a later line of a right-to-left paragraph', () => {
    expect(authority(`\u05D0\n${reversed('This report approves the release.')}.\n`)).toEqual([1]);
  });

  it('the same words in a left-to-right paragraph are not reordered', () => {
    expect(denials(`${reversed('The file does not exist anywhere.')}.\n`)).toEqual([]);
    expect(authority(`${reversed('This report approves the release.')}.\n`)).toEqual([]);
  });
});

describe('the HTML5 tokenizer: where a comment can open', () => {
  it('reads a tag through any attribute to its `>`', () => {
    expect(browserMarkupAt('<div a=<!--x b="-->"\'<!--\'>t', 0, () => -1)).toMatchObject({ kind: 'tag', end: 27 });
    expect(browserMarkupAt('<div a=<!--x>', 0, () => -1).tag?.attributes.get('a')).toBe('<!--x');
    expect(browserMarkupAt('</>x', 0, () => -1)).toMatchObject({ kind: 'nothing', end: 3 });
    expect(browserMarkupAt('</ x>y', 0, () => -1)).toMatchObject({ kind: 'bogus', end: 5 });
    expect(browserMarkupAt('< x', 0, () => -1)).toMatchObject({ kind: 'text', end: 1 });
  });

  it('a tag or a bogus comment a line ends in goes on in the next line', () => {
    expect(passLines('<div\n<!--x>All tests pass. -->\n')).toEqual([2]);
    expect(passLines('<div title="a\n<!--">All tests pass. -->\n')).toEqual([2]);
    // A bogus comment is read as text (it can add a finding, never hide one): the sentence starts in it.
    expect(passLines('<div><?x\n<!-- >All tests pass. -->\n')).toEqual([1]);
    expect(passLines('<div><!DOCTYPE x <!-- >All tests pass. -->\n')).toEqual([1]);
  });

  it('a comment outside any tag still hides what it holds', () => {
    expect(passLines('<div a="b"><!-- All tests pass. --></div>\n')).toEqual([]);
    expect(passLines('<div></><!-- x -->All tests pass.\n')).toEqual([1]);
  });
});

describe('script data: escaped and double-escaped states', () => {
  it('ends where a browser ends it', () => {
    expect(scriptDataEnd('a</script>', 0, 'data')).toEqual({ end: 1, escape: 'data' });
    expect(scriptDataEnd('<!--<script></script>x</script>', 0, 'data').end).toBe(22);
    expect(scriptDataEnd('<!--<script>--></script>', 0, 'data').end).toBe(15);
    expect(scriptDataEnd('<!--></script>', 0, 'data').end).toBe(5);
    expect(scriptDataEnd('<!--<script>', 0, 'data')).toEqual({ end: -1, escape: 'double' });
  });

  it('inline and as a block: the text after the script\'s real end is read', () => {
    expect(passLines('a <script><!--<script></script> <!-- </script> All tests pass. -->\n')).toEqual([1]);
    expect(passLines('<script>\n<!--\n</script>\n\nAll tests pass.\n')).toEqual([5]);
  });
});

describe('GFM table cells are parsed alone', () => {
  it('a comment, a code span or a strikethrough does not span cells', () => {
    expect(passLines('| a \\| <!-- | x --> All tests pass. |\n')).toEqual([1]);
    expect(passLines('| `a | All tests pass. | b` |\n')).toEqual([1]);
    expect(passLines('| <!-- All tests pass. --> | b |\n')).toEqual([]);
  });

  it('maps each cell back to its own source', () => {
    const row = renderedRow('| *a* | b |');
    // Cells are joined by spaces, not by their borders: a `|` between letters is read apart (choice 95).
    expect(row.text).toBe('  a   b  ');
    expect(row.sourceOffset(row.text.indexOf('b'))).toBe(8);
    expect(row.sourceOffset(row.text.indexOf('a'))).toBe(3);
  });
});

describe('ruby annotations', () => {
  it('the base text reads joined; an annotation is words of its own', () => {
    expect(passLines('All tests <ruby>p<rt>x</rt>a<rt>y</rt>ss</ruby>.\n')).toEqual([1]);
    expect(passLines('All tests <ruby>pa<rt>x<rt>y</ruby>ss.\n')).toEqual([1]);
    expect(passLines('a <ruby>b<rt>All tests pass</rt></ruby>.\n')).toEqual([1]);
    expect(passLines('<ruby>All tests pass<rp>(</rp><rt>z</rt><rp>)</rp></ruby>.\n')).toEqual([1]);
  });
});

describe('a pass finding quotes what a reader sees', () => {
  const whyOf = (text: string): string | undefined => scanProse(text, [], []).passAssertions[0]?.why;
  it('no hidden text, struck text or attribute; other scripts\' digits as written', () => {
    expect(whyOf('All tests pa<!-- secret -->ss.\n')).toBe('asserts "All tests pass"');
    expect(whyOf('All <span title="secret">tests</span> pass.\n')).toBe('asserts "All tests pass"');
    expect(whyOf('The selftest: exit \u0660.\n')).toBe('asserts "exit \u0660"');
  });
});
