import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { cssDirectionOf } from '../../src/text/css-direction.js';

/**
 * Round 15 (issue 13): the classes behind the red team's keys (red-team/round15 judges the attacks
 * end to end; these are siblings of each class, with a control that must stay unflagged).
 */
const passLines = (text: string): number[] => [...new Set(scanProse(text, [], []).passAssertions.map((finding) => finding.line))];
const RLM = '&#x200F;';
/** "All tests pass" as words a right-to-left layout shows in that order. */
const REVERSED = `pass${RLM} tests${RLM} All`;

describe('bdo overrides at its direction, inherited when it has no valid dir', () => {
  it('bdo with an invalid or missing dir under rtl set by dir, by CSS, or by an ancestor further up', () => {
    expect(passLines('All tests <span dir="rtl"><bdo dir="sideways">ssap</bdo></span>.\n')).toEqual([1]);
    expect(passLines('All tests <span dir="rtl"><i><b><bdo>ssap</bdo></b></i></span>.\n')).toEqual([1]);
    expect(passLines('<div style="direction:rtl">\n<p><bdo>.ssap stset llA</bdo></p>\n</div>\n')).toEqual([1]);
    // Control: at the document's left-to-right direction a bare bdo changes nothing.
    expect(passLines('All tests <bdo>ssap</bdo>.\n')).toEqual([]);
  });

  it('bdo dir="auto", or under a dir="auto" ancestor, is read both ways', () => {
    expect(passLines('All tests <bdo dir="auto">\u05D0ssap</bdo>.\n')).toEqual([1]);
    expect(passLines(`All tests <span dir="auto">${RLM}<bdo>ssap</bdo></span>.\n`)).toEqual([1]);
  });
});

describe('CSS direction is inherited, and !important is read as CSS reads it', () => {
  it('a child (or grandchild) isolates, embeds or overrides at the inherited direction', () => {
    expect(passLines('All tests <span style="direction:rtl"><i><span style="unicode-bidi:bidi-override">ssap</span></i></span>.\n')).toEqual([1]);
    expect(passLines(`a <span dir="rtl"><span style="unicode-bidi:isolate">${REVERSED}</span></span>.\n`)).toEqual([1]);
    expect(passLines('All tests <span dir="rtl"><span style="unicode-bidi:isolate-override">ssap</span></span>.\n')).toEqual([1]);
    // Control: an inner direction:ltr is what the child inherits.
    expect(passLines('All tests <span style="direction:rtl"><span style="direction:ltr"><span style="unicode-bidi:bidi-override">ssap</span></span></span>.\n')).toEqual([]);
  });

  it('!important in any case, with blanks or a comment after the !', () => {
    for (const important of ['!Important', '!IMPORTANT', '! \t important', '!/* x */ImPoRtAnT']) {
      expect(cssDirectionOf(`unicode-bidi:bidi-override ${important};unicode-bidi:normal`)?.unicodeBidi, important).toBe('bidi-override');
    }
    expect(cssDirectionOf('unicode-bidi:bidi-override ! importantx;unicode-bidi:normal')?.unicodeBidi).toBe('normal');
  });
});

const unparsedLines = (text: string): number[] => [...new Set(scanProse(text, [], []).unparsedRegions.map((finding) => finding.line))];
const distinct = (tag: string, count: number): string => Array.from({ length: count }, (_, index) => `<${tag} title="${String(index)}">`).join('');

describe('the list of active formatting elements: Noah\'s Ark, distinct entries kept, a bound that fails closed', () => {
  it('identical entries past three go (the earliest), so an outer b with a direction is reconstructed', () => {
    expect(passLines(`<p><b dir="rtl">${'<em>'.repeat(40)}</p>${REVERSED}.\n`)).toEqual([1]);
    // Attributes in another order are the same element; the b itself is one of four identical b's: the earliest goes, three remain.
    expect(passLines(`<p><b dir="rtl" title="t">${'<i class="c" id="d">'.repeat(2)}${'<i id="d" class="c">'.repeat(5)}</p>${REVERSED}.\n`)).toEqual([1]);
    // Control: the fourth identical `<b dir="rtl">` removes the earliest; the remaining ones still hold the text.
    expect(passLines(`<p>${'<b dir="rtl">'.repeat(4)}</p>${REVERSED}.\n`)).toEqual([1]);
  });

  it('distinct entries are all kept, within a block and across Markdown blocks', () => {
    expect(passLines(`<p><b dir="rtl">${distinct('i', 40)}</p>${REVERSED}.\n`)).toEqual([1]);
    expect(passLines(`x <s dir="rtl">${distinct('u', 40)}\n\n${REVERSED}.\n`)).toEqual([3]);
  });

  it('past the bound, the paragraph is an unparsed region, not read as if the entry were gone', () => {
    // Round 16: only where every entry sets a direction (an undirected entry goes exactly, html-formatting-16.test.ts).
    const text = `<p><b dir="rtl">${Array.from({ length: 80 }, (_, index) => `<i dir="rtl" title="${String(index)}">`).join('')}</p>${REVERSED}.\n`;
    expect(unparsedLines(text)).toEqual([1]);
    // Control: within the bound, no unparsed region.
    expect(unparsedLines(`<p><b dir="rtl">${distinct('i', 40)}</p>${REVERSED}.\n`)).toEqual([]);
  });
});

