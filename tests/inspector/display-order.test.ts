import { describe, expect, it } from 'vitest';
import { displayOrderCounter, visualOrder } from '../../policy/text-normalize-bidi.js';
import { toMatchingText, toMatchingTexts, type MatchingText } from '../../policy/text-normalize.js';
import { hasGlobalDenialWording } from '../../policy/text-rules.js';
import { scanProse } from '../../src/index.js';

/** Issue 13, round 7: isolates and embeddings reorder words (UAX #9), and the text rules read that order. */
const RLI = '\u2067';
const LRI = '\u2066';
const PDI = '\u2069';
const RLE = '\u202B';
const PDF = '\u202C';
const RLO = '\u202E';
const RLM = '\u200F';
const ALM = '\u061C';
const HEBREW_ALEF = '\u05D0';

const rtlWords = (words: readonly string[], mark = RLM): string => words.join(`${mark} ${mark}`);
const shown = (text: string): string | undefined => visualOrder(text)?.text.replace(/[\u200F\u061C]/g, '');

describe('display order of isolates and embeddings (UAX #9 subset)', () => {
  it.each([
    [`The selftest: ${RLI}0 exit${PDI}.`, 'The selftest: exit 0.'],
    [`The selftest: ${RLE}0 exit${PDF}.`, 'The selftest: exit 0.'],
    [`${RLI}${rtlWords(['pass', 'tests', 'All'])}${PDI}.`, 'All tests pass.'],
    [`${RLI}${rtlWords(['pass', 'tests', 'All'], ALM)}${PDI}.`, 'All tests pass.'],
    [`The dossier ${RLI}${rtlWords(['release', 'the', 'approves'])}${PDI}.`, 'The dossier approves the release.'],
    [`All tests ${RLO}ssap${PDF}.`, 'All tests pass.'],
    // A Hebrew letter and a digit after it form one right-to-left run: "exit" and "0" meet on screen.
    [`exit ${HEBREW_ALEF} 0`, `exit 0 ${HEBREW_ALEF}`],
  ])('%j displays as %j', (stored, visual) => {
    expect(shown(stored)).toBe(visual);
  });

  it('leaves Latin words without right-to-left marks in stored order inside an isolate (only the order of runs can change)', () => {
    expect(visualOrder(`a ${RLI}release the approves${PDI} b`)).toBeUndefined();
    expect(visualOrder(`a ${LRI}exit 0${PDI} b`)).toBeUndefined();
  });

  it('keeps "PASS 22/22" in an embedding in stored order: W7 makes the digits after PASS left to right (GNU FriBidi agrees)', () => {
    expect(visualOrder(`Selftest: ${RLE}PASS 22/22${PDF}.`)).toBeUndefined();
  });

  it('gives no second form to text without controls or right-to-left letters', () => {
    expect(visualOrder('All tests pass.')).toBeUndefined();
  });

  it('an isolate does not reach outside itself: the PDI ends it', () => {
    expect(shown(`${RLI}b${RLM} ${RLM}a${PDI} c d`)).toBe('a b c d');
  });

  it('maps a visual-order hit back to the original offsets', () => {
    const stored = `The selftest: ${RLI}0 exit${PDI}.`;
    const form = toMatchingText(stored);
    expect(form.visuals).toHaveLength(1);
    const visual = form.visuals?.[0] as MatchingText;
    // The matching form spells `exit` as `exlt` (i and l are one letter, docs/inspector.md step 4).
    const at = visual.text.indexOf('exlt');
    expect(at).toBeGreaterThan(0);
    const start = visual.originalStart(at);
    expect(stored.slice(start, start + 4)).toBe('exit');
  });

  it('stays bounded on deep nesting (more than 125 levels are ignored, not a stack overflow)', () => {
    const deep = `${RLE.repeat(400)}0 exit${PDF.repeat(400)} ${RLI.repeat(300)}x${PDI.repeat(300)}`;
    expect(shown(deep)).toContain('exit 0');
  });

  it('reads a paragraph of 80,000 unclosed isolates (once a stack overflow in L2\'s reversal)', () => {
    const many = `${RLI}0 exit ${'a \u2067'.repeat(80_000)}`;
    // Every character but the 80,001 isolate controls is shown.
    expect(visualOrder(many)?.text.length).toBe(many.length - 80_001);
  });

  it('resolves each of many unclosed FSIs by its own first strong letter', () => {
    // An FSI over a Hebrew letter is right to left: "0 exit" inside it shows "exit 0"; Latin first: left to right.
    expect(shown(`\u2068${HEBREW_ALEF} 0 exit`)).toContain('exit 0');
    expect(visualOrder(`\u2068a 0 exit ${'\u2068 '.repeat(20_000)}`)).toBeUndefined();
  });

  it('skips the display order entirely for text without a right-to-left letter or a bidi control', () => {
    // Latin, Cyrillic, CJK, accents, LRM and a line separator: nothing that can display right to left.
    const text = 'All tests pass. Ünïcödé, Кириллица, 中文 \u200E and \u2028 more. '.repeat(200);
    const before = { ...displayOrderCounter };
    toMatchingText(text);
    toMatchingTexts([text, 'exit 0', 'PASS 22/22']);
    hasGlobalDenialWording(`${text} does not exist anywhere`);
    expect(displayOrderCounter).toEqual(before);
  });

  it('reads a long text paragraph by paragraph: the same order as each paragraph alone', () => {
    const paragraph = `${'\u05D4\u05D9\u05D9\u05E6\u05D5\u05D0 exit 0, '.repeat(40)}\u2067pass${RLM} ${RLM}tests\u2069.\n`;
    const long = paragraph.repeat(300);
    expect(long.length).toBeGreaterThan(1 << 16);
    const alone = visualOrder(paragraph)?.text;
    expect(alone).toBeDefined();
    expect(visualOrder(long)?.text).toBe((alone as string).repeat(300));
  });

  it('lays a sentence out at its Markdown paragraph\'s level: the first strong character of the paragraph decides (dir="auto")', () => {
    const passes = (text: string): number => scanProse(text, [], []).passAssertions.length;
    // The second sentence starts with Latin, but its paragraph with a Hebrew letter: right to left.
    expect(passes(`${HEBREW_ALEF}. pass${RLM} tests${RLM} All.`)).toBe(1);
    expect(passes(`${HEBREW_ALEF}. 0 exit.`)).toBe(1);
    // A soft line break does not end the paragraph.
    expect(passes(`${HEBREW_ALEF}.\n0 exit.`)).toBe(1);
    // A left-to-right paragraph shows these words in stored order: no pass phrase.
    expect(passes(`Note. pass${RLM} tests${RLM} All.`)).toBe(0);
    expect(passes('Note. 0 exit.')).toBe(0);
  });
});
