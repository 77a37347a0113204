/**
 * Round-6 red-team audit (issue #12, black box: no sandbox/, cli/, native/ or src/ source was read).
 * - A compromised inspector through the real `tki run` (round 4's compromised package: evil6.mjs runs in
 *   place of `tki inspect`, locked with the run's own --rlimits/--wall-clock): it sends the genuine report
 *   tki made for fix7-a, altered so that it stays valid once PARSED (a duplicate key, a BOM, non-canonical
 *   escapes) or a verdict line whose prefix is right and whose rest is not (C1 controls, bidi and line
 *   separators, a summary report.json contradicts), under bwrap (root and unprivileged operator), podman and
 *   docker (root).
 * - A hostile packet against the launcher before the sandbox starts: entry names carrying terminal controls.
 * - Unusual --out filesystems: a full tmpfs, a read-only one.
 * - The wall clock and clean-up: the launcher SIGSTOPped (the inside's own kill timer must end the sandbox),
 *   the launcher SIGKILLed (the sandbox dies with it; its cgroup and work directory are swept by the next run).
 * Every route must be closed or listed in open-round6.ts; a listed route found closed fails too.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operator, RouteResult } from '../run-driver.js';
import { judgeRound6 } from './judge6.js';
import { intermediateDirRace } from './race6.js';
import { cgroupsOf, descendants, liveProcess, dropScene, newScene, rawControls, runEvil, runPlain, startStalled, type RunOutcome, type Scene } from './scene6.js';

function expectJudged(results: readonly RouteResult[], engine: string, operator: Operator): void {
  const { unlistedOpen, fixedButListed } = judgeRound6(results, engine, operator);
  expect(unlistedOpen).toEqual([]);
  expect(fixedButListed).toEqual([]);
}

/** Every line tki printed (stdout and stderr) free of terminal controls; the verdict line first. */
function controlsPrinted(r: RunOutcome): string[] {
  return [...r.stdout.split('\n'), ...r.stderr.split('\n')].flatMap((l) => rawControls(l));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForInside(launcherPid: number, withinMs: number): Promise<number[]> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const inside = descendants(launcherPid).filter((p) => p.cmd.startsWith('/opt/tki/bin/node ') && p.cmd.includes(' inspect '));
    if (inside.length > 0) return inside.map((p) => p.pid);
    await sleep(200);
  }
  return [];
}

let scene: Scene;
beforeAll(() => { scene = newScene(); }, 240_000);
afterAll(() => { if (scene) dropScene(scene); });

describe('round 6: a compromised inspector against the launcher\'s report validator', () => {
  const cases: [string, Operator, readonly string[]][] = [
    ['bwrap', 'root', ['json-dup-key', 'json-bom', 'json-escapes', 'line-lies', 'line-c1-csi', 'line-c1-nel', 'line-invisible']],
    ['bwrap', 'nobody', ['json-dup-key', 'line-lies']],
    ['podman', 'root', ['json-dup-key']],
    ['docker', 'root', ['json-dup-key', 'line-lies']],
  ];
  for (const [engine, operator, modes] of cases) {
    it(`${engine}/${operator}: ${modes.join(', ')} (control run first)`, () => {
      const control = runEvil(scene, engine, operator, 'control');
      expect(control.status, `${control.stdout}\n${control.stderr}`).toBe(1);
      const withoutPacket = (l: string | undefined): string => (l ?? '').replace(/ · packet "[^"]*"$/, '');
      expect(withoutPacket(control.stdout.split('\n')[0]), 'the control run prints what tki itself printed').toBe(withoutPacket(scene.genuineLine));
      expect(control.written?.['report.json'], 'the control run writes the genuine report').toBe(scene.genuineReportJson);
      const results: RouteResult[] = [];
      for (const mode of modes) {
        const r = runEvil(scene, engine, operator, mode);
        const json = r.written?.['report.json'] ?? '';
        const seen = { status: r.status, line: r.stdout.split('\n')[0]?.slice(0, 240), jsonHead: json.slice(0, 80) };
        if (mode === 'json-dup-key') results.push({ id: 'REPORT/duplicate top-level key in report.json written as sent', closed: !json.includes('"final_verdict":"READ_LEVEL_PASS"'), observed: seen });
        if (mode === 'json-bom') results.push({ id: 'REPORT/a UTF-8 BOM before report.json written as sent', closed: !json.startsWith('\ufeff'), observed: seen });
        if (mode === 'json-escapes') results.push({ id: 'REPORT/non-canonical \\u escapes in report.json written as sent', closed: !json.includes('\\u0050KT'), observed: { ...seen, escaped: json.includes('\\u0050KT') } });
        if (mode === 'line-lies') results.push({ id: "LINE/the verdict line's tail is not checked against report.json", closed: !r.stdout.includes('0 claim(s), none with a finding'), observed: seen });
        if (mode.startsWith('line-c1') || mode === 'line-invisible') results.push({ id: `LINE/${mode}: terminal controls in the verdict line reach the terminal`, closed: controlsPrinted(r).length === 0, observed: { ...seen, controls: controlsPrinted(r) } });
        // whatever the mode: nothing tki prints carries a raw terminal control
        results.push({ id: `TERM/${mode}: a raw control in what tki printed`, closed: controlsPrinted(r).length === 0, observed: controlsPrinted(r) });
      }
      expectJudged(results, engine, operator);
    }, 360_000);
  }
});

