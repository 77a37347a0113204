import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport, reportBytes } from '../cost-judge.js';
import type { HostileSpec, JsonObject } from '../packet-gen.js';
import { bytesUnder, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import type { InspectorLimits } from '../../../../src/index.js';
import { createJudge19 } from './judge19.js';
import { claimsSpec, claimTextTotalSpec, inspectUnder, itemsSpec, listingSpec, itemPathSpec, notationClaimsSpec, passSentencesSpec, proseSpec, wideProseSpec, referencesSpec, surfacesSpec, uncitedBindingsSpec } from './limits-gen.js';

/**
 * rt-packets19, choice 81 and the limits table (docs/inspector.md) at each edge: a packet AT a limit
 * is judged (no `limits/` reason), one unit OVER is BLOCKED (exit 3) with a reason naming that limit in
 * report.json and report.md, never a stack trace, never exit 0. The in-process entry takes a limits
 * table, so each edge is reached with a small packet (the limit set low); the cheap ones are also met
 * at their defaults (64 surfaces, 256 references per claim). Choice 81's uncited bindings (usable
 * query results on the claim's subject it does not cite) are counted at the edge too. Then the
 * report-size limit: the run's own three files measured, then the same packet under a limit of that
 * size (not refused) and one byte less (refused), and a limit smaller than any BLOCKED report.
 * Listing limits: `maxListedFindingsPerKind` and `maxListedClaims` list so many and count the rest.
 */
const { judge, checkAllListedRan } = createJudge19('limits');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const reasonsOf = (result: Run9): string => JSON.stringify(result.report?.blocked_reasons ?? []);

/** Problems of a run at a limit: it must be judged, not refused. */
function atProblems(result: Run9): string[] {
  const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
  if (/limits\//.test(reasonsOf(result))) problems.push(`refused: ${reasonsOf(result).slice(0, 200)}`);
  return problems;
}

/** Problems of a run over a limit: BLOCKED, exit 3, the limit named in both reports. */
function overProblems(result: Run9, code: string): string[] {
  const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
  if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
  if (!reasonsOf(result).includes(`limits/${code}`)) problems.push(`report.json reasons ${reasonsOf(result).slice(0, 200)}`);
  if (!(result.markdown ?? '').replaceAll('\\', '').includes(`limits/${code}`)) problems.push('report.md does not name the limit');
  return problems;
}

interface Edge {
  readonly at: HostileSpec;
  readonly over: HostileSpec;
  readonly code: string;
  readonly limits?: Partial<InspectorLimits>;
}

const EDGES: Record<string, Edge> = {
  'max-claims': { at: claimsSpec(8), over: claimsSpec(9), code: 'max_claims', limits: { maxClaims: 8 } },
  'max-references-per-claim-default': { at: referencesSpec(255), over: referencesSpec(256), code: 'max_references_per_claim' },
  'max-listing-entries': { at: listingSpec(10), over: listingSpec(11), code: 'max_listing_entries', limits: { maxListingEntries: 10 } },
  'max-prose-bytes-ending-in-a-3-byte-character': { at: proseSpec(1000), over: proseSpec(1001), code: 'max_prose_bytes', limits: { maxProseBytes: 1000 } },
  // 1,000 bytes of limit: 330 CJK characters are 1,014 bytes, 250 astral ones 1,025 (a limit counted in UTF-16 units sees 356 and 525).
  'max-prose-bytes-in-3-byte-characters': { at: wideProseSpec(300, '\u4E00'), over: wideProseSpec(330, '\u4E00'), code: 'max_prose_bytes', limits: { maxProseBytes: 1000 } },
  'max-prose-bytes-in-astral-characters': { at: wideProseSpec(240, '\u{1F600}'), over: wideProseSpec(250, '\u{1F600}'), code: 'max_prose_bytes', limits: { maxProseBytes: 1000 } },
  // maxItemPathBytes at its default in 3-byte characters: 1,364 of them and the `docs/`…`.md` frame are 4,100 bytes (1,372 UTF-16 units).
  'max-item-path-bytes-in-3-byte-characters': { at: itemPathSpec(`docs/${'\u4E00'.repeat(1362)}.md`), over: itemPathSpec(`docs/${'\u4E00'.repeat(1364)}.md`), code: 'max_item_path_bytes' },
  'max-evidence-entries-distinct-citations': { at: referencesSpec(4), over: referencesSpec(5), code: 'max_evidence_entries', limits: { maxEvidenceEntries: 5 } },
  'max-evidence-entries-uncited-bindings': { at: uncitedBindingsSpec(4), over: uncitedBindingsSpec(5), code: 'max_evidence_entries', limits: { maxEvidenceEntries: 5 } },
  'max-claim-text-bytes-total-ascii': { at: claimTextTotalSpec(2, 50, 1), over: claimTextTotalSpec(3, 34, 1), code: 'max_claim_text_bytes_total', limits: { maxClaimTextBytesTotal: 100 } },
  'max-claim-text-bytes-total-3-byte': { at: claimTextTotalSpec(4, 25, 3), over: claimTextTotalSpec(4, 26, 3), code: 'max_claim_text_bytes_total', limits: { maxClaimTextBytesTotal: 100 } },
  'max-claim-text-bytes-total-astral': { at: claimTextTotalSpec(5, 20, 4), over: claimTextTotalSpec(3, 34, 4), code: 'max_claim_text_bytes_total', limits: { maxClaimTextBytesTotal: 100 } },
  'max-allowed-surfaces-default': { at: surfacesSpec(64), over: surfacesSpec(65), code: 'max_allowed_surfaces' },
  'max-items': { at: itemsSpec(6), over: itemsSpec(7), code: 'max_items', limits: { maxItems: 6 } },
};

describe('each limit: at it judged, one over BLOCKED naming it', () => {
  for (const [name, edge] of Object.entries(EDGES)) {
    it(`${name}: at`, async () => {
      const result = await inspectUnder(edge.at, `lim19-${name}-at`, edge.limits);
      const problems = atProblems(result);
      judge(`limits:${name}-at`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    }, 300_000);
    it(`${name}: over`, async () => {
      const result = await inspectUnder(edge.over, `lim19-${name}-over`, edge.limits);
      const problems = overProblems(result, edge.code);
      judge(`limits:${name}-over`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    }, 300_000);
  }
});

describe('a refusal names the limit that refused', () => {
  it('maxRetainedTextBytesPerItem 1,000 refuses a 1,016-byte dossier under its own name', async () => {
    const result = await inspectUnder(wideProseSpec(330, '\u4E00'), 'lim19-retained-named', { maxRetainedTextBytesPerItem: 1000 });
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
    const reasons = reasonsOf(result);
    if (!/max_retained_text_bytes_per_item|maxRetainedTextBytesPerItem/.test(reasons)) problems.push(`the reason names another limit: ${reasons.slice(0, 240)}`);
    judge('limits:retained-text-limit-named-for-the-dossier', problems.join('; ') || undefined);
  }, 300_000);
});

describe('maxReportBytes at the run\'s own size, one byte under, and under any report', () => {
  const spec = passSentencesSpec(3);
  it('a limit equal to the three files is not refused; one byte less is refused naming the limit', async () => {
    const free = await inspectUnder(spec, 'lim19-report-free');
    const size = bytesUnder(free.outDir);
    const at = await inspectUnder(spec, 'lim19-report-at', { maxReportBytes: size });
    judge('limits:max-report-bytes-at-own-size', atProblems(at).join('; ') || undefined);
    const under = await inspectUnder(spec, 'lim19-report-under', { maxReportBytes: size - 1 });
    judge('limits:max-report-bytes-one-under', overProblems(under, 'max_report_bytes').join('; ') || undefined);
  }, 300_000);
  it('a limit below any BLOCKED report still ends in exit 3 and no stack trace', async () => {
    const problems: string[] = [];
    const result = await inspectUnder(spec, 'lim19-report-tiny', { maxReportBytes: 64 }).catch((error: unknown) => {
      problems.push(`the in-process entry throws: ${String(error).slice(0, 160)}`);
      return undefined;
    });
    if (result === undefined) {
      judge('limits:max-report-bytes-below-any-report', problems.join('; '));
      return;
    }
    if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
    if (/^\s+at /m.test(`${result.line}\n${result.stderr}`)) problems.push('stack trace');
    if (result.report !== undefined && reportBytes(result) > 64) problems.push(`wrote ${String(reportBytes(result))} report bytes under a 64-byte limit`);
    judge('limits:max-report-bytes-below-any-report', problems.join('; ') || undefined);
  }, 300_000);
});

describe('listing limits list so many and count the rest', () => {
  it('maxListedFindingsPerKind: 33 unbacked passes list 32 and count 1', async () => {
    const result = await inspectUnder(passSentencesSpec(33), 'lim19-listed-findings');
    const entry = ((result.report?.flag_details as JsonObject[] | undefined) ?? []).find((detail) => detail.flag === 'FLAG_PROSE_ONLY_PASS');
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    if (entry?.count !== 33 || entry.not_listed !== 1 || (entry.listed as unknown[] | undefined)?.length !== 32) problems.push(`flag entry count ${String(entry?.count)}, not_listed ${String(entry?.not_listed)}, listed ${String((entry?.listed as unknown[] | undefined)?.length)}`);
    judge('limits:listed-findings-33', problems.join('; ') || undefined);
  }, 300_000);
  it('maxListedClaims 3: four claims, report.md lists 3 and counts 1', async () => {
    const result = await inspectUnder(claimsSpec(4), 'lim19-listed-claims', { maxListedClaims: 3 });
    const rows = (result.markdown ?? '').split('\n').filter((line) => /^\| R\d/.test(line));
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    if (rows.length !== 3) problems.push(`report.md lists ${String(rows.length)} claim rows`);
    if (((result.report?.claims as unknown[] | undefined) ?? []).length !== 4) problems.push('report.json does not keep every claim');
    if (!/\b1\b[^\n]*(not listed|more|rest)|(not listed|more|rest)[^\n]*\b1\b/i.test(result.markdown ?? '')) problems.push('report.md does not count the claim it does not list');
    judge('limits:listed-claims-4-of-3', problems.join('; ') || undefined);
  }, 300_000);
});

describe('report bytes per packet byte stay bounded for text that is all escapes (round 4 bounds every shape at 16)', () => {
  const shapes: Record<string, string> = {
    'backslash-u-pairs': '\\u'.repeat(2048),
    'zero-width-spaces': '\u200B'.repeat(1365),
    'c0-controls': '\u0001'.repeat(4096),
  };
  for (const [name, unit] of Object.entries(shapes)) {
    it(name, async () => {
      const result = await inspectUnder(notationClaimsSpec(50, unit), `lim19-amplify-${name}`);
      const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
      const ratio = bytesUnder(result.outDir) / bytesUnder(result.packetDir);
      if (!(ratio <= 16)) problems.push(`${ratio.toFixed(1)} report bytes per packet byte`);
      judge(`limits:report-amplification-${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    }, 300_000);
  }
});
