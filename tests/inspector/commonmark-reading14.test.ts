import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { hasGlobalDenialWording } from '../../policy/index.js';
import { lintEmittedStrings, scanProse } from '../../src/index.js';
import { dossier, inspect9, roundRoot } from './red-team/round9/gen9.js';

/**
 * Round 14 (issue 13): the classes behind the red team's keys (red-team/round14 judges the attacks
 * end to end; these are variants of each class, and the edges): GFM tables as GFM defines them,
 * global-absence wording in every reading the pass scan gets, and quotes of the packet that the
 * report's wording lint must not reword (docs/choices.md 33).
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const scan = (text: string): ReturnType<typeof scanProse> => scanProse(text, [], []);
const passLines = (text: string): number[] => [...new Set(scan(text).passAssertions.map((finding) => finding.line))];
const hiddenLines = (text: string): number[] => scan(text).unparsedRegions.filter((finding) => finding.why.startsWith('hidden text')).map((finding) => finding.line);
/** A row whose `<!--` and `-->` are in other cells than the pass: literal in a table, a comment in a paragraph. */
const SPLIT = '<!-- | All tests pass. | -->';

describe('GFM tables: header row, delimiter row, body rows; each cell parsed alone', () => {
  it('pipes at either end are optional, on the header, the delimiter and the body rows', () => {
    expect(passLines(`x | ${SPLIT}\n--|---|---|--\n`)).toEqual([1]);
    expect(passLines(`x | ${SPLIT} |\n:-|:-:|--:|---|\n`)).toEqual([1]);
    expect(passLines(`| a | b | c | d |\n|---|---|---|---|\nx | ${SPLIT}\n`)).toEqual([3]);
    expect(passLines(`a | b | c | d\n---|---|---|---\nok | fine | x | y\nx | ${SPLIT}\n`)).toEqual([4]);
  });

  it('a body row needs no pipe at all, and runs to a blank line or another block', () => {
    // GFM example 201: a line after the rows is a row of one cell.
    expect(passLines('a | b\n--|--\nc | <!--\nAll tests pass. -->\n')).toEqual([4]);
    // A blank line ends the table: the next lines are a paragraph, whose comment hides the pass.
    expect(passLines(`a | b | c | d\n--|--|--|--\n\nx | ${SPLIT}\n`)).toEqual([]);
    expect(hiddenLines(`a | b | c | d\n--|--|--|--\n\nx | ${SPLIT}\n`)).toEqual([4]);
    // So do a heading and a list item.
    expect(passLines(`a | b\n--|--\n# c\nx | <!-- y\nAll tests pass. -->\n`)).toEqual([]);
    expect(passLines(`a | b\n--|--\n- x <!-- y\n  All tests pass. -->\n`)).toEqual([]);
  });

  it('the header and the delimiter row have as many cells, or there is no table', () => {
    expect(passLines(`x | ${SPLIT}\n--|--\n`)).toEqual([]);
    expect(hiddenLines(`x | ${SPLIT}\n--|--\n`)).toEqual([1]);
    // An escaped `\|` splits no cell: three cells against four.
    expect(passLines(`x \\| ${SPLIT}\n--|---|---|--\n`)).toEqual([]);
    expect(passLines(`x \\| y | ${SPLIT}\n--|---|---|--\n`)).toEqual([1]);
  });

  it('the header is the last line of a paragraph: the lines before it stay one paragraph', () => {
    expect(passLines(`All tests\npass. x | ${SPLIT}\n--|---|---|--\n`)).toEqual([2]);
    expect(passLines(`All tests\nx | ${SPLIT}\n--|---|---|--\n`)).toEqual([2]);
    expect(passLines('All tests\npass | x\n--|--\n')).toEqual([]);
  });

  it('a table in a block quote or a list item: the container prefixes are stripped', () => {
    expect(passLines(`> | ${SPLIT} |\n> |---|---|---|\n`)).toEqual([1]);
    expect(passLines(`> > x | ${SPLIT}\n> > --|---|---|--\n`)).toEqual([1]);
    expect(passLines(`> a | b | c | d\n> --|--|--|--\n> x | ${SPLIT}\n`)).toEqual([3]);
    expect(passLines(`- | ${SPLIT} |\n  |---|---|---|\n`)).toEqual([1]);
    expect(passLines(`1. x | ${SPLIT}\n   --|---|---|--\n`)).toEqual([1]);
    expect(passLines(`- a | b | c | d\n  --|--|--|--\n  x | ${SPLIT}\n`)).toEqual([3]);
  });

  it('the delimiter row must be in the header\'s container (a lazy line is no delimiter row)', () => {
    expect(passLines(`> x | ${SPLIT}\n--|---|---|--\n`)).toEqual([]);
    // Body rows too: a row outside the block quote ends the table.
    expect(passLines(`> a | b | c | d\n> --|--|--|--\nx | <!-- y\nAll tests pass. -->\n`)).toEqual([]);
  });

  it('a setext underline or a thematic break is no delimiter row', () => {
    expect(passLines('x <!-- y\n---\nAll tests pass. -->\n')).toEqual([3]);
    expect(scan('a <!-- b\n---\n').unparsedRegions).toEqual([]);
  });
});

