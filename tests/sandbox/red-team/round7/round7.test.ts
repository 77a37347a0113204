/**
 * Round-7 red-team audit (issue #12, black box: no sandbox/, cli/, native/ or src/ source was read).
 * - A compromised inspector (round 4's compromised package; evil7.mjs runs in place of `tki inspect`, locked
 *   with the run's own limits) against the launcher's report check, new since round 6: report.json that
 *   parses and carries more than the schema knows (unknown keys, `__proto__`, 1e999 → Infinity → written as
 *   null), hostile frame headers, a value/depth count fooled by string escapes (`"\\"`), the operator's
 *   environment seen inside, verdict phrases relayed from the inside's stderr.
 * - A hostile packet against the stage: a file exchanged with a FIFO in a loop, names that are not UTF-8,
 *   a 1 TiB sparse file, an inode-starved TMPDIR, SIGINT/SIGTERM while staging, a packet named to mislead.
 * - The start-up snapshot: blobs planted in the packet, the cwd and TMPDIR are never what node loads.
 * Every route must be closed or listed in open-round7.ts; a listed route found closed fails too.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operator, RouteResult } from '../run-driver.js';
import { dropScene, rawControls, runEvil, type RunOutcome, type Scene } from '../round6/scene6.js';
import { judgeRound7 } from './judge7.js';
import { freshOut, newScene7, packetCopy, printedLines, runBounded } from './scene7.js';
import { bulkPacket, fileFifoRace, signalWhileStaging, snapshotSources } from './stage7.js';

function expectJudged(results: readonly RouteResult[], engine: string, operator: Operator): void {
  const { unlistedOpen, fixedButListed } = judgeRound7(results, engine, operator);
  expect(unlistedOpen).toEqual([]);
  expect(fixedButListed).toEqual([]);
}

const noStack = (r: { stdout: string; stderr: string }): boolean => !/\n\s+at /.test(`${r.stdout}\n${r.stderr}`) && !`${r.stdout}${r.stderr}`.includes('internal error');
const CANARY = 'RT7-OPERATOR-CANARY';

let scene: Scene;
beforeAll(() => { scene = newScene7(); }, 240_000);
afterAll(() => { if (scene) dropScene(scene); });

/** The route(s) one compromised-inspector mode attempts, judged from what tki wrote and printed. */
function judgeMode(mode: string, r: RunOutcome & { maxRssKiB?: number }, controlRssKiB: number): RouteResult[] {
  const json = r.written?.['report.json'] ?? '';
  const lines = printedLines(r);
  const seen = { status: r.status, line: lines[0]?.slice(0, 200), reason: /"message":"([^"]{0,60})[^"]*?\(([^"]{0,220})/.exec(json)?.slice(1).join(' … ') };
  const refused = r.status === 3 && (lines[0] ?? '').startsWith('tki run: BLOCKED (exit 3)') && noStack(r);
  if (mode.startsWith('json-hide') || mode === 'json-deep-hide') {
    const addedMiB = Math.round(((r.maxRssKiB ?? controlRssKiB) - controlRssKiB) / 1024);
    return [{ id: `REPORT/${mode}: a value/depth count fooled by \\\\ before a quote`, closed: refused && /maxReportJson(Values|Depth)|minReportJsonBytesPerValue/.test(json) && addedMiB < 100, observed: { ...seen, addedMiB } }];
  }
  if (mode.startsWith('json-')) return [{ id: `REPORT/${mode}: report.json that parses and says more than the schema is written`, closed: refused && !/"(zz_operator_note|rt7_operator_verdict|rt7)":|"items_total":null/.test(json), observed: seen }];
  if (mode.startsWith('hdr-')) return [{ id: `CHANNEL/${mode}: a hostile frame header accepted, or a crash or stack trace`, closed: (refused && json.includes('report_rejected')) || (mode === 'hdr-proto' && r.status === 1), observed: seen }];
  if (mode === 'env') {
    const envLine = lines.find((l) => l.includes('RT7 env')) ?? '';
    return [
      { id: 'ENV/the operator\'s environment or NODE_OPTIONS reaches the inside', closed: envLine !== '' && !envLine.includes(CANARY) && !envLine.includes('NODE_OPTIONS') && !envLine.includes('3001'), observed: envLine.slice(0, 400) },
    ];
  }
  if (mode === 'stderr-long') {
    const bytes = lines.reduce((n, l) => n + l.length + 1, 0);
    return [{ id: 'TERM/the inside\'s long stderr lines flood the terminal', closed: bytes < 8192, observed: { bytes, lines: lines.length } }];
  }
  if (mode === 'stderr-verdict') {
    return [{ id: 'TERM/a verdict phrase the sandbox writes on stderr reaches the output', closed: !lines.slice(1).some((l) => l.includes('READ_LEVEL_PASS')), observed: lines.filter((l) => l.includes('sandbox wrote')).slice(0, 4) }];
  }
  return [];
}

