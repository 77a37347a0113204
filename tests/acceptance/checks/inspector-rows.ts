import type { AcceptanceContext } from '../context.js';
import type { InspectView } from '../resources/inspect.js';
import { claimsOfType, dependentClaimIds, EXECUTION_CLASS, readPacketJson, reportFields } from './report-fields.js';
import { conclude, condition, type Check, type Condition } from './outcome.js';

/**
 * L4 rows judged from real inspector runs on the fixture packets (fixtures/packets/), in-process
 * through the public API. Each condition states the SPEC row's expectation; the observed values
 * are read from the report.json the run wrote.
 */
function blockedNaming(view: InspectView, field: string): Condition[] {
  const report = view.report;
  return [
    condition('exit code is 3', view.exit_code === 3, view.exit_code),
    condition('final_verdict is BLOCKED', report?.final_verdict === 'BLOCKED', report?.final_verdict),
    condition(`a blocked reason names ${field === '' ? 'the header object itself (unknown key)' : field}`, report?.blocked_reasons.some((reason) => reason.path === field) === true, report?.blocked_reasons.map((reason) => `${reason.code} at ${reason.path}`)),
  ];
}

async function dossierIdentityRow(ctx: AcceptanceContext, fixture: string, field: 'document_id' | 'blueprint_ref' | 'revision'): Promise<ReturnType<Check> extends Promise<infer R> ? R : never> {
  const view = await ctx.inspect(fixture);
  const conditions = [
    ...blockedNaming(view, `dossier.${field}`),
    condition(`report.dossier.${field} is null (nothing inferred)`, view.report?.dossier[field] === null, view.report?.dossier[field]),
  ];
  return conclude(`inspect fixtures/packets/${fixture} (the dossier has no ${field})`, [view.run_id], conditions, { 'report-fields': reportFields(view) });
}

/** Claims that cite `itemId` in the packet must all be `verdict`, and the dossier BLOCKED. */
async function dependentClaimsRow(ctx: AcceptanceContext, fixtures: ReadonlyArray<{ fixture: string; item: string; problem: string }>, verdict: string): Promise<Awaited<ReturnType<Check>>> {
  const conditions: Condition[] = [];
  const fields: Record<string, unknown> = {};
  const runs: string[] = [];
  for (const { fixture, item, problem } of fixtures) {
    const view = await ctx.inspect(fixture);
    runs.push(view.run_id);
    fields[fixture] = reportFields(view);
    const report = view.report;
    const dependents = dependentClaimIds(readPacketJson(view.packet_path), item);
    const finding = report?.item_findings.find((entry) => entry.item_id === item);
    conditions.push(
      condition(`${fixture}: item ${item} is unusable with ${problem}`, finding?.usable === false && finding.problems.some((text) => text.startsWith(problem)), finding),
      condition(`${fixture}: at least one claim cites ${item}`, dependents.length > 0, dependents),
      condition(
        `${fixture}: every claim citing ${item} is ${verdict}`,
        dependents.length > 0 && dependents.every((id) => report?.claims.find((claim) => claim.claim_id === id)?.verdict === verdict),
        report?.claims.filter((claim) => dependents.includes(claim.claim_id)).map((claim) => `${claim.claim_id} ${claim.verdict}`),
      ),
      condition(`${fixture}: the dossier is BLOCKED, exit 3`, report?.final_verdict === 'BLOCKED' && view.exit_code === 3, `${report?.final_verdict} exit ${view.exit_code}`),
    );
  }
  return conclude(`inspect ${fixtures.map((entry) => entry.fixture).join(', ')}`, runs, conditions, { 'report-fields': fields });
}

/** Header failures: BLOCKED, exit 3, the field named, and no item used as evidence. */
async function headerRow(ctx: AcceptanceContext, fixtures: ReadonlyArray<{ fixture: string; field: string }>): Promise<Awaited<ReturnType<Check>>> {
  const conditions: Condition[] = [];
  const fields: Record<string, unknown> = {};
  const runs: string[] = [];
  for (const { fixture, field } of fixtures) {
    const view = await ctx.inspect(fixture);
    runs.push(view.run_id);
    fields[fixture] = reportFields(view);
    const report = view.report;
    const usedItems = report?.claims.flatMap((claim) => claim.chain.evidence_capability.filter((entry) => entry.provenanced).map((entry) => `${claim.claim_id}:${entry.item_id}`)) ?? ['(no report)'];
    conditions.push(
      ...blockedNaming(view, field).map((entry) => ({ ...entry, statement: `${fixture}: ${entry.statement}` })),
      condition(`${fixture}: no item is usable (items_usable 0)`, report?.items_usable === 0, report === undefined ? undefined : `${report.items_usable}/${report.items_total}`),
      condition(`${fixture}: no claim relies on a provenanced item`, usedItems.length === 0, usedItems),
    );
  }
  return conclude(`inspect ${fixtures.map((entry) => entry.fixture).join(', ')}`, runs, conditions, { 'report-fields': fields });
}

