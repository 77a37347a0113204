import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { hidesContent } from '../../src/text/hidden-content.js';
import { browserMarkupAt } from '../../src/text/html-tokenizer.js';

/**
 * Issue 13, round 17 (choices 22, amended): a word a browser hides, read into the sentence, broke the
 * phrase a reader sees ("All tests <span hidden>never</span> pass." read "All tests never pass.", no
 * flag). Such content is now read both ways, kept and removed, and a flag either reading shows is kept.
 */
const flagsPass = (text: string): boolean => scanProse(text, [], []).passAssertions.some((assertion) => !assertion.backed);
const tagOf = (html: string) => {
  const tag = browserMarkupAt(html, 0, () => -1).tag;
  if (tag === undefined) throw new Error(`no tag in ${html}`);
  return tag;
};

describe('content a browser hides is read without it too (round 17)', () => {
  const hidden: Record<string, string> = {
    'hidden until found': 'All tests <span hidden="until-found">never</span> pass.',
    'visibility hidden': 'All tests <span style="visibility: hidden">never</span> pass.',
    'visibility collapse, upper case': 'All tests <SPAN STYLE="VISIBILITY:COLLAPSE">never</SPAN> pass.',
    'opacity zero': 'All tests <span style="opacity:0">never </span>pass.',
    'font size zero in em, important': 'All tests <span style="font-size: 0.0em !important; font-size: 12px">never </span>pass.',
    'color transparent': 'All tests <span style="color:transparent">never</span> pass.',
    'content-visibility hidden': 'All tests <span style="content-visibility:hidden">never</span> pass.',
    'display none written with a CSS escape': 'All tests <span style="display:n\\6f ne">never</span> pass.',
    'progress fallback': 'All tests <progress>never</progress> pass.',
    'meter fallback': 'All tests <meter>never</meter> pass.',
    'hidden image alt text': 'All tests <img hidden alt="never"> pass.',
    'nested span inside the hidden one': 'All tests <span hidden>not <span>ever</span> never</span> pass.',
    'inside an HTML block': '<div>\nAll tests <span hidden>never</span> pass.\n</div>',
    'a table cell': '| a | b |\n| - | - |\n| x | All tests <span hidden>never</span> pass. |',
  };
  for (const [name, text] of Object.entries(hidden)) {
    it(`${name}: the pass a reader sees is flagged`, () => {
      expect(flagsPass(text)).toBe(true);
    });
  }

  const shown: Record<string, string> = {
    'an open dialog': 'All tests <dialog open>never</dialog> pass.',
    'display none overridden by a later declaration': 'All tests <span style="display:none; display:inline">never</span> pass.',
    'half opacity': 'All tests <span style="opacity:0.5">never</span> pass.',
    'font size ten': 'All tests <span style="font-size:10px">never</span> pass.',
    'a hidden span closed before the word': 'All tests <span hidden></span>never pass.',
  };
  for (const [name, text] of Object.entries(shown)) {
    it(`${name}: the word is shown, nothing is flagged`, () => {
      expect(flagsPass(text)).toBe(false);
    });
  }

  it('the hidden text is still read in the other reading (a pass hidden in it stays flagged)', () => {
    expect(flagsPass('Notes: <span hidden>All tests pass.</span> done')).toBe(true);
  });

  it('global-absence wording a hidden word breaks is reported', () => {
    expect(scanProse('The file does <span hidden="">surely </span>not exist anywhere.', [], []).globalDenials).toHaveLength(1);
  });

  it('hidesContent reads the start tag alone', () => {
    expect(hidesContent(tagOf('<template>'))).toBe(true);
    expect(hidesContent(tagOf('<dialog>'))).toBe(true);
    expect(hidesContent(tagOf('<dialog open>'))).toBe(false);
    expect(hidesContent(tagOf('</span>'))).toBe(false);
    expect(hidesContent(tagOf('<span title="hidden">'))).toBe(false);
    expect(hidesContent(tagOf('<span style="color: red">'))).toBe(false);
  });

  it('many unclosed hidden openers are paired in one walk (the text is judged, not refused)', () => {
    const text = `${'a <span hidden>b '.repeat(20_000)}All tests pass.`;
    // Every opener is unclosed: the removed reading drops the rest of the paragraph; the kept one reads the pass.
    expect(flagsPass(text)).toBe(true);
  });
});
