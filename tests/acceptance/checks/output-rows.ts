import { readFileSync } from 'node:fs';
import path from 'node:path';
import { itemIdsWhere, type Report } from '../../../src/index.js';
import { fixturePacketPath, inspectWatched, type InspectView } from '../resources/inspect.js';
import { plantedRejection } from './guard-evidence.js';
import { allFixtures } from './guard-rows.js';
import { conclude, condition, type Check } from './outcome.js';
import { probeConditions } from './probe-evidence.js';
import { claimById, claimsOfType, EXECUTION_CLASS, reportFields } from './report-fields.js';

/**
 * Output-contract rows (39–42) over every fixture run, and the end-to-end fixture rows (15,
 * 43–45) through `tki run` in the real sandbox.
 */

/** Every JSON object in a value, with its path: row 39 says *every* output object. */
function objectsIn(value: unknown, where = '$'): Array<{ where: string; object: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((entry, index) => objectsIn(entry, `${where}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  return [{ where, object }, ...Object.entries(object).flatMap(([key, entry]) => objectsIn(entry, `${where}.${key}`))];
}

/**
 * Global-absence wording, written here independently of policy/text-rules.ts (the inspector's own
 * list), so the row does not grade the inspector with its own answer key.
 */
const GLOBAL_ABSENCE = [/\bdoes\s+not\s+exist\b/i, /\bdoesn['’]t\s+exist\b/i, /\bdo\s+not\s+exist\b/i, /\babsent\s+everywhere\b/i, /\bexists?\s+nowhere\b/i, /\bnever\s+existed\b/i, /\bno\s+such\s+\w+\s+exists\b/i, /\bnowhere\s+(to\s+be\s+found|in\s+the\s+system)\b/i];

const readOut = (view: InspectView, file: string): string => readFileSync(path.join(view.out_dir, file), 'utf8');

async function everyFixture(ctx: Parameters<Check>[0]): Promise<InspectView[]> {
  const views: InspectView[] = [];
  for (const fixture of allFixtures(ctx.repoRoot)) views.push(await ctx.inspect(fixture));
  return views;
}

function fix7Conditions(view: InspectView): ReturnType<typeof condition>[] {
  const report = view.report;
  const verdictOf = (id: string): string | undefined => claimById(report, id)?.verdict;
  return [
    condition('exit 1, READ_LEVEL_FAIL', view.exit_code === 1 && report?.final_verdict === 'READ_LEVEL_FAIL', `${report?.final_verdict} exit ${view.exit_code}`),
    condition('NOT_PROVEN_EXECUTION_UNVERIFIED', report?.article14_status === 'NOT_PROVEN_EXECUTION_UNVERIFIED', report?.article14_status),
    condition('C1 NOT_EVIDENCED_IN_ALLOWED_SURFACES', verdictOf('C1') === 'NOT_EVIDENCED_IN_ALLOWED_SURFACES', verdictOf('C1')),
    condition('C2a, C2b, C5, C8 INSUFFICIENT_EVIDENCE_FOR_CLAIM', ['C2a', 'C2b', 'C5', 'C8'].every((id) => verdictOf(id) === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM'), ['C2a', 'C2b', 'C5', 'C8'].map((id) => `${id} ${verdictOf(id)}`)),
    condition('C4 carries FLAG_PROSE_ONLY_PASS', claimById(report, 'C4')?.flags.includes('FLAG_PROSE_ONLY_PASS') === true, claimById(report, 'C4')?.flags),
  ];
}

export const OUTPUT_CHECKS: Readonly<Record<number, Check>> = {
  15: async (ctx) => {
    const view = await ctx.sandboxRun('fix7-a', fixturePacketPath(ctx.repoRoot, 'fix7-a'));
    const hashClaims = claimsOfType(view.report, ['HASH_REPRODUCED']);
    const conditions = [
      condition('the dossier claims a reproduced hash', hashClaims.length > 0, hashClaims.map((claim) => claim.claim_id)),
      condition('it is INSUFFICIENT_EVIDENCE_FOR_CLAIM (no HASH_PIN evidence)', hashClaims.length > 0 && hashClaims.every((claim) => claim.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM'), hashClaims.map((claim) => `${claim.claim_id} ${claim.verdict}: ${claim.reasons.join(' / ')}`)),
      condition('the run was inside the sandbox, where exec is denied, and the report claims no execution', view.via === 'tki run' && view.report?.proves_execution === false, { via: view.via, proves_execution: view.report?.proves_execution }),
    ];
    return conclude('tki run (bwrap, exec locked) fixtures/packets/fix7-a', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  39: async (ctx) => {
    const views = await everyFixture(ctx);
    const missing: string[] = [];
    let objects = 0;
    for (const view of views) {
      if (view.report === undefined) {
        missing.push(`${path.basename(view.out_dir)}: ${view.report_problem}`);
        continue;
      }
      for (const { where, object } of objectsIn(JSON.parse(readOut(view, 'report.json')))) {
        objects += 1;
        if (object.decision_effect !== 'NONE' || object.may_gate !== false) missing.push(`${path.basename(view.out_dir)} ${where}`);
      }
    }
    const conditions = [
      condition('every fixture packet produced a report.json', views.length > 0 && views.every((view) => view.report !== undefined), `${views.filter((view) => view.report !== undefined).length}/${views.length}`),
      condition('every object in every report.json has decision_effect NONE and may_gate false', missing.length === 0 && objects > 0, { objects_checked: objects, without_stamps: missing.slice(0, 20) }),
    ];
    return conclude(`inspect all ${views.length} fixture packets and walk every object of every report.json`, views.map((view) => view.run_id), conditions, { 'report-fields': { reports: views.length, objects_checked: objects, without_stamps: missing.slice(0, 20) } });
  },
  40: async (ctx) => {
    const views = await everyFixture(ctx);
    const negatives: string[] = [];
    const unscoped: string[] = [];
    const noDisclaimer: string[] = [];
    for (const view of views) {
      const report = view.report as Report | undefined;
      if (report === undefined) {
        noDisclaimer.push(`${path.basename(view.out_dir)}: no report`);
        continue;
      }
      if (report.disclaimer === '' || !readOut(view, 'report.md').includes(report.disclaimer.slice(0, 60))) noDisclaimer.push(path.basename(view.out_dir));
      for (const claim of report.claims.filter((entry) => entry.verdict !== 'NO_READ_LEVEL_DEFECT_FOUND')) {
        negatives.push(`${path.basename(view.out_dir)}:${claim.claim_id}`);
        const scope = claim.scope_of_denial;
        // A packet refused at its header was never searched: an empty surfaces_searched is then the honest scope.
        const searched = report.blocked_reasons.length > 0 || scope.surfaces_searched.length > 0;
        if (scope.packet_id !== report.packet.packet_id || scope.packet_as_of !== report.packet.packet_as_of || !Array.isArray(scope.surfaces_searched) || !searched) unscoped.push(`${path.basename(view.out_dir)}:${claim.claim_id} ${JSON.stringify(scope)}`);
      }
    }
    const conditions = [
      condition('the fixture runs include negative verdicts', negatives.length > 0, negatives.length),
      condition('every negative verdict has scope_of_denial naming its packet and export time, and the surfaces searched whenever the packet was read past its header', unscoped.length === 0, unscoped.slice(0, 20)),
      condition('every report carries the disclaimer, in report.json and report.md', noDisclaimer.length === 0, noDisclaimer),
    ];
    return conclude(`inspect all ${views.length} fixture packets; check every negative claim verdict and every disclaimer`, views.map((view) => view.run_id), conditions, { 'report-fields': { negative_verdicts: negatives.length, sample: negatives.slice(0, 12), unscoped, without_disclaimer: noDisclaimer } });
  },
  41: async (ctx) => {
    const view = await ctx.sandboxRun('global-denial-trap-d', fixturePacketPath(ctx.repoRoot, 'global-denial-trap-d'));
    const texts = view.out_files.map((file) => [file, readOut(view, file)] as const);
    const hits = texts.flatMap(([file, text]) => GLOBAL_ABSENCE.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern.source}`));
    const dossier = readFileSync(path.join(view.packet_path, 'packet.json'), 'utf8');
    const planted = await ctx.plantedGuard();
    const rejection = plantedRejection(planted, 'row41-global-denial.ts');
    const conditions = [
      condition('the packet does tempt: its text uses global-absence wording', GLOBAL_ABSENCE.some((pattern) => pattern.test(dossier)), GLOBAL_ABSENCE.filter((pattern) => pattern.test(dossier)).map((pattern) => pattern.source)),
      condition('FLAG_GLOBAL_DENIAL_WORDING is raised', view.report?.flags.includes('FLAG_GLOBAL_DENIAL_WORDING') === true, view.report?.flags),
      condition('no file the inspector wrote contains global-absence wording', texts.length === 3 && hits.length === 0, { files: texts.map(([file]) => file), hits }),
      ...rejection.conditions,
    ];
    return conclude('tki run (bwrap) fixture D; scan the three written files; plant "does not exist" in a copy of src/', [view.run_id, planted.run_id], conditions, { 'report-fields': reportFields(view), 'guard-findings': { planted: rejection.findings } });
  },
  42: async (ctx) => {
    const hostileName = '../../Evil Name!/x';
    const view = await ctx.sandboxRun('hostile-name', fixturePacketPath(ctx.repoRoot, 'real-dossier-flawless'), hostileName);
    const watched = await inspectWatched(ctx.log, fixturePacketPath(ctx.repoRoot, 'real-dossier-flawless'), path.join(ctx.outRoot, 'runs', 'inspect-watched'), 'watched');
    const probes = probeConditions(await ctx.attestation(), ['PR-FS-OUT-OK', 'PR-MOUNT-1']);
    const temps = watched.events.filter((event) => /^\..+\.tmp$/.test(event.file));
    const finals = ['report.json', 'report.md', 'checkpoint-watched.md'];
    const conditions = [
      condition(`tki run --name "${hostileName}": exactly three files, the checkpoint name sanitized to [a-z0-9-]`, view.out_files.length === 3 && view.out_files.filter((file) => /^checkpoint-[a-z0-9-]+\.md$/.test(file)).length === 1 && view.out_files.includes('report.json') && view.out_files.includes('report.md'), view.out_files),
      condition('each report file was first written under a temp name in the output directory', finals.every((file) => temps.some((event) => event.file.startsWith(`.${file}.`))), temps.map((event) => `${event.event} ${event.file}`)),
      condition('each temp file was renamed into place: only the three names remain', watched.out_files.join() === [...finals].sort().join(), watched.out_files),
      ...probes.conditions,
    ];
    return conclude('tki run with a hostile --name; inspectPacket with the output directory watched (inotify)', [view.run_id, watched.run_id, probes.probes.run_id as string], conditions, {
      'report-fields': { tki_run: reportFields(view), watched_events: watched.events.map((event) => `${event.event} ${event.file}`) },
      probe: probes.probes,
    });
  },
  43: async (ctx) => {
    const dir = await ctx.sandboxRun('fix7-a', fixturePacketPath(ctx.repoRoot, 'fix7-a'));
    const file = await ctx.sandboxRun('fix7-a-single-file', fixturePacketPath(ctx.repoRoot, 'fix7-a-single-file'));
    const conditions = [...fix7Conditions(dir).map((entry) => ({ ...entry, statement: `directory packet: ${entry.statement}` })), ...fix7Conditions(file).map((entry) => ({ ...entry, statement: `single .json packet: ${entry.statement}` }))];
    return conclude('tki run (bwrap) FIX7 fixture A, as a directory and as a single .json file', [dir.run_id, file.run_id], conditions, { 'report-fields': { directory: reportFields(dir), single_file: reportFields(file) } });
  },
  44: async (ctx) => {
    const view = await ctx.sandboxRun('fix7-a-prime', fixturePacketPath(ctx.repoRoot, 'fix7-a-prime'));
    const exists = claimsOfType(view.report, ['ARTIFACT_EXISTS']);
    const execution = claimsOfType(view.report, EXECUTION_CLASS);
    const usedClasses = exists.flatMap((claim) => {
      const used = itemIdsWhere(claim, (answers) => answers.provenanced && answers.right_kind);
      return claim.chain.evidence.filter((group) => group.item_ids.some((id) => used.includes(id))).flatMap((group) => group.evidence_classes);
    });
    const conditions = [
      condition('the existence claim is evidenced by the governed listing (NO_READ_LEVEL_DEFECT_FOUND, NON_AUTHORITATIVE)', exists.length > 0 && exists.every((claim) => claim.verdict === 'NO_READ_LEVEL_DEFECT_FOUND' && claim.authority === 'NON_AUTHORITATIVE'), exists.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('the evidence it used proves existence only', usedClasses.includes('ARTIFACT_EXISTENCE_EVIDENCE') && !usedClasses.some((name) => ['LOG', 'EXIT_CODE', 'RUN_LEDGER', 'TEST_REPORT', 'CI_RUN_RECORD'].includes(name)), usedClasses),
      condition('every execution-class claim is still INSUFFICIENT_EVIDENCE_FOR_CLAIM', execution.length > 0 && execution.every((claim) => claim.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM'), execution.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('NOT_PROVEN_EXECUTION_UNVERIFIED', view.report?.article14_status === 'NOT_PROVEN_EXECUTION_UNVERIFIED', view.report?.article14_status),
    ];
    return conclude("tki run (bwrap) fixture A′ (the .py listed with its hash on pg:dot_tools)", [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
  45: async (ctx) => {
    const view = await ctx.sandboxRun('stripped-negative', fixturePacketPath(ctx.repoRoot, 'stripped-negative'));
    const claims = view.report?.claims ?? [];
    const conditions = [
      condition('the dossier is BLOCKED, exit 3', view.report?.final_verdict === 'BLOCKED' && view.exit_code === 3, `${view.report?.final_verdict} exit ${view.exit_code}`),
      condition('every claim is BLOCKED_BY_UNVERIFIED_SOURCE', claims.length > 0 && claims.every((claim) => claim.verdict === 'BLOCKED_BY_UNVERIFIED_SOURCE'), claims.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('no item is usable', view.report?.items_usable === 0, view.report === undefined ? undefined : `${view.report.items_usable}/${view.report.items_total}`),
    ];
    return conclude('tki run (bwrap) the real dossier with its source_metadata stripped', [view.run_id], conditions, { 'report-fields': reportFields(view) });
  },
};
