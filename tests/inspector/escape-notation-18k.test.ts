import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodedCodePointEscapes, markdownValue } from '../../src/text/escape.js';
import { lintEmittedStrings } from '../../src/text/wording-lint.js';
import { viewMarkdown } from './red-team/markdown-view.js';
import { backedCountClaim, type JsonObject } from './red-team/packet-gen.js';
import { cellsOf } from './red-team/round16/report-cells.js';
import { dossier, flagsOf9, inspect9, roundRoot, type Run9 } from './red-team/round9/gen9.js';

/**
 * Choice 82: packet text enters tki's `\u{…}` notation once per sink, so each character is escaped
 * exactly once: report.json's quote decoded once is the packet's text, and report.md's cell, read by a
 * CommonMark reader and decoded once, is the packet's text too, whatever notation-like text,
 * backslashes, quote characters, separators or escaped denial wording it holds (round 16's serial
 * key; session 17's attempt escaped the linted quotes twice).
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const VALUES: Record<string, string> = {
  'notation-beside-a-real-separator': 'A\\u{2028}B\u2028C.',
  'notation-of-a-backslash': 'A \\u{5c} B \\\\u{64} C \\U{41}.',
  'backslashes-and-quote-characters': 'The "tool" \\ A\\" exists \\\\" \\u0022 \'x\'.',
  'denial-wording-beside-notation': 'The file does not exist anywhere, \\u{64} \u2029 \\u{2029}.',
  'denial-spelled-in-notation': 'The file \\u{64}\\u{6f}\\u{65}\\u{73} not exist anywhere.',
  'backslash-before-escaped-denial': 'The file \\does not exist anywhere.',
  'notation-at-the-end': 'ends with \\u',
  'unclosed-and-out-of-range-notation': 'A \\u{110000} B \\u{ C \\u{zz}.',
};

function claimOf(result: Run9): { text: string; subject: string | null } | undefined {
  const claims = (result.report?.claims as JsonObject[] | undefined) ?? [];
  return (claims[0]?.chain as { claim?: { text: string; subject: string | null } } | undefined)?.claim;
}

/** report.md's claim cell for R1 as a CommonMark reader shows it, the `R1: ` prefix removed. */
function shownClaimCell(result: Run9): string | undefined {
  const row = (result.markdown ?? '').split('\n').find((line) => line.startsWith('| R1'));
  return row === undefined ? undefined : viewMarkdown(cellsOf(row)[0] ?? '').text.replace(/^R1: /, '');
}

async function inspectClaimText(text: string, label: string): Promise<Run9> {
  const base = backedCountClaim();
  return inspect9({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, claim_id: 'R1', text, subject: text, claim_type: 'CONTENT_STATES' }], items: [base.item], revision: text }, label);
}

describe('a packet text decodes once to itself in report.json and in report.md', () => {
  for (const [name, value] of Object.entries(VALUES)) {
    it(name, async () => {
      const result = await inspectClaimText(value, `esc18-${name}`);
      const claim = claimOf(result);
      expect(decodedCodePointEscapes(claim?.text ?? '')).toBe(value);
      expect(decodedCodePointEscapes(claim?.subject ?? '')).toBe(value);
      expect(decodedCodePointEscapes(shownClaimCell(result) ?? '')).toBe(value);
      const denial = /does not exist/.test(value) || name === 'denial-spelled-in-notation';
      // The revision is free text report.json keeps as written; report.md's line shows it in the
      // notation (with global-absence wording it is no quote: the lint rewords it, choice 33).
      const revisionLine = (result.markdown ?? '').split('\n').find((line) => line.startsWith('- **Dossier:**')) ?? '';
      if (!/does not exist/.test(value)) expect(decodedCodePointEscapes(viewMarkdown(revisionLine).text)).toContain(`revision ${value}`);
      expect(flagsOf9(result).includes('FLAG_GLOBAL_DENIAL_WORDING')).toBe(denial);
    });
  }

  it('a real separator and the packet\'s six characters for it show differently', async () => {
    const [real, written] = [await inspectClaimText('A\u2028B.', 'esc18-real'), await inspectClaimText('A\\u{2028}B.', 'esc18-written')];
    expect(shownClaimCell(real)).not.toBe(shownClaimCell(written));
    expect(shownClaimCell(written)).toBe('A\\u{5c}u{2028}B.');
  });
});

describe('the lint writes the notation once; report.md adds escapes only for characters it left', () => {
  for (const [name, value] of Object.entries(VALUES)) {
    it(name, () => {
      const linted = lintEmittedStrings({ text: value, message: 'tki words' }).value;
      const cell = markdownValue(linted.text, 10_000, 'table-cell');
      // commonmark reads no GFM table: the row is split at its unescaped pipes, as GFM does, then each cell read.
      expect(decodedCodePointEscapes(viewMarkdown(cellsOf(`| ${cell} |`)[0] ?? '').text)).toBe(value);
      expect(decodedCodePointEscapes(viewMarkdown(markdownValue(linted.text, 10_000)).text)).toBe(value);
    });
  }

  it('a quote without a backslash before `u` or global-absence wording is written as it is', () => {
    const value = 'A "quote" \\ with \\n and \u2028.';
    expect(lintEmittedStrings({ text: value }).value.text).toBe(value);
    expect(lintEmittedStrings({ text: value }).escapedQuotes).toEqual([]);
  });

  it('a quote escaped only for the notation is not flagged', () => {
    const linted = lintEmittedStrings({ text: 'A \\u{64}' });
    expect(linted.value.text).toBe('A \\u{5c}u{64}');
    expect(linted.escapedQuotes).toEqual([]);
    expect(linted.rewritten).toEqual([]);
  });
});
