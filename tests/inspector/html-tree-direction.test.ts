import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { cssDirectionOf } from '../../src/text/css-direction.js';
import { decodedAttributeValue } from '../../src/text/entities.js';
import { browserMarkupAt } from '../../src/text/html-tokenizer.js';
import { OUTSIDE_HTML, rawHtmlLine } from '../../src/text/raw-html.js';
import { renderedText } from '../../src/text/rendered.js';

/**
 * Round 14 (issue 13): the classes behind the red team's HTML keys (red-team/round14 judges the
 * attacks end to end; these are variants of each class, and their edges): attribute values decoded,
 * the tree builder's moves (implied end tags, active formatting elements, foster parenting, across
 * Markdown blocks), CDATA in foreign content, and CSS direction in an inline `style`.
 */
const passLines = (text: string): number[] => [...new Set(scanProse(text, [], []).passAssertions.map((finding) => finding.line))];
const RLM = '&#x200F;';
/** "All tests pass" as words a right-to-left layout shows in that order. */
const REVERSED = `pass${RLM} tests${RLM} All`;

describe('attribute values are decoded before they mean anything', () => {
  it('numeric references with and without `;`, named ones, legacy ones by the attribute rules', () => {
    expect(decodedAttributeValue('&#x72;tl')).toBe('rtl');
    expect(decodedAttributeValue('&#82;TL')).toBe('RTL');
    expect(decodedAttributeValue('&#114tl')).toBe('rtl');
    expect(decodedAttributeValue('&#X52;&#x54;&#76;')).toBe('RTL');
    expect(decodedAttributeValue('a&lt;b')).toBe('a<b');
    // A legacy name without `;` followed by `=` or a letter or digit stays as written; otherwise it is decoded.
    expect(decodedAttributeValue('&amp=1')).toBe('&amp=1');
    expect(decodedAttributeValue('&notx')).toBe('&notx');
    expect(decodedAttributeValue('&not ')).toBe('\u00AC ');
    expect(decodedAttributeValue('&nosuchname;')).toBe('&nosuchname;');
    expect(browserMarkupAt('<span dir="r&#116;l">', 0, () => -1).tag?.attributes.get('dir')).toBe('rtl');
  });

  it('a `dir` written with references, inline and in an HTML block, on span, bdo and p', () => {
    expect(passLines(`a <span dir="&#x72;&#x74;&#x6C;">${REVERSED}</span>.\n`)).toEqual([1]);
    expect(passLines(`a <span dir=&#114;tl>${REVERSED}</span>.\n`)).toEqual([1]);
    expect(passLines('All tests <bdo dir="&#x52;TL">ssap</bdo>.\n')).toEqual([1]);
    expect(passLines(`<div dir="r&#116l">\n${REVERSED}.\n</div>\n`)).toEqual([1]);
    // Control: a value that decodes to no direction lays nothing out.
    expect(passLines(`a <span dir="&#x72;tx">${REVERSED}</span>.\n`)).toEqual([]);
  });
});

