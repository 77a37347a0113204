import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { LISTED_CLAIM_ROWS, renderMarkdown } from '../../src/report/markdown.js';
import { renderCheckpoint } from '../../src/report/checkpoint.js';
import { blockedInspection } from '../../src/pipeline/judge.js';
import type { ClaimReport, Report } from '../../src/report/schema.js';

/** A report of `count` claims; every `findingEvery`-th one has a finding (INSUFFICIENT_EVIDENCE_FOR_CLAIM). */
function reportWith(count: number, findingEvery: number): Report {
  const base = buildReport(blockedInspection(undefined, []));
  const template: ClaimReport = {
    claim_id: 'C0',
    claim_type: 'ARTIFACT_EXISTS',
    verdict: 'NO_READ_LEVEL_DEFECT_FOUND',
    authority: 'NON_AUTHORITATIVE',
    flags: [],
    reasons: ['existence evidence bound to the subject'],
    scope_of_denial: base.scope_of_denial,
    corpus_reports: [],
    chain: {
      claim: { claim_id: 'C0', text: 'The artifact exists.', subject: 'a.py', decision_effect: 'NONE', may_gate: false },
      claim_type: 'ARTIFACT_EXISTS',
      required_evidence_class: ['ARTIFACT_EXISTENCE_EVIDENCE'],
      evidence: [],
      evidence_capability: [{ item_ids: ['listing'], right_kind: true, bound_to_subject: true, independent: true, provenanced: true, decision_effect: 'NONE', may_gate: false }],
      adequacy_verdict: { verdict: 'NO_READ_LEVEL_DEFECT_FOUND', authority: 'NON_AUTHORITATIVE', decision_effect: 'NONE', may_gate: false },
      dossier_verdict: { final_verdict: 'UNVERIFIED', article14_status: 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS', decision_effect: 'NONE', may_gate: false },
      decision_effect: 'NONE',
      may_gate: false,
    },
    decision_effect: 'NONE',
    may_gate: false,
  };
  const claims = Array.from({ length: count }, (_, index): ClaimReport => {
    const finding = index % findingEvery === findingEvery - 1;
    const id = `C${String(index)}`;
    const evidence = [{ ...template.chain.evidence_capability[0]!, item_ids: [`item-${String(index)}`] }];
    return { ...template, claim_id: id, verdict: finding ? 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' : template.verdict, chain: { ...template.chain, evidence_capability: evidence, claim: { ...template.chain.claim, claim_id: id } } };
  });
  return { ...base, claims };
}

const rows = (markdown: string): string[] => markdown.split('\n').filter((line) => /^\| C\d+: /.test(line));

describe('report.md and the checkpoint stay bounded for a person', () => {
  it('lists every claim up to the limit, in packet order', () => {
    const listed = rows(renderMarkdown(reportWith(LISTED_CLAIM_ROWS, 7)));
    expect(listed).toHaveLength(LISTED_CLAIM_ROWS);
    expect(listed[0]?.startsWith('| C0: ')).toBe(true);
  });

  it('beyond it, lists claims with a finding first and says how many are only in report.json', () => {
    const count = 3 * LISTED_CLAIM_ROWS;
    const markdown = renderMarkdown(reportWith(count, 2));
    const listed = rows(markdown);
    expect(listed).toHaveLength(LISTED_CLAIM_ROWS);
    expect(listed.every((line) => line.includes('INSUFFICIENT_EVIDENCE_FOR_CLAIM'))).toBe(true);
    expect(markdown).toContain(`… and ${count - LISTED_CLAIM_ROWS} more claims in report.json (${count / 2 - LISTED_CLAIM_ROWS} of them with a finding)`);
  });

  it('fills the remaining rows with claims without a finding', () => {
    const markdown = renderMarkdown(reportWith(2 * LISTED_CLAIM_ROWS, 10));
    const listed = rows(markdown);
    expect(listed.filter((line) => line.includes('INSUFFICIENT_EVIDENCE_FOR_CLAIM'))).toHaveLength((2 * LISTED_CLAIM_ROWS) / 10);
    expect(listed).toHaveLength(LISTED_CLAIM_ROWS);
    expect(markdown).toContain(`… and ${LISTED_CLAIM_ROWS} more claims in report.json (0 of them with a finding)`);
  });

  it('the checkpoint names at most 50 evidence items and counts the rest', () => {
    const checkpoint = renderCheckpoint(reportWith(120, 1_000));
    expect(checkpoint).toContain('`item-49`, … and 70 more items');
    expect(checkpoint).not.toContain('item-50');
  });
});
