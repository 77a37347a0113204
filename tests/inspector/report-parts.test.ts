import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectToResult, renderReport } from '../../src/index.js';
import { DEFAULT_LIMITS } from '../../src/pipeline/limits.js';
import { buildReport } from '../../src/report/build.js';
import { ClaimsDigestBuilder, digestClaims, hasFinding } from '../../src/report/claims-digest.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { claimReportSchema, reportSchema, type ClaimReport, type Report } from '../../src/report/schema.js';
import { blockedInspection } from '../../src/pipeline/judge.js';

/**
 * docs/choices.md 41: at run time the inspector checks only the report's head against the schema
 * and serializes each claim on its own; these tests hold the whole output to zod itself (not the
 * compiled check) and to one `JSON.stringify` of the whole report, for every fixture packet.
 */
const FIXTURES = path.resolve('fixtures/packets');
const packets = readdirSync(FIXTURES).filter((name) => name !== 'README.md');

describe('report.json built in parts is the whole report, valid against the zod schema', () => {
  it.each(packets)('%s', (name) => {
    const rendered = renderReport(inspectToResult(path.join(FIXTURES, name)), name);
    if (!rendered.ok) throw new Error(rendered.error.code);
    const json = rendered.value.files.find((file) => file.name === 'report.json')?.bytes?.toString('utf8') ?? '';
    expect(json).toBe(`${JSON.stringify(rendered.value.report)}\n`);
    const parsed = reportSchema.safeParse(JSON.parse(json));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
    for (const claim of rendered.value.report.claims) expect(claimReportSchema.safeParse(claim).success).toBe(true);
  });

  it('the fixtures cover claims with findings, flags, dangling citations and per-corpus reports', () => {
    const claims = packets.flatMap((name) => {
      const rendered = renderReport(inspectToResult(path.join(FIXTURES, name)), name);
      return rendered.ok ? rendered.value.report.claims : [];
    });
    expect(claims.some((claim) => claim.flags.length > 0)).toBe(true);
    expect(claims.some((claim) => claim.chain.dangling_citations !== undefined)).toBe(true);
    expect(claims.some((claim) => claim.corpus_reports.length > 0)).toBe(true);
    expect(new Set(claims.map((claim) => claim.verdict)).size).toBeGreaterThan(3);
  });
});

/** `count` claims; claim i has a finding when `finding(i)`, and cites item `item-(i mod items)`. */
function claimsWith(count: number, finding: (index: number) => boolean, items = 7): Report {
  const base = buildReport(blockedInspection(undefined, []));
  const claims = Array.from({ length: count }, (_, index): ClaimReport => {
    const verdict = finding(index) ? (index % 3 === 0 ? 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' : 'EVIDENCE_CONFLICTING') : 'NO_READ_LEVEL_DEFECT_FOUND';
    const id = `C${index}`;
    return {
      claim_id: id,
      claim_type: 'ARTIFACT_EXISTS',
      verdict,
      authority: 'NON_AUTHORITATIVE',
      flags: [],
      reasons: ['r'],
      scope_of_denial: base.scope_of_denial,
      corpus_reports: [],
      chain: {
        claim: { claim_id: id, text: 't', subject: null, decision_effect: 'NONE', may_gate: false },
        claim_type: 'ARTIFACT_EXISTS',
        required_evidence_class: ['ARTIFACT_EXISTENCE_EVIDENCE'],
        evidence: [],
        evidence_capability: [{ item_ids: [`item-${index % items}`], right_kind: true, bound_to_subject: true, independent: true, provenanced: true, decision_effect: 'NONE', may_gate: false }],
        adequacy_verdict: { verdict, authority: 'NON_AUTHORITATIVE', decision_effect: 'NONE', may_gate: false },
        dossier_verdict: { final_verdict: 'UNVERIFIED', article14_status: 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS', decision_effect: 'NONE', may_gate: false },
        decision_effect: 'NONE',
        may_gate: false,
      },
      decision_effect: 'NONE',
      may_gate: false,
    };
  });
  return { ...base, claims };
}

/** The table's rows as report.md chose them when it held every claim (the reference). */
function referenceRows(claims: readonly ClaimReport[], listed: number): string[] {
  if (claims.length <= listed) return claims.map((claim) => claim.claim_id);
  const withFinding = claims.filter(hasFinding).slice(0, listed);
  const rest = claims.filter((claim) => !hasFinding(claim)).slice(0, listed - withFinding.length);
  return [...withFinding, ...rest].map((claim) => claim.claim_id);
}

describe('the claims digest holds a bounded number of claims and chooses the rows the whole report would', () => {
  const cases: Array<[string, number, (index: number) => boolean]> = [
    ['none with a finding', 25, () => false],
    ['all with a finding', 25, () => true],
    ['every third', 25, (index) => index % 3 === 0],
    ['findings only at the end', 25, (index) => index >= 20],
    ['exactly the limit', 10, (index) => index % 2 === 0],
    ['below the limit', 4, (index) => index === 3],
  ];

  it.each(cases)('%s', (_, count, finding) => {
    const listed = 10;
    const report = claimsWith(count, finding);
    const digest = digestClaims(report, listed);
    expect(digest.tableRows.map((claim) => claim.claim_id)).toEqual(referenceRows(report.claims, listed));
    expect(digest.count).toBe(count);
    expect(digest.withFinding).toBe(report.claims.filter(hasFinding).length);
    expect([...digest.byVerdict.values()].reduce((sum, value) => sum + value, 0)).toBe(count);
    expect(digest.usedItems.count).toBe(Math.min(count, 7));
  });

  it('keeps at most twice the limit of claims however many are added', () => {
    const builder = new ClaimsDigestBuilder(10, new Set());
    const report = claimsWith(5_000, (index) => index % 2 === 0);
    for (const claim of report.claims) builder.add(claim);
    const kept = builder as unknown as { finding: unknown[]; plain: unknown[] };
    expect(kept.finding.length + kept.plain.length).toBeLessThanOrEqual(20);
    expect(builder.finish().tableRows).toHaveLength(10);
  });

  it('report.md counts the claims it does not list by verdict, and the counts add up', () => {
    const report = claimsWith(40, (index) => index % 4 === 0);
    const markdown = renderMarkdown(report, 10);
    const line = markdown.split('\n').find((text) => text.startsWith('Not listed here, by verdict: ')) ?? '';
    const counts = [...line.matchAll(/([A-Z_]+) (\d+)/g)].map((match) => [match[1], Number(match[2])] as const);
    expect(counts.reduce((sum, [, count]) => sum + count, 0)).toBe(30);
    // All 10 claims with a finding are listed: only claims without one are left.
    expect(counts).toEqual([['NO_READ_LEVEL_DEFECT_FOUND', 30]]);
    expect(renderMarkdown(claimsWith(40, () => true), 10)).toMatch(/Not listed here, by verdict: INSUFFICIENT_EVIDENCE_FOR_CLAIM \d+, EVIDENCE_CONFLICTING \d+\./);
  });

  it('the limit is the limits table’s, and a report within it has no such line', () => {
    expect(DEFAULT_LIMITS.maxListedClaims).toBe(1_000);
    expect(renderMarkdown(claimsWith(10, (index) => index === 1), 10)).not.toContain('Not listed here');
  });
});
