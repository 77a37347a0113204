import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { matchingForm } from '../../policy/text-normalize.js';
import { sentencesOf } from '../../src/claims/claim-index.js';
import { renderedForms } from '../../src/text/rendered.js';
import { dossier, flagsOf9, inspect9, roundRoot } from './red-team/round9/gen9.js';

/**
 * fix20h (choices 95, round 20's classes): hiding that names no CSS style (a `popover`, SVG
 * presentation attributes, SVG's never-rendered elements, MathML's `mphantom` and annotations) and
 * stand-ins for I that TR39 leaves out or that were lost before normalization (`|` between letters).
 * Each class has variants beyond the round's rows, and look-alikes that must stay as they are.
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const collapsed = (text: string): string => text.replace(/\s+/g, ' ').trim();
const readings = (html: string): string[] => renderedForms(html).map(collapsed);
const hidden = (open: string, close: string): string => `All tests ${open}never ${close}pass.`;

describe('hiding that names no CSS style is read both ways', () => {
  const HIDES: Record<string, string> = {
    'popover of another value': hidden('<b popover="hint">', '</b>'),
    'svg font-size attribute 0': hidden('<svg><text font-size="0">', '</text></svg>'),
    'svg fill none': hidden('<svg><text fill="none">', '</text></svg>'),
    'svg opacity 0.05 on a g': hidden('<svg><g opacity="0.05"><text>', '</text></g></svg>'),
    'svg transform attribute': hidden('<svg><text transform="scale(0)">', '</text></svg>'),
    'svg mask element': hidden('<svg><mask><text>', '</text></mask></svg>'),
    'svg pattern element': hidden('<svg><pattern><text>', '</text></pattern></svg>'),
    'svg marker element': hidden('<svg><marker><text>', '</text></marker></svg>'),
    'svg linearGradient element': hidden('<svg><linearGradient><text>', '</text></linearGradient></svg>'),
    'svg self-closing hidden element then text': `All tests <svg><text display="none"/><desc>never </desc></svg>pass.`,
    'math mphantom around text': hidden('<math><mphantom><mtext>', '</mtext></mphantom></math>'),
  };
  it.each(Object.entries(HIDES))('%s', (_name, html) => {
    expect(readings(html)).toContain('All tests pass.');
  });

  const SHOWN: Record<string, string> = {
    // Outside svg and math these attributes mean nothing to a browser.
    'an HTML span with display="none"': hidden('<span display="none">', '</span>'),
    'an HTML div with opacity="0"': hidden('<div opacity="0">', '</div>'),
    // A style declaration wins over the presentation attribute.
    'svg display none overridden by style': hidden('<svg><text display="none" style="display:inline">', '</text></svg>'),
    'svg opacity 1': hidden('<svg><text opacity="1" fill="black">', '</text></svg>'),
    'svg text outside defs': hidden('<svg><defs></defs><text>', '</text></svg>'),
    'math mi outside mphantom': hidden('<math><mphantom></mphantom><mi>', '</mi></math>'),
    'a title outside svg': hidden('<span title="tip">', '</span>'),
  };
  it.each(Object.entries(SHOWN))('%s is read as shown', (_name, html) => {
    expect(readings(html)).toEqual([collapsed(renderedForms(html)[0] ?? '')]);
    expect(readings(html).join()).toContain('never');
  });

  it('flags the pass a popover on a div hides, not the plain twin', async () => {
    const shown = await inspect9({ dossierText: dossier(hidden('<div popover="auto">', '</div>')) }, 'fix20h-popover-div');
    expect(flagsOf9(shown)).toContain('FLAG_PROSE_ONLY_PASS');
    const plain = await inspect9({ dossierText: dossier('All tests <span>never </span>pass.') }, 'fix20h-plain');
    expect(flagsOf9(plain)).not.toContain('FLAG_PROSE_ONLY_PASS');
  });
});

describe('stand-ins for I and i', () => {
  it('reads a `|` between two letters as a letter in a second reading; one next to a space or an edge is a cell border in both', () => {
    expect(sentencesOf('EX|ST here.', true)).toEqual(['EX|ST here.']);
    expect(sentencesOf('EX|ST here.')).toEqual(['EX ST here.']);
    expect(sentencesOf('ex|t 0.', true)).toEqual(['ex|t 0.']);
    expect(sentencesOf('| canon | 22/22 | PASS |', true).map(collapsed)).toEqual(['canon 22/22 PASS']);
    expect(sentencesOf('a | b', true).map(collapsed)).toEqual(['a b']);
  });
  it('keeps the border reading of a `|` between words: a pass joined to another word by it is still flagged', async () => {
    for (const [name, text] of [['pass-bar-fail', 'All tests pass|fail.'], ['verdict-bar-rc', 'verdict=PASS|rc=0']] as const) {
      const result = await inspect9({ dossierText: dossier(text) }, `fix20h-${name}`);
      expect(flagsOf9(result), text).toContain('FLAG_PROSE_ONLY_PASS');
    }
  });
  it('maps the extra stand-ins as TR39 maps I, and U+FFE8 through its NFKD', () => {
    const exist = matchingForm('EXIST');
    for (const glyph of ['\u2502', '\u0964', '\u2758', '\u23A2', '\u00A6', '\uFFE8', '|']) expect(matchingForm(`EX${glyph}ST`), glyph).toBe(exist);
    expect(matchingForm('ex\u00A1t')).toBe(matchingForm('exit'));
  });
  it('keeps look-alikes that are no I apart', () => {
    // A full-width bracket or a plain hyphen is no stand-in for I.
    expect(matchingForm('EX\u2500ST')).not.toBe(matchingForm('EXIST'));
    expect(matchingForm('EX-ST')).not.toBe(matchingForm('EXIST'));
  });
  it('flags a pass spelled with a stand-in inside a GFM table cell, and the denial with U+23A2 in prose', async () => {
    const table = await inspect9({ dossierText: dossier('| step | result |', '| --- | --- |', '| selftest | EX\u2758T 0 |') }, 'fix20h-table');
    const tableTwin = await inspect9({ dossierText: dossier('| step | result |', '| --- | --- |', '| selftest | EXIT 0 |') }, 'fix20h-table-twin');
    expect(flagsOf9(table)).toEqual(flagsOf9(tableTwin));
    const denial = await inspect9({ dossierText: dossier('The file does not EX\u23A2ST anywhere.') }, 'fix20h-denial');
    expect(flagsOf9(denial)).toContain('FLAG_GLOBAL_DENIAL_WORDING');
    const plain = await inspect9({ dossierText: dossier('The file does EXIST here.') }, 'fix20h-denial-plain');
    expect(flagsOf9(plain)).not.toContain('FLAG_GLOBAL_DENIAL_WORDING');
  });
});
