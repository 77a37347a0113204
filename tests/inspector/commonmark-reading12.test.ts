import { describe, expect, it } from 'vitest';
import { errorWords, inspectorError, problemList } from '../../src/errors.js';
import { scanProse } from '../../src/index.js';
import { decodeEntity } from '../../src/text/entities.js';

/**
 * Round 12 (issue 13): where `<!--` opens a comment (CommonMark's raw HTML, then the browser's
 * tokenizer), Windows-1252 numeric references, controls inside a word, and packet-supplied names
 * kept out of tki's words. The red-team files judge the attacks end to end; these pin the edges.
 */
const passLines = (text: string): number[] => scanProse(text, [], []).passAssertions.map((finding) => finding.line);
const hiddenLines = (text: string): number[] =>
  scanProse(text, [], [])
    .unparsedRegions.filter((region) => region.why.startsWith('hidden text'))
    .map((region) => region.line);

describe('a comment opens where CommonMark writes raw HTML, and ends where a browser ends it', () => {
  it('inline: closed in its paragraph, or literal text', () => {
    expect(passLines('Intro <!-- All tests pass.\n')).toEqual([1]);
    expect(hiddenLines('Intro <!-- All tests pass.\n')).toEqual([]);
    // Closed in a later paragraph only: still literal (the blank line ends the paragraph).
    expect(passLines('Intro <!-- x\n\nAll tests pass. -->\n')).toEqual([3]);
    // Closed in the paragraph: hidden, across its lines.
    expect(passLines('Intro <!-- x\nAll tests pass. -->\n')).toEqual([]);
    expect(hiddenLines('Intro <!-- x\nAll tests pass. -->\n')).toEqual([1]);
  });

  it('a browser ends a comment at `--!>` too, inline and in an HTML block', () => {
    expect(passLines('Intro <!-- x --!> All tests pass. -->\n')).toEqual([1]);
    expect(passLines('<!-- x --!>\n\nAll tests pass.\n')).toEqual([3]);
    expect(hiddenLines('<!-- x --!>\n\nAll tests pass.\n')).toEqual([1]);
  });

  it('an HTML block leaves a comment open past its end, as a browser does', () => {
    expect(passLines('<div><!--\n\nAll tests pass.\n\n-->\n')).toEqual([]);
    expect(hiddenLines('<div><!--\n\nAll tests pass.\n\n-->\n')).toEqual([1, 2, 3, 4, 5]);
  });

  it('no comment inside a link title, a reference definition, a PI, CDATA, a declaration or a textarea', () => {
    expect(passLines('[x](/u "<!--") All tests pass. [y](/v "-->")\n')).toEqual([1]);
    expect(passLines('[r]: /u "<!--"\nAll tests pass. -->\n')).toEqual([2]);
    expect(passLines('a <?<!--?> All tests pass. <? -->?>\n')).toEqual([1]);
    expect(passLines('a <![CDATA[<!--]]> All tests pass. <![CDATA[-->]]>\n')).toEqual([1]);
    expect(passLines('a <!X <!-- > All tests pass. <!X -->\n')).toEqual([1]);
    expect(passLines('<textarea>\n<!--\n</textarea>\n\nAll tests pass.\n\n<!-- -->\n')).toEqual([5]);
  });
});

describe('numeric references', () => {
  it('0x80–0x9F are Windows-1252 (HTML5), the five undefined ones stay; 0, surrogates and past U+10FFFF are U+FFFD', () => {
    expect(decodeEntity('&#x9A;')).toBe('\u0161');
    expect(decodeEntity('&#128;')).toBe('\u20AC');
    expect(decodeEntity('&#x81;')).toBe('\u0081');
    expect(decodeEntity('&#0;')).toBe('\uFFFD');
    expect(decodeEntity('&#xD800;')).toBe('\uFFFD');
    expect(decodeEntity('&#x110000;')).toBe('\uFFFD');
  });
});

describe('a control inside a word hides no word', () => {
  it('read as if removed (and as a separator): flagged, and still an unparsed region', () => {
    const scan = scanProse('All tests pa\u0080ss.\n', [], []);
    expect(scan.passAssertions.map((finding) => finding.line)).toEqual([1]);
    expect(scan.unparsedRegions.map((region) => region.line)).toEqual([1]);
    expect(passLines('All\u0085tests pass.\n')).toEqual([1]);
  });
});

describe('packet-supplied names are a quote, never tki\'s words', () => {
  it('a repeated key and an unknown item key', () => {
    const key = 'approved by the release board';
    const repeated = errorWords(inspectorError('packet/duplicate_key', 'packet.json', key));
    expect(repeated.message).not.toContain(key);
    expect(repeated.quote).toBe(key);
    const list = problemList([inspectorError('item/invalid', 'items[1]', key), inspectorError('provenance/hash_mismatch', 'items[1]')]);
    expect(list.problems.join(' ')).not.toContain(key);
    expect(list.problem_quotes).toEqual([key, null]);
    expect(problemList([inspectorError('provenance/hash_mismatch', 'items[1]')])).toEqual({ problems: [expect.stringContaining('provenance/hash_mismatch')] });
  });
});
