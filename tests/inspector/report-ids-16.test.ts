import { describe, expect, it } from 'vitest';
import { blockedInspection } from '../../src/pipeline/judge.js';
import { buildReport } from '../../src/report/build.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ClaimReport, Report } from '../../src/report/schema.js';
import { DANGLING_CITATION } from '../../src/vocabulary.js';

/**
 * Round 16 (issue 13): report.md cut ids at 40 (claims), 60 (cited items) or 80 (unusable items)
 * characters, so two claims, or a dangling citation and the item it extends, read alike. An id is
 * shown whole (the packet grammar bounds it at 128 characters); two ids never render the same.
 */
const LONG = 'R'.concat('9'.repeat(126));

function report(claims: readonly { id: string; cited: readonly string[]; dangling?: readonly string[] }[]): Report {
  const base = buildReport(blockedInspection(undefined, []));
  return {
    ...base,
    claims: claims.map(({ id, cited, dangling }): ClaimReport => ({
      claim_id: id,
      claim_type: 'ARTIFACT_EXISTS',
      verdict: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM',
      authority: 'NON_AUTHORITATIVE',
      flags: [],
      reasons: dangling === undefined ? ['r'] : [`${DANGLING_CITATION}: cited ids name no item`],
      scope_of_denial: base.scope_of_denial,
      corpus_reports: [],
      chain: {
        claim: { claim_id: id, text: 't', subject: null, decision_effect: 'NONE', may_gate: false },
        claim_type: 'ARTIFACT_EXISTS',
        required_evidence_class: ['ARTIFACT_EXISTENCE_EVIDENCE'],
        evidence: [],
        evidence_capability: [{ item_ids: [...cited], right_kind: true, bound_to_subject: true, independent: true, provenanced: true, decision_effect: 'NONE', may_gate: false }],
        ...(dangling === undefined ? {} : { dangling_citations: { item_ids: [...dangling], count: dangling.length, decision_effect: 'NONE' as const, may_gate: false as const } }),
        adequacy_verdict: { verdict: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM', authority: 'NON_AUTHORITATIVE', decision_effect: 'NONE', may_gate: false },
        dossier_verdict: { final_verdict: 'UNVERIFIED', article14_status: 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS', decision_effect: 'NONE', may_gate: false },
        decision_effect: 'NONE',
        may_gate: false,
      },
      decision_effect: 'NONE',
      may_gate: false,
    })),
  } as Report;
}

describe('report.md shows every id whole', () => {
  it('two 128-character claim ids differing at the end, or in the middle, show apart in the claim table', () => {
    for (const [a, b] of [
      [`${LONG}A`, `${LONG}B`],
      [`R${'9'.repeat(60)}A${'9'.repeat(66)}`, `R${'9'.repeat(60)}B${'9'.repeat(66)}`],
    ] as const) {
      const markdown = renderMarkdown(report([{ id: a, cited: ['i1'] }, { id: b, cited: ['i1'] }]), 10);
      expect(markdown).toContain(a);
      expect(markdown).toContain(b);
    }
  });

  it('a cited item id and a longer dangling id that extends it show apart', () => {
    const present = `qr-count-${'x'.repeat(110)}`;
    const markdown = renderMarkdown(report([{ id: 'R1', cited: [present], dangling: [`${present}-y`] }]), 10);
    expect(markdown).toContain(`${present}-y`);
    expect(markdown).toContain(`${present}\``.slice(0, -1));
  });

  it('a short id is shown as before (control)', () => {
    expect(renderMarkdown(report([{ id: 'C1', cited: ['item-1'] }]), 10)).toMatch(/\| C1: t \|/);
  });
});