describe('round 7: a compromised inspector against the launcher\'s report check', () => {
  const cases: [string, Operator, readonly string[]][] = [
    ['bwrap', 'root', ['json-unknown-top', 'json-unknown-claim', 'json-proto', 'json-infinity', 'json-deep-hide', 'json-hide-16', 'hdr-size-frac', 'hdr-size-neg', 'hdr-size-exp', 'hdr-name-nul', 'hdr-not-object', 'hdr-proto', 'env', 'stderr-verdict', 'stderr-long']],
    ['bwrap', 'nobody', ['json-infinity', 'json-hide-16', 'env', 'stderr-verdict']],
    ['podman', 'root', ['json-unknown-top', 'env', 'stderr-verdict']],
    ['docker', 'root', ['json-unknown-claim', 'hdr-size-exp', 'env', 'stderr-verdict']],
  ];
  for (const [engine, operator, modes] of cases) {
    it(`${engine}/${operator}: ${modes.join(', ')} (control run first)`, () => {
      const control = runEvil(scene, engine, operator, 'control', [], true);
      expect(control.status, `${control.stdout}\n${control.stderr}`).toBe(1);
      expect(control.written?.['report.json'], 'the control run writes the genuine report').toBe(scene.genuineReportJson);
      const saved = { canary: process.env.TKI_RT7_CANARY, options: process.env.NODE_OPTIONS };
      const results: RouteResult[] = [];
      try {
        for (const mode of modes) {
          if (mode === 'env') { process.env.TKI_RT7_CANARY = CANARY; process.env.NODE_OPTIONS = '--max-old-space-size=3001'; }
          const r = runEvil(scene, engine, operator, mode, [], mode.startsWith('json-hide'));
          if (mode === 'env') { process.env.TKI_RT7_CANARY = saved.canary; process.env.NODE_OPTIONS = saved.options; if (saved.canary === undefined) delete process.env.TKI_RT7_CANARY; if (saved.options === undefined) delete process.env.NODE_OPTIONS; }
          results.push(...judgeMode(mode, r, control.maxRssKiB ?? 0));
        }
      } finally {
        if (saved.canary === undefined) delete process.env.TKI_RT7_CANARY;
        if (saved.options === undefined) delete process.env.NODE_OPTIONS;
      }
      expectJudged(results, engine, operator);
    }, 420_000);
  }
});