describe('the tree builder decides which element holds the text', () => {
  it('implied end tags: a block start tag closes an open p; li, dd/dt close their own kind', () => {
    for (const block of ['ul', 'h2', 'blockquote', 'p', 'table']) {
      const close = block === 'table' ? '' : `</${block}>`;
      const inner = block === 'ul' ? `<li>${REVERSED}.</li>` : block === 'table' ? `<tr><td>${REVERSED}.</td></tr></table>` : `${REVERSED}.`;
      expect(passLines(`<div dir="rtl">\n<p dir="ltr">x\n<${block}>${inner}${close}\n</div>\n`), block).toEqual([1]);
    }
    expect(passLines(`<dl dir="rtl">\n<dt dir="ltr">x\n<dd>${REVERSED}.\n</dl>\n`)).toEqual([1]);
    expect(passLines(`<ol dir="rtl">\n<li dir="ltr">x\n<li>${REVERSED}.\n</ol>\n`)).toEqual([1]);
    // A cell closes the open cell.
    expect(passLines(`<table dir="rtl"><tr><td dir="ltr">x<td>${REVERSED}.</table>\n`)).toEqual([1]);
    // Control: a span closes nothing, so its dir="ltr" still holds the text.
    expect(passLines(`<div dir="rtl">\n<span dir="ltr">x\n<span>${REVERSED}.</span>\n</div>\n`)).toEqual([]);
  });

  it('an end tag does not close through a special element', () => {
    // `</span>` is ignored inside the div: the text after it is still in `dir="rtl"`.
    expect(passLines(`<div><span dir="rtl"><div>x. </span>${REVERSED}.</div></span></div>\n`)).toEqual([1]);
    // In a Markdown paragraph the `<div>` closes the paragraph's `<p>`, and the span with it.
    expect(passLines(`<span dir="rtl"><div>x. </span>${REVERSED}.</div></span>\n`)).toEqual([]);
  });

  it('active formatting elements are reconstructed with their attributes', () => {
    expect(passLines(`<p><i dir="rtl">x</p>${REVERSED}.\n`)).toEqual([1]);
    expect(passLines(`<p><b><u dir="rtl">x</p>\n<p>${REVERSED}.</p>\n`)).toEqual([1]);
    // Across Markdown blocks: a list item, a heading.
    expect(passLines(`x <em dir="rtl">\n\n- ${REVERSED}.\n`)).toEqual([3]);
    expect(passLines(`x <b dir="rtl">\n\n# ${REVERSED}.\n`)).toEqual([3]);
    // Control: a span is no formatting element; popped with its p, it is gone.
    expect(passLines(`x <span dir="rtl">\n\n${REVERSED}.\n`)).toEqual([]);
    // Control: closed before the paragraph ends, nothing is carried.
    expect(passLines(`x <b dir="rtl">y</b>\n\n${REVERSED}.\n`)).toEqual([]);
  });

  it('an adoption with a furthest block: the text after the end tag is outside the formatting element', () => {
    expect(passLines(`<div><b dir="rtl"><div>x. </b>${REVERSED}.</div></div>\n`)).toEqual([]);
    expect(passLines(`<div dir="rtl">\n<b dir="ltr"><p>x. </b>${REVERSED}.</p>\n</div>\n`)).toEqual([2]);
    // Control: with no furthest block the text is still in the `b`.
    expect(passLines(`<div><b dir="rtl"><span>x. ${REVERSED}.</span></div>\n`)).toEqual([1]);
  });

  it('foster parenting: text and elements directly in a table are moved out of its direction', () => {
    expect(passLines(`<div dir="rtl">\n<table dir="ltr"><tbody><tr><td>x</td></tr>${REVERSED}.</tbody></table>\n</div>\n`)).toEqual([1]);
    expect(passLines(`<div dir="rtl">\n<table dir="ltr"><span>${REVERSED}.</span><tr><td>x</td></tr></table>\n</div>\n`)).toEqual([1]);
    // Control: text in a cell stays in the table's direction.
    expect(passLines(`<div dir="rtl">\n<table dir="ltr"><tr><td>${REVERSED}.</td></tr></table>\n</div>\n`)).toEqual([]);
  });

  it('a Markdown block inside an HTML block\'s element inherits its direction; once closed it does not', () => {
    expect(passLines(`<div dir="rtl">\n\n## ${REVERSED}.\n\n</div>\n`)).toEqual([3]);
    expect(passLines(`<section dir="rtl">\n\n> ${REVERSED}.\n\n</section>\n`)).toEqual([3]);
    expect(passLines(`<div dir="rtl">\n\nx\n\n</div>\n\n${REVERSED}.\n`)).toEqual([]);
  });

  it('a Markdown block inside an open direction is read as CommonMark writes it and as GitHub does (`dir="auto"`)', () => {
    // CommonMark: the `<p>` inherits `ltr`; GitHub: `<p dir="auto">` and the leading RLM make it right to left.
    expect(passLines(`<div dir="ltr">\n\n${RLM}${REVERSED}.\n\n</div>\n`)).toEqual([3]);
    expect(renderedText('x', 'kept', { tree: { stack: [{ name: 'div', endTag: false, attributes: new Map([['dir', 'ltr']]) }], formatting: [], formattingOnStack: [] } }).struck).toBe(true);
  });

  it('without a doctype `<table>` leaves an open p open: both are read', () => {
    // No-quirks: the table closes the `p dir="ltr"`, the cell is in the outer `rtl`; quirks: it stays in the p.
    expect(passLines(`<div dir="rtl">\n<p dir="ltr">x\n<table><tr><td>${REVERSED}.</td></tr></table>\n</div>\n`)).toEqual([1]);
    expect(passLines(`<div dir="ltr">\n<p dir="rtl">x\n<table><tr><td>${REVERSED}.</td></tr></table>\n</div>\n`)).toEqual([1]);
  });

  it('`<body dir>` and `<html dir>` anywhere set the direction of every block', () => {
    expect(passLines(`${REVERSED}.\n\n<html dir="rtl">\n`)).toEqual([1]);
    expect(passLines(`<BODY DIR="&#x72;tl">\n\n${REVERSED}.\n`)).toEqual([3]);
  });
});

