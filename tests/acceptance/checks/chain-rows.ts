import { claimsOfType, EXECUTION_CLASS, readPacketJson, reportFields } from './report-fields.js';
import { conclude, condition, type Check } from './outcome.js';

/**
 * L4 rows 11–23 (evidence chain, prose, counts, authority, verdicts), judged from real inspector
 * runs on the fixture packets, in-process through the public API.
 */
export const CHAIN_CHECKS: Readonly<Record<number, Check>> = {
  11: async (ctx) => {
    const view = await ctx.inspect('fix7-a');
    const runs = claimsOfType(view.report, ['EXECUTABLE_RUNS']);
    const mdItems = new Set((view.report?.evidence_items ?? []).filter((item) => item.path?.endsWith('.md') === true).map((item) => item.item_id));
    const mdCapabilities = runs.flatMap((claim) =>
      claim.chain.evidence_capability.flatMap((group) =>
        group.item_ids.filter((id) => mdItems.has(id)).map((id) => ({ claim: claim.claim_id, item: id, classes: claim.chain.evidence.find((entry) => entry.item_ids.includes(id))?.evidence_classes, right_kind: group.right_kind })),
      ),
    );
    const conditions = [
      condition('the dossier claims an executable runs', runs.length > 0, runs.map((claim) => claim.claim_id)),
      condition('every EXECUTABLE_RUNS claim is INSUFFICIENT_EVIDENCE_FOR_CLAIM', runs.length > 0 && runs.every((claim) => claim.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM'), runs.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('the .md offered is judged the wrong kind (right_kind false)', mdCapabilities.length > 0 && mdCapabilities.every((entry) => !entry.right_kind), mdCapabilities),
    ];
    return conclude('inspect fixtures/packets/fix7-a (only a .md design note for the .py)', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  12: async (ctx) => {
    const view = await ctx.inspect('fix7-a');
    const packet = readPacketJson(view.packet_path);
    const exists = claimsOfType(view.report, ['ARTIFACT_EXISTS']).filter((claim) => claim.chain.claim.subject?.endsWith('.py') === true);
    const conditions = [
      condition('an existence claim names the .py', exists.length > 0, exists.map((claim) => `${claim.claim_id} ${claim.chain.claim.subject}`)),
      condition('it is NOT_EVIDENCED_IN_ALLOWED_SURFACES', exists.length > 0 && exists.every((claim) => claim.verdict === 'NOT_EVIDENCED_IN_ALLOWED_SURFACES'), exists.map((claim) => claim.verdict)),
      condition(
        'its scope_of_denial names this packet, its export time and exactly its allowed surfaces',
        exists.length > 0 && exists.every((claim) => claim.scope_of_denial.packet_id === packet.packet_id && claim.scope_of_denial.packet_as_of !== null && [...claim.scope_of_denial.surfaces_searched].sort().join() === [...packet.allowed_surfaces].sort().join()),
        exists.map((claim) => claim.scope_of_denial),
      ),
    ];
    return conclude('inspect fixtures/packets/fix7-a (the .py is on no allowed surface)', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  13: async (ctx) => {
    const view = await ctx.inspect('fix7-a');
    const results = claimsOfType(view.report, ['EXECUTION_RESULT']);
    const conditions = [
      condition('the dossier has execution-result claims', results.length > 0, results.map((claim) => claim.claim_id)),
      condition('each is INSUFFICIENT_EVIDENCE_FOR_CLAIM', results.length > 0 && results.every((claim) => claim.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM'), results.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('article14_status is NOT_PROVEN_EXECUTION_UNVERIFIED', view.report?.article14_status === 'NOT_PROVEN_EXECUTION_UNVERIFIED', view.report?.article14_status),
    ];
    return conclude('inspect fixtures/packets/fix7-a (no log, exit-code record or ledger)', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  14: async (ctx) => {
    const view = await ctx.inspect('execution-with-run-evidence');
    const execution = claimsOfType(view.report, EXECUTION_CLASS);
    const conditions = [
      condition('the dossier has execution-class claims', execution.length > 0, execution.map((claim) => claim.claim_id)),
      condition('with run evidence present they reach at most NO_READ_LEVEL_DEFECT_FOUND', execution.length > 0 && execution.every((claim) => claim.verdict === 'NO_READ_LEVEL_DEFECT_FOUND'), execution.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('every such verdict is NON_AUTHORITATIVE', execution.every((claim) => claim.authority === 'NON_AUTHORITATIVE' && claim.chain.adequacy_verdict.authority === 'NON_AUTHORITATIVE'), execution.map((claim) => claim.authority)),
      condition('article14_status is still NOT_PROVEN_EXECUTION_UNVERIFIED', view.report?.article14_status === 'NOT_PROVEN_EXECUTION_UNVERIFIED', view.report?.article14_status),
      condition('the report claims no proof of execution', view.report?.proves_execution === false, view.report?.proves_execution),
    ];
    return conclude('inspect fixtures/packets/execution-with-run-evidence', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  16: async (ctx) => {
    const view = await ctx.inspect('prose-only-pass');
    const report = view.report;
    const unbacked = report?.prose.pass_assertions.filter((group) => !group.backed).flatMap((group) => group.listed) ?? [];
    const conditions = [
      condition('FLAG_PROSE_ONLY_PASS is raised', report?.flags.includes('FLAG_PROSE_ONLY_PASS') === true, report?.flags),
      condition('the unbacked pass sentence is quoted', unbacked.some((entry) => /22\/22 PASS/.test(entry.excerpt)), unbacked.map((entry) => `line ${entry.line}: ${entry.excerpt}`)),
      condition('the dossier is READ_LEVEL_FAIL, exit 1', report?.final_verdict === 'READ_LEVEL_FAIL' && view.exit_code === 1, `${report?.final_verdict} exit ${view.exit_code}`),
    ];
    return conclude('inspect fixtures/packets/prose-only-pass ("22/22 PASS, exit 0" in prose only)', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  17: async (ctx) => {
    const view = await ctx.inspect('conflicting-exit-codes');
    const conflicting = view.report?.claims.filter((claim) => claim.verdict === 'EVIDENCE_CONFLICTING') ?? [];
    const conditions = [
      condition('a claim is EVIDENCE_CONFLICTING', conflicting.length > 0, conflicting.map((claim) => `${claim.claim_id}: ${claim.reasons.join(' / ')}`)),
      condition('the dossier is READ_LEVEL_FAIL', view.report?.final_verdict === 'READ_LEVEL_FAIL', view.report?.final_verdict),
    ];
    return conclude('inspect fixtures/packets/conflicting-exit-codes (two governed exit-code records disagree)', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  18: async (ctx) => {
    const view = await ctx.inspect('count-without-denominator');
    const flagged = view.report?.claims.filter((claim) => claim.claim_type === 'COUNT_OBSERVATION' && claim.flags.includes('FLAG_HARDCODED_DENOMINATOR')) ?? [];
    const conditions = [
      condition('the count claim carries FLAG_HARDCODED_DENOMINATOR', flagged.length > 0, flagged.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('the dossier flags include FLAG_HARDCODED_DENOMINATOR', view.report?.flags.includes('FLAG_HARDCODED_DENOMINATOR') === true, view.report?.flags),
      condition('the count claim is not accepted', flagged.every((claim) => claim.verdict !== 'NO_READ_LEVEL_DEFECT_FOUND'), flagged.map((claim) => claim.verdict)),
    ];
    return conclude('inspect fixtures/packets/count-without-denominator', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  20: async (ctx) => {
    const view = await ctx.inspect('authority-assertion');
    const details = view.report?.flag_details.filter((entry) => entry.flag === 'FLAG_AUTHORITY_VIOLATION') ?? [];
    const conditions = [
      condition('FLAG_AUTHORITY_VIOLATION is raised', view.report?.flags.includes('FLAG_AUTHORITY_VIOLATION') === true, view.report?.flags),
      condition('the flag says where the authority was asserted', details.length > 0, details.flatMap((group) => group.listed.map((entry) => `${entry.where}: ${group.detail}`))),
      condition('the report itself stays non-gating', view.report?.decision_effect === 'NONE' && view.report.may_gate === false, { decision_effect: view.report?.decision_effect, may_gate: view.report?.may_gate }),
    ];
    return conclude('inspect fixtures/packets/authority-assertion', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  21: async (ctx) => {
    const view = await ctx.inspect('unparsed-region');
    const report = view.report;
    const conditions = [
      condition('unparsed regions are listed', (report?.prose.unparsed_regions.length ?? 0) > 0, report?.prose.unparsed_regions.flatMap((group) => group.listed.map((entry) => `line ${entry.line}: ${entry.excerpt}`))),
      condition('inventory_complete is false', report?.inventory_complete === false, report?.inventory_complete),
      condition('the dossier is no better than UNVERIFIED and not "no blocking finding"', report !== undefined && ['UNVERIFIED', 'READ_LEVEL_FAIL', 'BLOCKED'].includes(report.final_verdict) && report.triage_outcome !== 'NO_BLOCKING_FINDING_BUT_UNCERTIFIED', `${report?.final_verdict} / ${report?.triage_outcome}`),
    ];
    return conclude('inspect fixtures/packets/unparsed-region', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  22: async (ctx) => {
    const view = await ctx.inspect('real-dossier-flawless');
    const report = view.report;
    const conditions = [
      condition('exit code is 2', view.exit_code === 2, view.exit_code),
      condition('final_verdict is UNVERIFIED', report?.final_verdict === 'UNVERIFIED', report?.final_verdict),
      condition('article14_status is NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS', report?.article14_status === 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS', report?.article14_status),
      condition('triage_outcome is NO_BLOCKING_FINDING_BUT_UNCERTIFIED', report?.triage_outcome === 'NO_BLOCKING_FINDING_BUT_UNCERTIFIED', report?.triage_outcome),
    ];
    return conclude('inspect fixtures/packets/real-dossier-flawless', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  23: async (ctx) => {
    const view = await ctx.inspect('tac-iu-join');
    const joined = view.report?.claims.filter((claim) => claim.corpus_reports.length > 0) ?? [];
    const corpora = joined.map((claim) => ({ claim: claim.claim_id, verdict: claim.verdict, corpora: claim.corpus_reports.map((entry) => ({ corpus: entry.corpus, items: entry.item_ids })) }));
    const disjoint = (claim: (typeof joined)[number]): boolean => {
      const tac = claim.corpus_reports.find((entry) => entry.corpus === 'TAC')?.item_ids ?? [];
      const iu = claim.corpus_reports.find((entry) => entry.corpus === 'IU')?.item_ids ?? [];
      return tac.length > 0 && iu.length > 0 && !tac.some((id) => iu.includes(id));
    };
    const conditions = [
      condition('the cross-corpus claim is reported per corpus: TAC and IU, each with its own items', joined.length > 0 && joined.every(disjoint), corpora),
      condition('it is never accepted as joined', joined.every((claim) => claim.verdict !== 'NO_READ_LEVEL_DEFECT_FOUND'), joined.map((claim) => claim.verdict)),
    ];
    return conclude('inspect fixtures/packets/tac-iu-join', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
};