export const INSPECTOR_CHECKS: Readonly<Record<number, Check>> = {
  1: (ctx) => dossierIdentityRow(ctx, 'dossier-missing-document-id', 'document_id'),
  2: (ctx) => dossierIdentityRow(ctx, 'dossier-missing-blueprint-ref', 'blueprint_ref'),
  4: (ctx) => dossierIdentityRow(ctx, 'dossier-missing-revision', 'revision'),
  5: (ctx) => headerRow(ctx, [{ fixture: 'header-wrong-schema', field: 'schema' }, { fixture: 'header-missing-field', field: 'freshness' }, { fixture: 'header-unknown-key', field: '' }]),
  6: (ctx) =>
    headerRow(ctx, [
      { fixture: 'header-source-mode-live', field: 'source_mode' },
      { fixture: 'header-decision-effect-approve', field: 'decision_effect' },
      { fixture: 'header-may-gate-true', field: 'may_gate' },
      { fixture: 'header-role-superuser', field: 'export_operator.role_attributes.rolsuper' },
    ]),
  7: (ctx) => dependentClaimsRow(ctx, [{ fixture: 'item-missing-source-revision', item: 'kb-export-policy', problem: 'provenance/missing_source_metadata' }], 'BLOCKED_BY_UNVERIFIED_SOURCE'),
  8: async (ctx) => {
    const item = await dependentClaimsRow(ctx, [{ fixture: 'item-content-tampered', item: 'kb-export-policy', problem: 'provenance/hash_mismatch' }], 'BLOCKED_BY_UNVERIFIED_SOURCE');
    const manifest = await headerRow(ctx, [{ fixture: 'header-manifest-tampered', field: 'manifest_hash' }]);
    const conditions = [...(item.evidence.conditions as Condition[]), ...(manifest.evidence.conditions as Condition[])];
    const fields = { ...(item.evidence['report-fields'] as object), ...(manifest.evidence['report-fields'] as object) };
    return conclude('inspect item-content-tampered and header-manifest-tampered', [...(item.evidence.runs as string[]), ...(manifest.evidence.runs as string[])], conditions, { 'report-fields': fields });
  },
  9: async (ctx) => {
    const view = await ctx.inspect('item-local-surface');
    const report = view.report;
    const packet = readPacketJson(view.packet_path);
    const local = packet.items.filter((entry) => String(entry.source_metadata?.governed_surface ?? '').startsWith('/')).map((entry) => entry.item_id);
    const usedAsEvidence = report?.claims.flatMap((claim) => claim.chain.evidence_capability.filter((entry) => local.includes(entry.item_id) && entry.provenanced).map((entry) => `${claim.claim_id}:${entry.item_id}`));
    const acceptedOnLocal = report?.claims.filter((claim) => claim.verdict === 'NO_READ_LEVEL_DEFECT_FOUND' && claim.chain.evidence.length > 0 && claim.chain.evidence.every((entry) => local.includes(entry.item_id)));
    const conditions = [
      condition('the packet holds an item whose surface is a local path', local.length > 0, local),
      condition('FLAG_LOCAL_FIRST_AUTHORITY is raised', report?.flags.includes('FLAG_LOCAL_FIRST_AUTHORITY') === true, report?.flags),
      condition('the local item is marked local_first and unusable', local.length > 0 && local.every((id) => report?.item_findings.some((entry) => entry.item_id === id && entry.local_first && !entry.usable) === true), report?.item_findings.filter((entry) => local.includes(entry.item_id))),
      condition('no claim uses the local item as provenanced evidence', usedAsEvidence?.length === 0, usedAsEvidence),
      condition('no claim resting only on the local item is accepted', acceptedOnLocal?.length === 0, acceptedOnLocal?.map((claim) => claim.claim_id)),
    ];
    return conclude('inspect fixtures/packets/item-local-surface', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  10: (ctx) =>
    dependentClaimsRow(
      ctx,
      [
        { fixture: 'item-stale', item: 'kb-export-policy', problem: 'provenance/stale_item' },
        { fixture: 'item-observed-after-export', item: 'kb-export-policy', problem: 'provenance/observed_after_export' },
      ],
      'BLOCKED_BY_UNVERIFIED_SOURCE',
    ),
  11: async (ctx) => {
    const view = await ctx.inspect('fix7-a');
    const runs = claimsOfType(view.report, ['EXECUTABLE_RUNS']);
    const mdCapabilities = runs.flatMap((claim) => claim.chain.evidence.filter((entry) => entry.path?.endsWith('.md') === true).map((entry) => ({ claim: claim.claim_id, item: entry.item_id, classes: entry.evidence_classes, capability: claim.chain.evidence_capability.find((cap) => cap.item_id === entry.item_id) })));
    const conditions = [
      condition('the dossier claims an executable runs', runs.length > 0, runs.map((claim) => claim.claim_id)),
      condition('every EXECUTABLE_RUNS claim is INSUFFICIENT_EVIDENCE_FOR_CLAIM', runs.length > 0 && runs.every((claim) => claim.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM'), runs.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('the .md offered is judged the wrong kind (right_kind false)', mdCapabilities.length > 0 && mdCapabilities.every((entry) => entry.capability?.right_kind === false), mdCapabilities),
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
    const unbacked = report?.prose.pass_assertions.filter((entry) => entry.backed !== true) ?? [];
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
      condition('the flag says where the authority was asserted', details.length > 0, details.map((entry) => `${entry.where}: ${entry.detail}`)),
      condition('the report itself stays non-gating', view.report?.decision_effect === 'NONE' && view.report.may_gate === false, { decision_effect: view.report?.decision_effect, may_gate: view.report?.may_gate }),
    ];
    return conclude('inspect fixtures/packets/authority-assertion', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  21: async (ctx) => {
    const view = await ctx.inspect('unparsed-region');
    const report = view.report;
    const conditions = [
      condition('unparsed regions are listed', (report?.prose.unparsed_regions.length ?? 0) > 0, report?.prose.unparsed_regions.map((entry) => `line ${entry.line}: ${entry.excerpt}`)),
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