describe('global-absence wording in every reading the pass scan gets (not only a right-to-left paragraph)', () => {
  const denials = (text: string): number[] => scan(text).globalDenials.map((finding) => finding.line);
  const reversed = (words: string): string => words.split(' ').reverse().join('&#x200F; ');

  it('markup between the words: the quote holds the tags, the reading does not', () => {
    expect(denials('The file does not <b>exist</b> anywhere.\n')).toEqual([1]);
    expect(denials('The file does not ex<!-- -->ist.\n')).toEqual([1]);
  });

  it('bdo overriding the letters, ruby read without its annotation, dir="rtl" and bdi laying out words', () => {
    expect(denials('The file does not <bdo dir="rtl">tsixe</bdo> anywhere.\n')).toEqual([1]);
    expect(denials('The file does not <bdo dir="RTL">tsixe</bdo>.\n')).toEqual([1]);
    expect(denials('The file does not <ruby>ex<rt>x</rt>ist</ruby> anywhere.\n')).toEqual([1]);
    expect(denials('It <ruby>ex<rp>(</rp><rt>y</rt><rp>)</rp>ists</ruby> nowhere.\n')).toEqual([1]);
    expect(denials(`a <span dir="rtl">${reversed('The file does not exist anywhere')}</span>.\n`)).toEqual([1]);
    expect(denials(`a <b dir="rtl">${reversed('It exists nowhere')}</b>.\n`)).toEqual([1]);
    expect(denials(`a <bdi>&#x200F;${reversed('The file does not exist')}</bdi>.\n`)).toEqual([1]);
    expect(denials(`| x | <span dir="rtl">${reversed('The file does not exist')}</span> |\n|---|---|\n`)).toEqual([1]);
  });

  it('wording the quote already shows is the lint\'s (no second finding); plain prose is not a finding', () => {
    expect(denials('The file does not exist anywhere.\n')).toEqual([]);
    expect(denials('The file <bdo dir="rtl">tsixe</bdo> here.\n')).toEqual([]);
    expect(denials('All tests <ruby>pass<rt>ok</rt></ruby>.\n')).toEqual([]);
  });
});

describe('a quote of the packet is not reworded by the wording lint (docs/choices.md 33)', () => {
  /** The packet's characters, with tki's `\u{…}` escapes read back. */
  const decoded = (text: string): string => text.replace(/\\u\{([0-9a-f]+)\}/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));

  it('quote fields keep the packet\'s characters, the wording escaped; tki\'s own strings get the scoped form', () => {
    const linted = lintEmittedStrings({
      why: 'X does not exist.',
      listed: [{ excerpt: 'The file does not exist <!-- x --> anywhere.' }, { quote: 'It is absent everywhere.' }],
      problem_quotes: ['Y no longer exists', null],
      claim: { text: 'Z never existed.', subject: 'plain' },
    });
    expect(linted.rewritten).toEqual(['why']);
    expect(linted.escapedQuotes.sort()).toEqual(['claim.text', 'listed[0].excerpt', 'listed[1].quote', 'problem_quotes[0]']);
    expect(linted.value.why).toContain('adequately evidenced');
    expect(linted.value.listed[0]?.excerpt).toBe('The file \\u{64}\\u{6f}\\u{65}\\u{73}\\u{20}\\u{6e}\\u{6f}\\u{74}\\u{20}\\u{65}\\u{78}\\u{69}\\u{73}\\u{74} <!-- x --> anywhere.');
    for (const quote of [linted.value.listed[0]?.excerpt, linted.value.listed[1]?.quote, linted.value.problem_quotes[0], linted.value.claim.text]) {
      expect(hasGlobalDenialWording(quote ?? '')).toBe(false);
      expect(quote).not.toContain('adequately evidenced');
    }
    expect(decoded(linted.value.claim.text)).toBe('Z never existed.');
  });

  it('end to end: the UNPARSED_REGION excerpt is the packet\'s text, flagged, and no file reads as global absence', async () => {
    const sentence = 'The file does not exist <!-- hidden --> anywhere.';
    const result = await inspect9({ dossierText: dossier(sentence) }, 'quote14-excerpt');
    const report = result.report as { flags: string[]; flag_details: Array<{ flag: string; detail: string; listed: Array<{ where: string }> }>; prose: { unparsed_regions: Array<{ listed: Array<{ excerpt: string }> }> } };
    const excerpts = report.prose.unparsed_regions.flatMap((group) => group.listed.map((entry) => entry.excerpt));
    expect(excerpts.map(decoded)).toContain(sentence);
    expect(excerpts.join('\n')).not.toContain('adequately evidenced');
    expect(report.flags).toContain('FLAG_GLOBAL_DENIAL_WORDING');
    expect(report.flag_details.some((detail) => detail.flag === 'FLAG_GLOBAL_DENIAL_WORDING' && detail.detail.includes('quote of the packet') && detail.listed.some((entry) => entry.where.endsWith('.excerpt')))).toBe(true);
    for (const text of [JSON.stringify(report), result.markdown ?? '', result.checkpoint ?? '']) expect(hasGlobalDenialWording(text)).toBe(false);
    expect(result.markdown).toContain('\\u{64}\\u{6f}\\u{65}\\u{73}');
  });
});