describe('CDATA sections in foreign content', () => {
  it('in svg or math a CDATA section runs to `]]>`, across lines; outside it is a bogus comment', () => {
    expect(rawHtmlLine('<div><svg><![CDATA[ > <!-- ]]></svg></div>', OUTSIDE_HTML).hidden).toBe(false);
    const first = rawHtmlLine('<div><math><![CDATA[ >', OUTSIDE_HTML);
    expect(first.state.inMarkup).toEqual({ kind: 'cdata' });
    expect(rawHtmlLine('<!-- ]]></math></div>', first.state).hidden).toBe(false);
    // Outside svg and math, and after an HTML tag that leaves them, `<![CDATA[` ends at the first `>`.
    expect(rawHtmlLine('<div><![CDATA[ > <!-- ]]></div>', OUTSIDE_HTML).hidden).toBe(true);
    expect(rawHtmlLine('<div><svg><p><![CDATA[ > <!-- ]]></div>', OUTSIDE_HTML).hidden).toBe(true);
    expect(rawHtmlLine('<div><svg/><![CDATA[ > <!-- ]]></div>', OUTSIDE_HTML).hidden).toBe(true);
  });

  it('the pass after such a block is read', () => {
    expect(passLines('<div><svg><g><![CDATA[ > <!--\n]]></g></svg></div>\n\nAll tests pass.\n\n-->\n')).toEqual([4]);
    expect(passLines('<div><svg><foreignObject><math><![CDATA[ > <!-- ]]></math></foreignObject></svg></div>\n\nAll tests pass.\n\n-->\n')).toEqual([3]);
  });
});

describe('CSS direction in an inline style', () => {
  it('is read as CSS reads a declaration list', () => {
    expect(cssDirectionOf('DIRECTION: RTL; Unicode-Bidi: Bidi-Override')).toEqual({ direction: 'rtl', unicodeBidi: 'bidi-override' });
    expect(cssDirectionOf('direction:rtl !important; direction: ltr')).toEqual({ direction: 'rtl' });
    expect(cssDirectionOf('direction: ltr; direction: rtl')).toEqual({ direction: 'rtl' });
    expect(cssDirectionOf('dir/* x */ection: rtl')).toBeUndefined();
    expect(cssDirectionOf('direction:/* x */rtl')).toEqual({ direction: 'rtl' });
    expect(cssDirectionOf('\\64 irection: \\72 tl')).toEqual({ direction: 'rtl' });
    expect(cssDirectionOf('direction: var(--d)')).toEqual({ unsureDirection: true });
    expect(cssDirectionOf('color: red')).toBeUndefined();
  });

  it('lays the element out as dir and bdo do', () => {
    expect(passLines('All tests <span style="unicode-bidi:isolate-override;direction:rtl">ssap</span>.\n')).toEqual([1]);
    expect(passLines('All tests <b style="Direction: RTL !important; unicode-bidi: embed; unicode-bidi: bidi-override">ssap</b>.\n')).toEqual([1]);
    expect(passLines(`<p style="direction:rtl">${REVERSED}.</p>\n`)).toEqual([1]);
    expect(passLines(`a <span style="unicode-bidi:isolate; direction:&#x72;tl">${REVERSED}</span>.\n`)).toEqual([1]);
    // Controls: `direction` alone does nothing inline; `unicode-bidi: normal` undoes `dir`.
    expect(passLines(`a <span style="direction:rtl">${REVERSED}</span>.\n`)).toEqual([]);
    expect(passLines(`a <span dir="rtl" style="unicode-bidi:normal">${REVERSED}</span>.\n`)).toEqual([]);
  });

  it('a value tki cannot tell is read both ways', () => {
    const source = 'All tests <span style="unicode-bidi:var(--b);direction:rtl">ssap</span>.';
    expect(renderedText(source).struck).toBe(true);
    expect(passLines(`${source}\n`)).toEqual([1]);
    expect(passLines(`a <span style="unicode-bidi:isolate;direction:inherit">${REVERSED}</span>.\n`)).toEqual([1]);
  });
});