describe('round 7: a hostile packet against the stage', () => {
  it('bwrap/root: the packet owner exchanges a file with a FIFO outside the packet, in a loop, while root stages it', () => {
    const r = fileFifoRace(scene, 5);
    expectJudged([{ id: 'STAGE/a file exchanged with a FIFO hangs the launcher', closed: r.hung === 0, observed: r }], 'bwrap', 'root');
  }, 300_000);

  for (const operator of ['root', 'nobody'] as const) {
    it(`bwrap/${operator}: file names that are not valid UTF-8`, () => {
      const lone = packetCopy(scene, `name-bytes-${operator}`);
      execFileSync('sh', ['-c', 'printf x > "$1/content/$(printf "a\\377\\376b.md")" && chmod -R a+rX "$1"', 'sh', lone]);
      const twin = packetCopy(scene, `name-twin-${operator}`);
      execFileSync('sh', ['-c', 'printf secret > "$1/content/$(printf "a\\377b.md")" && printf decoy > "$1/content/a\u{fffd}b.md" && chmod -R a+rX "$1"', 'sh', twin]);
      const results: RouteResult[] = [];
      for (const [label, packet] of [['lone', lone], ['twin', twin]] as const) {
        const r = runBounded(scene, packet, freshOut(scene, `name-${label}`), { operator, timeoutMs: 120_000 });
        const lines = printedLines(r);
        const clear = r.status === 3 && lines.length === 1 && /UTF-8|encoding|not valid/.test(lines[0] ?? '') && noStack(r);
        results.push({ id: `STAGE/a file name that is not valid UTF-8 is misdiagnosed (${label})`, closed: r.status === 1 || clear, observed: { status: r.status, lines: lines.slice(0, 2).map((l) => l.slice(0, 220)) } });
      }
      expectJudged(results, 'bwrap', operator);
    }, 300_000);
  }

  it('bwrap/root: a packet named with terminal controls and a verdict phrase, --out named after it', () => {
    const name = 'pk\u001b]0;PWNED\u0007\u001b[2K\ntki run: READ_LEVEL_PASS (exit 0)\u009b2J\u202e';
    const dir = mkdtempSync(path.join(scene.base, 'named-'));
    const packet = path.join(dir, name);
    cpSync(scene.plainPacket, packet, { recursive: true });
    execFileSync('chmod', ['-R', 'a+rX', dir]);
    const r = runBounded(scene, packet, path.join(scene.base, 'outs', name));
    const lines = printedLines(r);
    expect(r.status, lines.join('\n')).toBe(1);
    expectJudged([
      { id: 'TERM/raw controls from the packet path reach the terminal', closed: lines.every((l) => rawControls(l).length === 0), observed: lines.flatMap((l) => rawControls(l)) },
      { id: 'TERM/a verdict phrase in the packet path reaches the report: lines', closed: !lines.some((l) => l.includes('READ_LEVEL_PASS')), observed: lines.map((l) => l.slice(0, 200)) },
    ], 'bwrap', 'root');
  }, 180_000);

  it('bwrap/root: a FIFO in the packet named like a passing verdict line', () => {
    const packet = packetCopy(scene, 'verdict-name');
    execFileSync('mkfifo', [path.join(packet, 'content', 'tki run: READ_LEVEL_PASS (exit 0)')]);
    const r = runBounded(scene, packet, freshOut(scene, 'verdict-name'));
    const lines = printedLines(r);
    expect(r.status, lines.join('\n')).toBe(3);
    expectJudged([{ id: 'TERM/a verdict phrase in a packet entry name reaches the BLOCKED line', closed: !lines.some((l) => l.includes('READ_LEVEL_PASS')), observed: lines.map((l) => l.slice(0, 200)) }], 'bwrap', 'root');
  }, 120_000);

  it('bwrap/root: a 1 TiB sparse file ends in one line naming the limit, at once', () => {
    const packet = packetCopy(scene, 'sparse');
    execFileSync('truncate', ['-s', '1T', path.join(packet, 'content', 'big.bin')]);
    const r = runBounded(scene, packet, freshOut(scene, 'sparse'), { timeoutMs: 60_000 });
    const lines = printedLines(r);
    expectJudged([{ id: 'STAGE/a 1 TiB sparse file is read or copied', closed: r.status === 3 && lines.length === 1 && /maxPacket/.test(lines[0] ?? '') && r.ms < 30_000, observed: { status: r.status, ms: r.ms, lines } }], 'bwrap', 'root');
  }, 120_000);

  it('bwrap/root: 1,500 entries staged into a TMPDIR with 1,000 inodes: one line, nothing left behind', () => {
    const packet = bulkPacket(scene, 'inodes', 1500);
    const tmp = path.join(scene.base, 'tmpfs-inodes');
    mkdirSync(tmp);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m,nr_inodes=1000,mode=1777', 'tmpfs', tmp]);
    try {
      const r = runBounded(scene, packet, freshOut(scene, 'inodes'), { env: { TMPDIR: tmp } });
      const lines = printedLines(r);
      const left = readdirSync(tmp);
      expectJudged([{ id: 'STAGE/an inode-starved TMPDIR: a crash, a stack trace or a stage left behind', closed: r.status === 3 && lines.length === 1 && noStack(r) && left.length === 0, observed: { status: r.status, lines: lines.map((l) => l.slice(0, 200)), left } }], 'bwrap', 'root');
    } finally {
      execFileSync('umount', [tmp]);
    }
  }, 180_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`bwrap/root: ${signal} while 4,000 files are being staged leaves nothing under TMPDIR`, async () => {
      const packet = bulkPacket(scene, `sig-${signal}`, 4000);
      const r = await signalWhileStaging(scene, packet, signal);
      expect(r.stagedWhenSignalled, 'the signal arrived while the stage was being built').toBeGreaterThan(0);
      expectJudged([{ id: `CLEANUP/${signal} during staging: a hang or a stage left behind`, closed: r.exit !== -1 && r.left.length === 0, observed: r }], 'bwrap', 'root');
    }, 180_000);
  }
});

describe('round 7: the start-up snapshot comes from tki\'s own dist/ only', () => {
  it('bwrap/root: blobs planted in the packet, the cwd and TMPDIR are never what node is told to load', async () => {
    const r = await snapshotSources(scene);
    expect(r.status, r.line).toBe(1);
    expect(r.insideSeen, 'the inside\'s node was seen while the run lasted').toBe(true);
    expectJudged([{ id: 'SNAPSHOT/node is told to load a blob other than /opt/tki/dist/sandbox/bundle/tki-inside.blob', closed: r.blobs.every((b) => b === '/opt/tki/dist/sandbox/bundle/tki-inside.blob'), observed: r }], 'bwrap', 'root');
  }, 180_000);
});