describe('round 6: a compromised inspector against the launcher\'s memory (report.json parsed whole)', () => {
  it('bwrap/root: an 8 MiB report.json of empty objects, under the 256 MiB channel cap', () => {
    const control = runEvil(scene, 'bwrap', 'root', 'control', [], true);
    expect(control.status, control.stderr).toBe(1);
    const huge = runEvil(scene, 'bwrap', 'root', 'json-huge-8', [], true);
    const addedMiB = Math.round(((huge.maxRssKiB ?? 0) - (control.maxRssKiB ?? 0)) / 1024);
    expect(huge.status, 'the report is refused either way (it fails the schema)').not.toBe(1);
    // a launcher that bounds what it parses (or validates while streaming) adds well under 10x the bytes
    expectJudged([{ id: 'LAUNCHER-MEM/report.json under the channel cap parsed into an unbounded object graph', closed: addedMiB < 80, observed: { controlKiB: control.maxRssKiB, hugeKiB: huge.maxRssKiB, addedMiB, status: huge.status, line: huge.stdout.split('\n')[0]?.slice(0, 160) } }], 'bwrap', 'root');
  }, 300_000);
});

describe('round 6: a hostile packet against the launcher before the sandbox starts', () => {
  for (const operator of ['root', 'nobody'] as const) {
    it(`bwrap/${operator}: an entry name carrying ESC, BEL, a newline, C1 CSI/NEL and bidi controls`, () => {
      const packet = path.join(scene.base, `names-${operator}`, 'pk');
      cpSync(scene.plainPacket, packet, { recursive: true });
      execFileSync('mkfifo', [path.join(packet, '\u001b]0;PWNED\u0007\u001b[2Kx\ntki run: READ_LEVEL_PASS (exit 0)\u009b2J\u0085\u202eevil')]);
      execFileSync('chmod', ['-R', 'a+rX', path.dirname(packet)]);
      const r = runPlain(scene, packet, path.join(scene.base, 'outs', `names-${operator}`), {}, operator);
      const lines = r.stderr.trimEnd().split('\n');
      expect(r.status, r.stderr).toBe(3);
      expectJudged([
        { id: 'PACKET/a hostile entry name reaches the terminal raw', closed: controlsPrinted(r).length === 0 && lines.length === 1, observed: { controls: controlsPrinted(r), lines: lines.length, first: lines[0]?.slice(0, 200) } },
      ], 'bwrap', operator);
    }, 180_000);
  }
});

describe('round 6: the packet\'s owner swaps a packet directory for a symlink while a root operator stages it', () => {
  it('bwrap/root: x/ exchanged (renameat2 RENAME_EXCHANGE, in a loop) with a symlink to a root-only directory holding a file of the same name', () => {
    const r = intermediateDirRace(scene, 6);
    expect(r.runs.length, 'each run ended').toBe(6);
    expectJudged([{ id: 'STAGE/an intermediate directory swapped for a symlink stages a root-only file', closed: r.leaked.length === 0, observed: r }], 'bwrap', 'root');
  }, 300_000);
});

describe('round 6: --out on unusual filesystems (root: mounts tmpfs)', () => {
  it('bwrap/root: --out on a full tmpfs and on a read-only tmpfs end in one line, nothing half-written', () => {
    const full = path.join(scene.base, 'mnt-full');
    const ro = path.join(scene.base, 'mnt-ro');
    mkdirSync(full);
    mkdirSync(ro);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755', 'tmpfs', full]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755,ro', 'tmpfs', ro]);
    try {
      writeFileSync(path.join(full, 'fill'), Buffer.alloc(56 * 1024));
      const results: RouteResult[] = [];
      for (const [label, out] of [['full', path.join(full, 'out')], ['read-only', ro]] as const) {
        const r = runPlain(scene, scene.plainPacket, out);
        const printed = `${r.stdout}${r.stderr}`.trimEnd().split('\n');
        const left = existsSync(out) ? readdirSync(out) : [];
        const closed = r.status === 3 && printed.length === 1 && !/\n\s+at /.test(r.stderr) && left.length === 0;
        results.push({ id: `OUTFS/--out on a ${label} tmpfs: a crash, a stack trace or a half-written report`, closed, observed: { status: r.status, printed, left } });
      }
      expectJudged(results, 'bwrap', 'root');
    } finally {
      execFileSync('umount', [full]);
      execFileSync('umount', [ro]);
    }
  }, 240_000);
});

