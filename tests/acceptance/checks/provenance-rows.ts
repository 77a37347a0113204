import type { RowOutcome } from '../binding.js';
import type { AcceptanceContext } from '../context.js';
import type { InspectView } from '../resources/inspect.js';
import { itemIdsWhere } from '../../../src/index.js';
import { dependentClaimIds, readPacketJson, reportFields } from './report-fields.js';
import { conclude, condition, type Check, type Condition } from './outcome.js';

/**
 * L4 rows 1–10 (dossier identity, header, item provenance), judged from real inspector runs on
 * the fixture packets (fixtures/packets/), in-process through the public API. Each condition
 * states the SPEC row's expectation; the observed values are read from the report.json the run wrote.
 */
function blockedNaming(view: InspectView, field: string): Condition[] {
  const report = view.report;
  return [
    condition('exit code is 3', view.exit_code === 3, view.exit_code),
    condition('final_verdict is BLOCKED', report?.final_verdict === 'BLOCKED', report?.final_verdict),
    condition(`a blocked reason names ${field === '' ? 'the header object itself (unknown key)' : field}`, report?.blocked_reasons.some((reason) => reason.path === field) === true, report?.blocked_reasons.map((reason) => `${reason.code} at ${reason.path}`)),
  ];
}

async function dossierIdentityRow(ctx: AcceptanceContext, fixture: string, field: 'document_id' | 'blueprint_ref' | 'revision'): Promise<RowOutcome> {
  const view = await ctx.inspect(fixture);
  const conditions = [
    ...blockedNaming(view, `dossier.${field}`),
    condition(`report.dossier.${field} is null (nothing inferred)`, view.report?.dossier[field] === null, view.report?.dossier[field]),
  ];
  return conclude(`inspect fixtures/packets/${fixture} (the dossier has no ${field})`, [view.run_id], conditions, { 'report-fields': reportFields(view) });
}

/** Claims that cite `itemId` in the packet must all be `verdict`, and the dossier BLOCKED. */
async function dependentClaimsRow(ctx: AcceptanceContext, fixtures: ReadonlyArray<{ fixture: string; item: string; problem: string }>, verdict: string): Promise<RowOutcome> {
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
async function headerRow(ctx: AcceptanceContext, fixtures: ReadonlyArray<{ fixture: string; field: string }>): Promise<RowOutcome> {
  const conditions: Condition[] = [];
  const fields: Record<string, unknown> = {};
  const runs: string[] = [];
  for (const { fixture, field } of fixtures) {
    const view = await ctx.inspect(fixture);
    runs.push(view.run_id);
    fields[fixture] = reportFields(view);
    const report = view.report;
    const usedItems = report?.claims.flatMap((claim) => itemIdsWhere(claim, (answers) => answers.provenanced).map((id) => `${claim.claim_id}:${id}`)) ?? ['(no report)'];
    conditions.push(
      ...blockedNaming(view, field).map((entry) => ({ ...entry, statement: `${fixture}: ${entry.statement}` })),
      condition(`${fixture}: no item is usable (items_usable 0)`, report?.items_usable === 0, report === undefined ? undefined : `${report.items_usable}/${report.items_total}`),
      condition(`${fixture}: no claim relies on a provenanced item`, usedItems.length === 0, usedItems),
    );
  }
  return conclude(`inspect ${fixtures.map((entry) => entry.fixture).join(', ')}`, runs, conditions, { 'report-fields': fields });
}

export const PROVENANCE_CHECKS: Readonly<Record<number, Check>> = {
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
    const usedAsEvidence = report?.claims.flatMap((claim) => itemIdsWhere(claim, (answers) => answers.provenanced).filter((id) => local.includes(id)).map((id) => `${claim.claim_id}:${id}`));
    const listedIds = (claim: NonNullable<typeof report>['claims'][number]): string[] => claim.chain.evidence.flatMap((group) => group.item_ids);
    const acceptedOnLocal = report?.claims.filter((claim) => claim.verdict === 'NO_READ_LEVEL_DEFECT_FOUND' && listedIds(claim).length > 0 && listedIds(claim).every((id) => local.includes(id)));
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
};
