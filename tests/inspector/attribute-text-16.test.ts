import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';

/**
 * Round 16 (issue 13): text a browser shows from an attribute was not read. A broken `<img>`'s
 * `alt` (GitHub keeps it), an `<input>`'s `value` and `placeholder`, a `<textarea>`'s `placeholder`
 * are read (docs/choices.md 65); the pass they show is flagged, at the element's direction.
 */
const passLines = (text: string): number[] => [...new Set(scanProse(text, [], []).passAssertions.map((finding) => finding.line))];
const RLM = '&#x200F;';
const REVERSED = `pass${RLM} tests${RLM} All`;

describe('text shown from attributes is read', () => {
  it('img alt in a Markdown paragraph and in an HTML block, with entities decoded', () => {
    expect(passLines('a <img src="missing.png" alt="All tests pass."> b\n')).toEqual([1]);
    expect(passLines('<div>\na <IMG alt=\'All tests &#112;ass.\' src=x> b\n</div>\n')).toEqual([2]);
    // Control: an empty alt, or an alt without a pass, adds nothing.
    expect(passLines('a <img src="x.png" alt=""> tests b\n')).toEqual([]);
  });

  it('input value (text, button, no type) and placeholder, textarea placeholder', () => {
    expect(passLines('a <input value="All tests pass." size="40"> b\n')).toEqual([1]);
    expect(passLines('a <input type="submit" value="All tests pass."> b\n')).toEqual([1]);
    expect(passLines('a <input placeholder="All tests pass."> b\n')).toEqual([1]);
    expect(passLines('a <textarea placeholder="All tests pass."></textarea> b\n')).toEqual([1]);
    // Control: a hidden input or a checkbox shows no value.
    expect(passLines('a <input type="hidden" value="All tests pass."> <input type=checkbox value="All tests pass."> b\n')).toEqual([]);
  });

  it('an input value at its own direction, or the one it inherits', () => {
    expect(passLines(`a <input dir="rtl" value="${REVERSED}" size="40"> b\n`)).toEqual([1]);
    expect(passLines(`a <span dir="rtl"><input value="${REVERSED}"></span> b\n`)).toEqual([1]);
    // Control: left to right, the reversed words are no pass.
    expect(passLines(`a <input value="${REVERSED}"> b\n`)).toEqual([]);
  });
});
