import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RowOutcome } from '../binding.js';
import { DEFAULT_PROFILE } from '../../../sandbox/index.js';
import { writePacketDir } from '../../sandbox/helpers/packet.js';
import type { AcceptanceContext } from '../context.js';
import { fixturePacketPath, type InspectView } from '../resources/inspect.js';
import { inspectBare, inspectInSandbox, type SandboxedInspectView } from '../resources/sandbox.js';
import { plantedRejection, realTreeFreeOf } from './guard-evidence.js';
import { conclude, condition, type Check, type Condition } from './outcome.js';
import { probeConditions } from './probe-evidence.js';
import { reportFields } from './report-fields.js';

/**
 * Rows that must hold against the real sandbox (24–37 that name L1 or L3): the shared bwrap
 * attestation's probe records, P1 refusals inside deliberately deviating sandboxes, `tki run`
 * over hostile packets, plus the L2 half from the guard where the row names it.
 */
const p1Refused = (view: SandboxedInspectView, invariant: string, sandboxed = true): Condition[] => [
  ...(sandboxed ? [condition(`${view.label}: the sandbox started`, view.problem === undefined, view.problem ?? 'started')] : []),
  condition(`${view.label}: exit 3`, view.exit_code === 3, view.exit_code),
  condition(`${view.label}: one stderr line naming "${invariant}"`, view.stderr.trim().split('\n').length === 1 && view.stderr.includes(`"${invariant}"`), view.stderr.trim()),
  condition(`${view.label}: nothing printed, nothing written`, view.stdout === '' && view.out_files.length === 0, { stdout: view.stdout, out_files: view.out_files }),
];

const p1Evidence = (view: SandboxedInspectView): Record<string, unknown> => ({ run_id: view.run_id, label: view.label, exit_code: view.exit_code, stderr: view.stderr.trim(), out_files: view.out_files });

/** Scratch packets live under the acceptance output, so the self-audit can re-read them after the run. */
function scratch(ctx: AcceptanceContext, label: string): string {
  const directory = path.join(ctx.outRoot, 'scratch', label);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  return directory;
}

/** A small valid packet whose note item points at a live system instead of a file in the packet. */
async function liveReferenceRuns(ctx: AcceptanceContext, label: string, references: readonly string[]): Promise<InspectView[]> {
  const views: InspectView[] = [];
  for (const [index, reference] of references.entries()) {
    const packet = writePacketDir(path.join(scratch(ctx, `${label}-${index + 1}`), 'packet'), { contentFile: reference });
    views.push(await ctx.sandboxRun(`${label}-${index + 1}`, packet));
  }
  return views;
}

function liveReferenceConditions(views: readonly InspectView[], references: readonly string[]): Condition[] {
  return views.map((view, index) =>
    condition(
      `content_file ${references[index]} → the claim citing it is BLOCKED_BY_UNSAFE_ACCESS (run in bwrap)`,
      view.report?.claims.some((claim) => claim.verdict === 'BLOCKED_BY_UNSAFE_ACCESS') === true && view.report.final_verdict === 'BLOCKED',
      view.report === undefined ? view.report_problem : `${view.report.final_verdict}; ${view.report.claims.map((claim) => `${claim.claim_id} ${claim.verdict}`).join(', ')}; ${view.report.item_findings.flatMap((entry) => entry.problems).join(' / ')}`,
    ),
  );
}

async function liveSystemRow(ctx: AcceptanceContext, row: 'kb' | 'pg'): Promise<RowOutcome> {
  const spec = row === 'kb'
    ? { plant: 'row34-kb-sdk.ts', capability: 'KNOWLEDGE_BASE', references: ['https://kb.example.org/items/design-note', '/run/directus/kb.sock'], port: '127.0.0.1:8055 EPERM' }
    : { plant: 'row35-db-client.ts', capability: 'DATABASE', references: ['postgres://ro@db.internal:5432/kb', '/var/run/postgresql/.s.PGSQL.5432'], port: '127.0.0.1:5432 EPERM' };
  const attestation = await ctx.attestation();
  const probes = probeConditions(attestation, ['PR-NET-1', 'PR-SOCK-1']);
  const tcp = attestation.probes.find((probe) => probe.id === 'PR-NET-1');
  const planted = await ctx.plantedGuard();
  const rejection = plantedRejection(planted, spec.plant);
  const realGuard = await ctx.realGuard();
  const real = realTreeFreeOf(realGuard, [spec.capability, 'NETWORK']);
  const views = await liveReferenceRuns(ctx, `live-${row}`, spec.references);
  const conditions = [
    ...probes.conditions,
    condition(`a connection to ${spec.port.split(' ')[0]} gets no socket (EPERM)`, tcp?.observed.includes(spec.port) === true, tcp?.observed),
    ...rejection.conditions,
    ...real.conditions,
    ...liveReferenceConditions(views, spec.references),
  ];
  return conclude(
    `probe ${spec.port.split(' ')[0]} from inside; plant a ${row === 'kb' ? 'Directus SDK' : 'PostgreSQL client'} import; tki run packets whose item points at a live ${row === 'kb' ? 'KB' : 'PG'}`,
    [attestation.run_id, planted.run_id, realGuard.run_id, ...views.map((view) => view.run_id)],
    conditions,
    { probe: probes.probes, 'guard-findings': { planted: rejection.findings, real_tree: real.evidence }, 'report-fields': Object.fromEntries(views.map((view, index) => [spec.references[index] ?? '', reportFields(view)])) },
  );
}

