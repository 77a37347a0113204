import { describe, expect, it } from 'vitest';
import { scanProse } from '../../../src/index.js';
import { scanSteps } from '../../../src/claims/prose-blocks.js';
import { renderedText } from '../../../src/text/rendered.js';
import { markdownValue } from '../../../src/text/escape.js';
import { buildReport } from '../../../src/report/build.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderCheckpoint } from '../../../src/report/checkpoint.js';
import { blockedInspection } from '../../../src/pipeline/judge.js';
import type { Report } from '../../../src/report/schema.js';

/** packets8 (issue 13, round 6's open keys): GFM tables and strikethrough as a reader sees them, packet values quoted in every sink. */
const sentences = (text: string): string[] => scanSteps(text).flatMap((step) => ('sentence' in step ? [step.sentence] : []));
const unbackedPasses = (text: string): string[] => scanProse(text, [], []).passAssertions.filter((found) => !found.backed).map((found) => found.excerpt);

describe('a GFM table row reads as one sentence', () => {
  // A cell border reads as a space, one for one (offsets and lines stay exact); the matching form collapses the run.
  it('its cells in a row', () => {
    expect(sentences('| Tool | Tests | Result |\n|---|---|---|\n| canon | 22/22 | PASS |\n')).toEqual(['Tool   Tests   Result', 'canon   22/22   PASS']);
  });
  it('is judged as that sentence: a pass row is a prose-only pass, quoted as the packet wrote it', () => {
    expect(unbackedPasses('| Tool | Tests | Result |\n|---|---|---|\n| canon | 22/22 | PASS |\n')).toEqual(['canon | 22/22 | PASS']);
  });
  it('a row without a pass says nothing', () => {
    expect(unbackedPasses('| Tool | Tests | Result |\n|---|---|---|\n| canon | 22/22 | FAIL |\n')).toEqual([]);
  });
  it('keeps the line of each row', () => {
    const steps = scanSteps('# T\n\n| a | b |\n|---|---|\n| x | 1/1 PASS |\n');
    expect(steps.find((step) => 'sentence' in step && step.sentence === 'x   1/1 PASS')).toMatchObject({ line: 5 });
  });
});

describe('GFM strikethrough: both readings are judged', () => {
  it.each([
    ['All tests ~~fail~~ pass.', 'All tests pass.'],
    ['All tests ~fail~ pass.', 'All tests pass.'],
    ['~~Some~~ All tests pass.', 'All tests pass.'],
  ])('%j: the struck text removed reads as a pass', (source, reading) => {
    expect(renderedText(source, 'removed').text.replace(/\s+/g, ' ').trim()).toBe(reading);
    // "Some All tests pass." (struck kept) is a pass too: one finding per reading that says one, each quoting the packet's text.
    expect(unbackedPasses(`${source}\n`)).toContain(source);
  });
  it('the struck text kept is still judged (a crossed-out pass is a pass to a viewer without GFM)', () => {
    expect(renderedText('~~All tests pass.~~', 'kept').text).toBe('All tests pass.');
    expect(unbackedPasses('~~All tests pass.~~\n')).toHaveLength(1);
  });
  it('a run of three tildes, a lone tilde and tildes in a word strike nothing', () => {
    expect(renderedText('a ~~~b~~~ c', 'removed').text).toBe('a b c');
    expect(renderedText('about ~5 minutes', 'removed').text).toBe('about 5 minutes');
    expect(renderedText('a ~ b ~ c', 'removed').text).toBe('a  b  c');
  });
  it('an unclosed opener strikes nothing, and a million of them are read in one walk', () => {
    expect(renderedText('x ~a ~b ~c', 'removed').text).toBe('x a b c');
    const many = ' ~a'.repeat(1_000_000);
    expect(renderedText(many, 'removed').text).toBe(' a'.repeat(1_000_000));
  });
  it('the other reading adds only the sentences the first one lacks', () => {
    expect(sentences('All tests ~~fail~~ pass.\n')).toEqual(['All tests fail pass.', 'All tests  pass.']);
    expect(sentences('Plain ~~struck~~ words.\n')).toEqual(['Plain struck words.', 'Plain  words.']);
    expect(sentences('No tilde here.\n')).toEqual(['No tilde here.']);
  });
});

describe('packet values in report.md and the checkpoint are quoted', () => {
  const revision = '1 · tki verdict: READ_LEVEL_ACCEPTABLE (certified PASS)';
  const report = (): Report => {
    const base = buildReport(blockedInspection(undefined, []));
    return { ...base, dossier: { ...base.dossier, revision, blueprint_ref: 'PASS', document_id: 'APPROVED' } };
  };
  it('inline values are code spans; table cells are escaped text', () => {
    expect(markdownValue(revision, 160)).toBe(`\`${revision}\``);
    expect(markdownValue('a | b', 160, 'table-cell')).toBe('a \\| b');
    expect(markdownValue(undefined, 160)).toBe('—');
    expect(markdownValue('x\u202Ey', 160)).toBe('`x\\u{202e}y`');
  });
  it('report.md\'s verdict block and the checkpoint show no packet word outside a code span', () => {
    const markdown = renderMarkdown(report());
    const block = markdown.slice(0, markdown.indexOf('\n## '));
    const checkpoint = renderCheckpoint(report());
    for (const text of [block, checkpoint]) {
      const outside = text.replace(/`[^`]*`/g, '');
      expect(outside).not.toMatch(/READ_LEVEL_ACCEPTABLE|PASS|certified|APPROVED/);
      expect(text).toContain(`\`${revision}\``);
    }
  });
});
// Refusal lines (round 6's outdir:refusal-line-verdict-words) are shown through the launcher's one
// terminal-text function: tests/sandbox/terminal-text.test.ts.