describe('round 6: environment variables that change the launcher (operator root)', () => {
  it('bwrap/root: a TMPDIR that does not exist ends in one line naming TMPDIR, not an internal error', () => {
    const r = runPlain(scene, scene.plainPacket, path.join(scene.base, 'outs', 'tmpdir-missing'), { TMPDIR: path.join(scene.base, 'no-such-dir') });
    const printed = `${r.stdout}${r.stderr}`.trimEnd().split('\n');
    expect(r.status, printed.join('\n')).toBe(3);
    expectJudged([{ id: 'ENVVAR/a missing TMPDIR ends as "tki: internal error"', closed: printed.length === 1 && !printed[0]?.includes('internal error') && (printed[0] ?? '').includes('TMPDIR'), observed: printed }], 'bwrap', 'root');
  }, 120_000);
});

describe('round 6: the wall clock and clean-up when the launcher is stopped or killed (bwrap, root)', () => {
  it('the launcher SIGSTOPped: the inside\'s own kill timer ends the sandbox at the wall clock + 5 s', async () => {
    const timeout = 6;
    const { child } = startStalled(scene, timeout);
    const pid = child.pid ?? -1;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const inside = await waitForInside(pid, 90_000);
      expect(inside.length, 'the inside started').toBeGreaterThan(0);
      process.kill(pid, 'SIGSTOP');
      await sleep((timeout + 5 + 5) * 1000);
      const alive = inside.filter((p) => liveProcess(p));
      process.kill(pid, 'SIGCONT');
      const code = await exited;
      expectJudged([{ id: 'TIME/a stopped launcher: the sandbox outlives its wall clock', closed: alive.length === 0, observed: { alive, launcherExit: code } }], 'bwrap', 'root');
      expect(code, 'the launcher, continued, ends the run BLOCKED').toBe(3);
    } finally {
      try { process.kill(pid, 'SIGCONT'); process.kill(pid, 'SIGKILL'); } catch { /* ended */ }
    }
  }, 180_000);

  it('the launcher SIGKILLed: the sandbox dies with it; the next run sweeps its cgroup and work directory', async () => {
    const tmp = mkdtempSync(path.join(scene.base, 'tmpdir-'));
    chmodSync(tmp, 0o755); // the root operator's sandbox uid passes through TMPDIR to its stage
    const { child } = startStalled(scene, 120, { TMPDIR: tmp });
    const pid = child.pid ?? -1;
    try {
      const inside = await waitForInside(pid, 90_000);
      expect(inside.length, 'the inside started').toBeGreaterThan(0);
      const cgroupsWhileRunning = cgroupsOf(pid);
      const workWhileRunning = readdirSync(tmp);
      process.kill(pid, 'SIGKILL');
      await sleep(3000);
      const alive = inside.filter((p) => liveProcess(p));
      const next = runPlain(scene, scene.plainPacket, path.join(scene.base, 'outs', 'after-kill'), { TMPDIR: tmp });
      expect(next.status, `${next.stdout}${next.stderr}`).toBe(1);
      const cgroupsLeft = cgroupsOf(pid);
      const workLeft = readdirSync(tmp).filter((n) => n.startsWith('tki-'));
      expect(workWhileRunning.some((n) => n.startsWith('tki-engine-')), `the killed run had its work directory in TMPDIR: ${JSON.stringify(workWhileRunning)}`).toBe(true);
      expectJudged([
        { id: 'CLEANUP/a SIGKILLed launcher: the sandbox lives on', closed: alive.length === 0, observed: { alive } },
        { id: 'CLEANUP/a SIGKILLed launcher: its cgroup survives the next run', closed: cgroupsLeft.length === 0, observed: { cgroupsWhileRunning, cgroupsLeft } },
        { id: 'CLEANUP/a SIGKILLed launcher: its work directory survives the next run', closed: workLeft.length === 0, observed: { workWhileRunning, workLeft } },
      ], 'bwrap', 'root');
    } finally {
      try { process.kill(pid, 'SIGKILL'); } catch { /* ended */ }
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 240_000);
});