/** L1+L2 rows: the kernel refuses inside the sandbox, the guard rejects the planted import, and the real tree reaches none of it. */
async function kernelAndBuildRow(ctx: AcceptanceContext, probeIds: readonly string[], plantFile: string, capabilities: readonly string[], attempted: string): Promise<RowOutcome> {
  const attestation = await ctx.attestation();
  const probes = probeConditions(attestation, probeIds);
  const planted = await ctx.plantedGuard();
  const rejection = plantedRejection(planted, plantFile);
  const realGuard = await ctx.realGuard();
  const real = realTreeFreeOf(realGuard, capabilities);
  return conclude(attempted, [attestation.run_id, planted.run_id, realGuard.run_id], [...probes.conditions, ...rejection.conditions, ...real.conditions], {
    probe: probes.probes,
    'guard-findings': { planted: rejection.findings, real_tree: real.evidence },
  });
}

export const SANDBOX_CHECKS: Readonly<Record<number, Check>> = {
  25: (ctx) => kernelAndBuildRow(ctx, ['PR-EXEC-1'], 'row25-subprocess.ts', ['EXEC'], 'exec /bin/sh and node from inside the sandbox; plant a child_process import; check the real tree'),
  27: (ctx) => kernelAndBuildRow(ctx, ['PR-NET-1', 'PR-NET-2', 'PR-SOCK-1'], 'row27-network-client.ts', ['NETWORK'], 'connect out and list interfaces from inside the sandbox; plant a node:net import; check the real tree'),
  28: async (ctx) => {
    const probes = probeConditions(await ctx.attestation(), ['PR-ENV-1']);
    const secret = 'acceptance-not-a-real-secret';
    const packet = writePacketDir(path.join(scratch(ctx, 'p1-env'), 'packet'));
    const refused = await inspectInSandbox(ctx.log, 'a secret-like key in the sandbox env', { ...DEFAULT_PROFILE, env: { ...DEFAULT_PROFILE.env, AWS_SECRET_ACCESS_KEY: secret } }, packet);
    const conditions = [
      ...probes.conditions,
      ...p1Refused(refused, 'env-clean'),
      condition('the refusal names the key but never its value', refused.stderr.includes('AWS_SECRET_ACCESS_KEY') && !refused.stderr.includes(secret), refused.stderr.trim()),
    ];
    return conclude('list the environment inside the sandbox; start tki inspect in a sandbox whose env holds AWS_SECRET_ACCESS_KEY', [probes.probes.run_id as string, refused.run_id], conditions, { probe: probes.probes, 'self-check': p1Evidence(refused) });
  },
  29: async (ctx) => {
    const probes = probeConditions(await ctx.attestation(), ['PR-FS-ESC-2', 'PR-MOUNT-1']);
    const view = await ctx.sandboxRun('item-path-escape', fixturePacketPath(ctx.repoRoot, 'item-path-escape'));
    const reportText = view.report === undefined ? '' : readFileSync(path.join(view.out_dir, 'report.json'), 'utf8');
    const conditions = [
      ...probes.conditions,
      condition('tki run: a claim relying on the escaping item is BLOCKED_BY_UNSAFE_ACCESS', view.report?.claims.some((claim) => claim.verdict === 'BLOCKED_BY_UNSAFE_ACCESS') === true, view.report?.claims.map((claim) => `${claim.claim_id} ${claim.verdict}`)),
      condition('tki run: the dossier is BLOCKED, exit 3', view.report?.final_verdict === 'BLOCKED' && view.exit_code === 3, `${view.report?.final_verdict} exit ${view.exit_code}`),
      condition('the report holds no byte of the host file', reportText !== '' && !reportText.includes('root:x:0:0'), reportText === '' ? 'no report' : 'no /etc/passwd line in report.json'),
    ];
    return conclude('read host paths from inside the sandbox; tki run a packet whose content_file is ../../etc/passwd', [probes.probes.run_id as string, view.run_id], conditions, { probe: probes.probes, 'report-fields': reportFields(view) });
  },
  30: async (ctx) => {
    const planted = await ctx.plantedGuard();
    const rejection = plantedRejection(planted, 'row30-db-driver.ts');
    const realGuard = await ctx.realGuard();
    const real = realTreeFreeOf(realGuard, ['DATABASE']);
    const attestation = await ctx.attestation();
    const probes = probeConditions(attestation, ['PR-NET-1']);
    const tcp = attestation.probes.find((probe) => probe.id === 'PR-NET-1');
    const conditions = [...rejection.conditions, ...real.conditions, ...probes.conditions, condition('a PostgreSQL port gets no socket (EPERM)', tcp?.observed.includes('127.0.0.1:5432 EPERM') === true, tcp?.observed)];
    return conclude('plant `import pg from "pg"` in a copy of src/; connect to 127.0.0.1:5432 from inside the sandbox', [planted.run_id, realGuard.run_id, attestation.run_id], conditions, { 'guard-findings': { planted: rejection.findings, real_tree: real.evidence }, probe: probes.probes });
  },
  33: async (ctx) => {
    const probes = probeConditions(await ctx.attestation(), ['PR-FS-ESC-1', 'PR-FS-RO-IN', 'PR-FS-OUT-OK']);
    const writer = await ctx.writer();
    const view = await ctx.sandboxRun('real-dossier-flawless', fixturePacketPath(ctx.repoRoot, 'real-dossier-flawless'));
    const conditions = [
      ...probes.conditions,
      condition('the write edge was driven', writer.problem === undefined && writer.attempts.length > 0, writer.problem ?? `${writer.attempts.length} hostile names`),
      ...writer.attempts.map((attempt) => condition(`write edge given "${attempt.hostile_name}": no file lands outside the output directory`, attempt.escaped_files.length === 0, { writer_said: attempt.writer_said, escaped_files: attempt.escaped_files, files_in_out: attempt.files_in_out })),
      condition('tki run writes exactly report.json, report.md and one checkpoint into --out', view.out_files.length === 3 && view.out_files.includes('report.json') && view.out_files.includes('report.md') && view.out_files.some((file) => /^checkpoint-[a-z0-9-]+\.md$/.test(file)), view.out_files),
    ];
    return conclude('write to /, /etc, /in and /out from inside the sandbox; drive the write edge with ../ names; tki run the real dossier', [probes.probes.run_id as string, writer.run_id, view.run_id], conditions, {
      probe: probes.probes,
      'report-fields': { writer: { run_id: writer.run_id, module: writer.module, attempts: writer.attempts }, tki_run: reportFields(view) },
    });
  },
  34: (ctx) => liveSystemRow(ctx, 'kb'),
  35: (ctx) => liveSystemRow(ctx, 'pg'),
  36: async (ctx) => {
    const probes = probeConditions(await ctx.attestation(), ['PR-SOCK-DOCKER']);
    return conclude('lstat and connect to the docker, podman and containerd sockets from inside the sandbox', [probes.probes.run_id as string], probes.conditions, { probe: probes.probes });
  },
  37: async (ctx) => {
    const packet = writePacketDir(path.join(scratch(ctx, 'p1'), 'packet'));
    const elsewhere = await inspectInSandbox(ctx.log, 'the packet mounted at /elsewhere', { ...DEFAULT_PROFILE, packet: { target: '/elsewhere', access: 'read-only' } }, packet);
    const hostNet = await inspectInSandbox(ctx.log, 'the host network namespace', { ...DEFAULT_PROFILE, namespaces: DEFAULT_PROFILE.namespaces.filter((namespace) => namespace !== 'net') }, packet);
    const bare = await inspectBare(ctx.log, ctx.repoRoot, packet);
    const bareInvariant = /"([a-z-]+)"/.exec(bare.stderr)?.[1] ?? '(none named)';
    const conditions = [
      ...p1Refused(elsewhere, 'mounts-exact'),
      ...p1Refused(hostNet, 'net-lo-only'),
      condition('no sandbox: the refusal is the P1 self-check', bare.stderr.startsWith('tki: BLOCKED: sandbox self-check (P1)'), bare.stderr.trim()),
      ...p1Refused(bare, bareInvariant, false),
    ];
    return conclude('start tki inspect with the output mount moved, with the host network, and with no sandbox at all', [elsewhere.run_id, hostNet.run_id, bare.run_id], conditions, {
      'self-check': { output_elsewhere: p1Evidence(elsewhere), host_network: p1Evidence(hostNet), no_sandbox: p1Evidence(bare) },
    });
  },
};
