import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { errorWords, inspectorError } from '../../src/errors.js';
import { scanProse } from '../../src/index.js';
import { browserReferenceAt, commonmarkReferenceAt, LEGACY_REFERENCE_NAMES } from '../../src/text/entities.js';
import { rawTextElement, rawTextEnd } from '../../src/text/raw-html.js';
import { renderedText } from '../../src/text/rendered.js';

/**
 * Round 12b (issue 13): raw-text elements read from one table, inline and as blocks; references a
 * browser decodes without `;` in HTML it reads; packet identifiers kept out of tki's words. The
 * red-team files (red-team/round12b) judge the attacks end to end; these pin the edges.
 */
const passLines = (text: string): number[] => scanProse(text, [], []).passAssertions.map((finding) => finding.line);

describe('raw-text elements: one table, exact end tags', () => {
  it('names the elements a browser reads as text, scripting on', () => {
    for (const name of ['textarea', 'title', 'script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']) {
      expect(rawTextElement(`<${name.toUpperCase()} a="1">`)).toBe(name);
    }
    expect(rawTextElement('<div>')).toBeUndefined();
    expect(rawTextElement('<textareax>')).toBeUndefined();
  });

  it('ends only at the exact end tag; plaintext never ends', () => {
    expect(rawTextEnd('a</textareax>b</TEXTAREA >', 0, 'textarea')).toBe(14);
    expect(rawTextEnd('a</textarea', 0, 'textarea')).toBe(1);
    expect(rawTextEnd('a</textareax>', 0, 'textarea')).toBe(-1);
    expect(rawTextEnd('a</plaintext>', 0, 'plaintext')).toBe(-1);
  });

  it('inline: the content is text, so a `<!--` in it opens nothing', () => {
    for (const name of ['textarea', 'title', 'script', 'style', 'xmp', 'noscript']) {
      expect(passLines(`a <${name}><!--</${name}> All tests pass. <!-- -->\n`)).toEqual([1]);
    }
    expect(passLines('a <textarea><!--</textareax> All tests pass. -->\n')).toEqual([1]);
    expect(passLines('a <plaintext> <!-- All tests pass. -->\n')).toEqual([1]);
  });

  it('left open inline, it holds the next paragraphs, as a browser reads them', () => {
    expect(passLines('a <textarea> b\n\n<!--\n\nAll tests pass.\n\n-->\n')).toEqual([5]);
    // Closed later: what follows its end tag is markup again.
    expect(passLines('a <textarea> b\n\n</textarea> <!--\n\nAll tests pass.\n\n-->\n')).toEqual([]);
  });

  it('as blocks: noscript, plaintext, and a textarea that a false end tag does not end', () => {
    expect(passLines('<noscript>\n<!--\n</noscript>\n\nAll tests pass.\n\n<!-- -->\n')).toEqual([5]);
    expect(passLines('<plaintext>\n\n<!--\n\nAll tests pass.\n\n-->\n')).toEqual([5]);
    expect(passLines('<textarea>\n</textareax>\n<!--\n</textarea>\n\nAll tests pass.\n\n<!-- -->\n')).toEqual([6]);
  });

  it('RCDATA decodes references a browser decodes; RAWTEXT shows them as written', () => {
    // A textarea's content is in a box of its own: read as a paragraph of its own after the text (choices 45).
    // Its box is laid out at its own direction (choices 70): an isolate around what it shows.
    expect(renderedText('a <textarea>&#112ass</textarea>').text).toBe('a  \u2029\u2066pass\u2069');
    // An xmp is a block: its edges are breaks.
    expect(renderedText('a <xmp>&#112ass</xmp>').text).toBe('a  &#112ass ');
  });
});

describe('references without `;` where a browser reads HTML', () => {
  it('numeric always, any number of digits and leading zeros', () => {
    expect(browserReferenceAt('&#112ass', 0)).toEqual({ length: 5, decoded: 'p' });
    expect(browserReferenceAt('&#x9A;', 0)).toEqual({ length: 6, decoded: '\u0161' });
    expect(browserReferenceAt('&#x000000000070', 0)?.decoded).toBe('p');
    expect(browserReferenceAt('&#99999999999', 0)?.decoded).toBe('\uFFFD');
    expect(browserReferenceAt('&#', 0)).toBeUndefined();
  });

  it('named: any HTML5 name with `;`, the legacy ones without, longest legacy prefix first', () => {
    expect(browserReferenceAt('&aacutess', 0)).toEqual({ length: 7, decoded: '\u00E1' });
    expect(browserReferenceAt('&pfr;', 0)?.decoded).toBe('\u{1D52D}');
    expect(browserReferenceAt('&notit;', 0)).toEqual({ length: 4, decoded: '\u00AC' });
    expect(browserReferenceAt('&pfr', 0)).toBeUndefined();
    expect(browserReferenceAt('&nosuch;', 0)?.decoded).toBe('\uFFFD');
  });

  it('CommonMark text still needs `;`', () => {
    expect(commonmarkReferenceAt('&#112ass', 0)).toBeUndefined();
    expect(commonmarkReferenceAt('&aacute', 0)).toBeUndefined();
    expect(passLines('All tests &#112ass.\n')).toEqual([]);
    expect(passLines('<div>All tests &#112ass.</div>\n')).toEqual([1]);
    expect(passLines('<div>All tests p&aacutess.</div>\n')).toEqual([1]);
  });

  it('the legacy names are exactly the `entities` package\'s legacy.json (what CommonMark\'s reference implementation carries)', () => {
    const require = createRequire(import.meta.url);
    const legacyJson = require.resolve('entities/lib/maps/legacy.json', { paths: [require.resolve('commonmark')] });
    const legacy = Object.keys(JSON.parse(readFileSync(legacyJson, 'utf8')) as Record<string, string>);
    expect([...LEGACY_REFERENCE_NAMES].sort()).toEqual(legacy.sort());
  });
});

describe('packet identifiers are a quote, never tki\'s words', () => {
  it('the item id of an unverifiable manifest, and the declared manifest hash', () => {
    const id = 'READ_LEVEL_ACCEPTABLE:certified';
    const words = errorWords(inspectorError('provenance/manifest_unverifiable', 'items[0].source_metadata.content_hash', id));
    expect(words.message).not.toContain(id);
    expect(words.quote).toBe(id);
    expect(errorWords(inspectorError('provenance/manifest_mismatch', 'manifest_hash', `declared ${id}, computed x`)).message).not.toContain(id);
  });
});
