import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { rawTextEnd } from '../../src/text/raw-html.js';

/**
 * Round 16 (issue 13, packets17): raw text's end tag and a box's direction.
 * - An end tag ends raw text where the HTML that reaches the browser holds one: in an HTML block the
 *   tokenizer reads `</textarea title="</p>">` as the end tag (attributes and all); in a Markdown
 *   paragraph CommonMark passes only `</textarea>` through and writes `</textarea title=…>` out as
 *   text, so there the raw text goes on (choices 45).
 * - A textarea's (or iframe's) box lays its text out at the element's own direction or the one it
 *   inherits: `dir`, CSS `direction`, an enclosing `dir` (choices 45, as 65 does for attribute text).
 */
const passLines = (text: string): number[] => [...new Set(scanProse(text, [], []).passAssertions.map((finding) => finding.line))];
const REVERSED = 'pass&#x200F; tests&#x200F; All';

describe('where raw text ends', () => {
  it('in HTML a browser reads, the end tag with attributes ends it; a `</p>` in its quoted value is no tag', () => {
    for (const name of ['textarea', 'TITLE', 'style', 'noembed', 'script']) {
      const source = `<${name}>x</${name} title="</p>">y`;
      expect(rawTextEnd(source, name.length + 2, name.toLowerCase()), name).toBe(name.length + 3);
    }
    // Held: the rendered HTML block keeps the `p dir="rtl"` open past the quoted `</p>`.
    expect(passLines(`<p dir="rtl"><textarea></textarea title="</p>">${REVERSED}.</p>\n`)).toEqual([1]);
    expect(passLines(`<p dir="rtl"><style></STYLE title='</p>'>${REVERSED}.</p>\n`)).toEqual([1]);
  });

  it('in a Markdown paragraph only CommonMark\'s closing tag ends it', () => {
    const inline = (source: string, name: string): number => rawTextEnd(source, 0, name, true);
    expect(inline('x</textarea title="a">y</textarea>', 'textarea')).toBe(23);
    expect(inline('x</style/>y</STYLE \n>', 'style')).toBe(11);
    expect(inline('x</script x>y</script>', 'script')).toBe(13);
    expect(inline('x</title>', 'title')).toBe(1);
    // What CommonMark writes out as text stays inside the raw text: the `</span>` after it is shown, it closes nothing.
    expect(passLines(`a <span dir="rtl"><style></style title="</span>"></style>${REVERSED}</span>.\n`)).toEqual([1]);
    expect(passLines(`a <span dir="rtl"><script></script x="</span>"></script>${REVERSED}</span>.\n`)).toEqual([1]);
    expect(passLines(`a <span dir="rtl"><title></title/></span></title>${REVERSED}</span>.\n`)).toEqual([1]);
  });
});

describe('a box lays its text out at its direction', () => {
  it('its own dir, its CSS direction, or the direction it inherits: right to left', () => {
    for (const text of [
      `a <textarea dir="rtl">${REVERSED}</textarea>.\n`,
      `a <textarea DIR="RTL" rows="2">${REVERSED}</textarea>.\n`,
      `a <textarea style="direction: rtl">${REVERSED}</textarea>.\n`,
      `a <span dir="rtl"><textarea>${REVERSED}</textarea></span>.\n`,
      `a <b style="direction:rtl"><textarea>${REVERSED}</textarea></b>.\n`,
      `<div dir="rtl">\n<textarea>${REVERSED}</textarea>\n</div>\n`,
    ]) {
      expect(passLines(text), text).toEqual([1]);
    }
  });

  it('controls: left to right (own or inherited) reads the words as written; a left-to-right pass still flags', () => {
    expect(passLines(`a <textarea>${REVERSED}</textarea>.\n`)).toEqual([]);
    expect(passLines(`a <span dir="rtl"><textarea dir="ltr">${REVERSED}</textarea></span>.\n`)).toEqual([]);
    expect(passLines('a <span dir="rtl"><textarea dir="ltr">All tests pass.</textarea></span>.\n')).toEqual([1]);
  });
});