describe('the carried stack keeps the elements with a direction below its bound', () => {
  it('a direction under many divs (or spans, or list items) holds the next Markdown block', () => {
    expect(passLines(`<div dir="rtl">${'<div>'.repeat(100)}\n\n${REVERSED}.\n`)).toEqual([3]);
    expect(passLines(`<section dir="rtl">${'<span>'.repeat(200)}\n\n${REVERSED}.\n`)).toEqual([3]);
    // Control: a `dir="ltr"` inside it holds the text left to right.
    expect(passLines(`<div dir="rtl">${'<div>'.repeat(100)}<div dir="ltr">\n\n${REVERSED}.\n`)).toEqual([]);
  });

  it('past the bound of directed elements, what follows is an unparsed region', () => {
    expect(unparsedLines(`${'<div dir="rtl">'.repeat(200)}\n\nplain words.\n`)).toContain(3);
  });
});

describe('start tags the tree builder handles by their own rule', () => {
  it('a button closes an open button in scope; its content is its own box', () => {
    expect(passLines(`<section dir="rtl"><button dir="ltr">x<button>${REVERSED}.</button></section>\n`)).toEqual([1]);
    expect(passLines(`<div dir="rtl"><button dir="ltr"><i>x</i><button>${REVERSED}.</button></div>\n`)).toEqual([1]);
    // A span between them bounds no scope: the outer button is closed all the same.
    expect(passLines(`<div dir="rtl"><button dir="ltr">x<span dir="ltr"><button>${REVERSED}.</button></span></div>\n`)).toEqual([1]);
  });

  it('a nested form start tag is ignored, whatever it says', () => {
    expect(passLines(`<form dir="rtl"><div><form dir="ltr">${REVERSED}.</form></div></form>\n`)).toEqual([1]);
    expect(passLines(`<form dir="rtl"><form style="direction:ltr;unicode-bidi:isolate">${REVERSED}.</form>\n`)).toEqual([1]);
    // Control: a single form's dir="ltr" holds its text left to right.
    expect(passLines(`<div dir="rtl"><form dir="ltr">${REVERSED}.</form></div>\n`)).toEqual([]);
  });
});

describe('raw-text content a browser does not show in the line is read on its own', () => {
  it('an end tag inside hidden or boxed content is text, and the content joins no word around it', () => {
    for (const element of ['noembed', 'noframes', 'iframe', 'style', 'title']) {
      expect(passLines(`a <b dir="rtl"><${element}></b></${element}>${REVERSED}</b>.\n`), element).toEqual([1]);
    }
    expect(passLines('All tests pa<script>x</script>ss.\n')).toEqual([1]);
    // The hidden content is still read: a pass assertion in it is found.
    expect(passLines('x <noscript>All tests pass.</noscript> y\n')).toEqual([1]);
    // Control: without a direction the words stay in their order.
    expect(passLines(`a <span><style></span></style>${REVERSED}</span>.\n`)).toEqual([]);
  });

  it('dir="auto" skips script, style, textarea and a template\'s contents, and reads title and noscript text', () => {
    for (const skipped of ['<script>x</script>', '<style>x</style>', '<textarea>x</textarea>', '<template><i>x</i></template>']) {
      expect(passLines(`a <b dir="auto">${skipped}\u05D0 ${REVERSED}</b>.\n`), skipped).toEqual([1]);
    }
    expect(passLines(`a <b dir="auto"><title>\u05D0</title>${REVERSED}</b>.\n`)).toEqual([1]);
    // Control: a Latin letter first in read text makes it left to right.
    expect(passLines(`a <b dir="auto"><noscript>x</noscript>${REVERSED}</b>.\n`)).toEqual([]);
  });
});

describe('GFM table cells inherit the direction open around the table', () => {
  it('a section, a CSS direction or an html tag around or anywhere: every cell inherits it', () => {
    expect(passLines(`<section dir="rtl">\n\n| a | b | c |\n|---|---|---|\n| x | y | ${REVERSED}. |\n\n</section>\n`)).toEqual([5]);
    expect(passLines(`<div style="direction:rtl">\n\n| a |\n|---|\n| ${REVERSED}. |\n\n</div>\n`)).toEqual([5]);
    expect(passLines(`<html dir="rtl">\n\n| a |\n|---|\n| ${REVERSED}. |\n`)).toEqual([5]);
  });

  it('what a cell opens ends with it', () => {
    // Control: an rtl span opened in the first cell does not reach the second, nor the next row.
    expect(passLines(`| a | b |\n|---|---|\n| <span dir="rtl">x | ${REVERSED}. |\n| ${REVERSED}. | y |\n`)).toEqual([]);
    // Control: the table closed by </div>, the paragraph after it is left to right again.
    expect(passLines(`<div dir="rtl">\n\n| a |\n|---|\n| x |\n\n</div>\n\n${REVERSED}.\n`)).toEqual([]);
  });
});
