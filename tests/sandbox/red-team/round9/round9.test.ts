/**
 * Round-9 red-team audit (issue #12, black box: no sandbox/, cli/, policy/ or src/ source was read).
 * - What the launcher PRINTS from inside (evil9.mjs, a compromised inspector locked with the run's limits):
 *   a verdict written to stderr in pieces, the inside's own diagnostic prefix and a P1-style refusal carrying
 *   a passing verdict and terminal controls, exits without a report, exit codes that disagree with the
 *   report, a channel held open after its end frame.
 * - Hostile operator input: --timeout/--memory/--processes at their edges; stdout on /dev/full.
 * - Signals to the launcher: SIGHUP/SIGQUIT (cleanup), SIGUSR1 (node's debugger), SIGKILL of the inside.
 * - The start-up snapshot: `tki rebuild-snapshot` under umask 000, then another local user's blob.
 * Every route must be closed or listed in open-round9.ts; a listed route found closed fails, and so does a
 * listed route no check judged. A missing engine fails (runEvil's run does not reach its verdict).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operator, RouteResult } from '../run-driver.js';
import { descendants, dropScene, rawControls, runEvil, type Scene } from '../round6/scene6.js';
import { judgeRound9, unjudgedListed } from './judge9.js';
import { engineDirsLeft, freshOut, killSandboxesWithWallClock, listeningSockets, noStack, plantSnapshot, printedLines, runTki, snapshotPackage, startLongRun, newScene9 } from './scene9.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function expectJudged(results: readonly RouteResult[], engine: string, operator: Operator): void {
  const { unlistedOpen, fixedButListed } = judgeRound9(results, engine, operator);
  expect(unlistedOpen).toEqual([]);
  expect(fixedButListed).toEqual([]);
}

/** A passing verdict in any spelling a log search would match, or a bare PASS/PASSED word. */
const passWord = (l: string): boolean => /read.?level.?pass/i.test(l) || /\bPASS(ED)?\b/i.test(l);

let scene: Scene;
beforeAll(() => { scene = newScene9(); }, 300_000);
afterAll(() => { if (scene) dropScene(scene); });

/** The route(s) one compromised-inspector mode attempts, judged from what tki wrote and printed. */
function judgeMode(mode: string, r: ReturnType<typeof runEvil> & { ms?: number }): RouteResult[] {
  const lines = printedLines(r);
  const seen = { status: r.status, lines: lines.slice(0, 6).map((l) => l.slice(0, 240)), written: Object.keys(r.written ?? {}) };
  const clean = lines.every((l) => rawControls(l).length === 0) && !lines.some(passWord) && noStack(r);
  if (['split-verdict', 'note-forge', 'lower-pass'].includes(mode)) return [{ id: `TERM/${mode}: a passing verdict or raw controls from the inside's stderr reach the terminal`, closed: clean && r.status === 1, observed: seen }];
  if (mode.startsWith('p1-forge')) return [{ id: `TERM/${mode}: a P1-style refusal from the inside forges a verdict or controls`, closed: clean && r.status === 3, observed: seen }];
  if (mode === 'nothing-exit1') return [{ id: 'EXIT/the inside exits 1 with nothing sent: tki returns a verdict code', closed: r.status === 3 && clean, observed: seen }];
  if (mode === 'nothing-exit0') {
    const said = lines.some((l) => l.startsWith('tki') && !l.includes('the sandbox wrote'));
    return [
      { id: 'EXIT/the inside exits 0 with nothing sent: tki exits 0', closed: r.status === 3, observed: seen },
      { id: 'REPORT/the inside exits 0 with nothing sent: tki says nothing', closed: said, observed: seen },
    ];
  }
  if (mode === 'exit2-after-fail') return [{ id: 'EXIT/a READ_LEVEL_FAIL report followed by exit 2 returns 2', closed: r.status === 1, observed: seen }];
  if (mode === 'end-then-more') return [{ id: 'CHANNEL/bytes after the end frame are ignored or crash the launcher', closed: r.status === 3 && noStack(r) && (r.written?.['report.json'] ?? '').includes('report_rejected'), observed: seen }];
  if (mode === 'end-then-hang') return [{ id: 'CHANNEL/a sandbox that holds its channel open after the end frame hangs the launcher', closed: (r.status === 1 || r.status === 3) && Object.keys(r.written ?? {}).length === 3 && noStack(r), observed: seen }];
  return [];
}

describe('round 9: what the launcher prints from a compromised inspector', () => {
  const cases: [string, Operator, readonly string[]][] = [
    ['bwrap', 'root', ['split-verdict', 'note-forge', 'lower-pass', 'p1-forge', 'p1-forge-controls', 'nothing-exit0', 'nothing-exit1', 'exit2-after-fail', 'end-then-more', 'end-then-hang']],
    ['bwrap', 'nobody', ['split-verdict', 'p1-forge-controls', 'nothing-exit0', 'exit2-after-fail']],
    ['podman', 'root', ['split-verdict', 'nothing-exit0', 'exit2-after-fail']],
    ['docker', 'root', ['split-verdict', 'p1-forge-controls', 'nothing-exit0', 'exit2-after-fail']],
  ];
  for (const [engine, operator, modes] of cases) {
    it(`${engine}/${operator}: ${modes.join(', ')} (control run first)`, () => {
      const control = runEvil(scene, engine, operator, 'control');
      expect(control.status, `${control.stdout}\n${control.stderr}`).toBe(1);
      expect(control.written?.['report.json'], 'the control run writes the genuine report').toBe(scene.genuineReportJson);
      const results: RouteResult[] = [];
      for (const mode of modes) results.push(...judgeMode(mode, runEvil(scene, engine, operator, mode, mode === 'end-then-hang' ? ['--timeout', '12'] : [])));
      expectJudged(results, engine, operator);
    }, 600_000);
  }
});

describe('round 9: hostile operator input', () => {
  it('bwrap/root: --timeout past 2^31 ms, --memory 1, --processes 1, stdout on /dev/full', () => {
    const results: RouteResult[] = [];
    for (const seconds of ['2147484', '3000000']) {
      const out = freshOut(scene, 'timeout');
      const r = runTki(scene, ['run', scene.plainPacket, '--out', out, '--timeout', seconds], { out, timeoutMs: 45_000 });
      const orphans = killSandboxesWithWallClock(seconds);
      const lines = printedLines(r);
      const honest = (r.status === 1 && (lines[0] ?? '').includes('READ_LEVEL_FAIL')) || (r.status === 3 && lines.length === 1 && lines[0]?.includes('--timeout') === true);
      results.push({ id: `LIMIT/--timeout past 2^31 ms fires at once (${seconds} s)`, closed: honest && !r.stderr.includes('TimeoutOverflowWarning'), observed: { status: r.status, signal: r.signal, ms: r.ms, orphans, lines: lines.slice(0, 5).map((l) => l.slice(0, 200)) } });
    }
    const memOut = freshOut(scene, 'mem1');
    const mem = runTki(scene, ['run', scene.plainPacket, '--out', memOut, '--memory', '1'], { out: memOut });
    const memLines = printedLines(mem);
    const named = mem.status === 3 && ((memLines[0] ?? '').startsWith('tki run: BLOCKED (exit 3)') || (memLines.length === 1 && /memory/.test(memLines[0] ?? ''))) && !memLines.some((l) => l.includes('Last few GCs'));
    results.push({ id: 'LIMIT/--memory 1: V8 dies in deserialization without a named limit', closed: named, observed: { status: mem.status, written: mem.written, lines: memLines.slice(0, 6) } });
    const pidsOut = freshOut(scene, 'pids1');
    const pids = runTki(scene, ['run', scene.plainPacket, '--out', pidsOut, '--processes', '1'], { out: pidsOut });
    results.push({ id: 'LIMIT/--processes 1 crashes or hangs the launcher', closed: pids.status === 3 && printedLines(pids).length >= 1 && noStack(pids), observed: { status: pids.status, lines: printedLines(pids).slice(0, 2).map((l) => l.slice(0, 200)) } });
    const fullOut = freshOut(scene, 'devfull');
    const full = runTki(scene, ['run', scene.plainPacket, '--out', fullOut], { out: fullOut, shell: 'exec >/dev/full;' });
    results.push({ id: 'TERM/stdout on a full device: exit 0 or a stack trace', closed: full.status !== 0 && full.status !== null && noStack(full), observed: { status: full.status, stderr: full.stderr.slice(0, 200) } });
    expectJudged(results, 'bwrap', 'root');
  }, 600_000);
});

describe('round 9: signals to the launcher', () => {
  for (const signal of ['SIGHUP', 'SIGQUIT'] as const) {
    it(`bwrap/root: ${signal} mid-run leaves no work directory`, async () => {
      const run = await startLongRun(scene, 'end-then-hang', 30);
      await sleep(1000);
      const before = engineDirsLeft(run.tmp);
      run.child.kill(signal);
      const end = await run.done;
      await sleep(1500);
      const left = engineDirsLeft(run.tmp);
      expect(before.length, 'the run had made its work directory').toBeGreaterThan(0);
      expectJudged([{ id: `CLEANUP/SIGHUP leaves the work directory (${signal})`, closed: left.length === 0 && end.code === 3, observed: { code: end.code, signal: end.signal, left } }], 'bwrap', 'root');
    }, 120_000);
  }

  it('bwrap/root: SIGUSR1 makes the root launcher start a debugger another user reaches', async () => {
    const run = await startLongRun(scene, 'end-then-hang', 25);
    const pid = run.child.pid ?? 0;
    run.child.kill('SIGUSR1');
    let listening: string[] = [];
    for (let i = 0; i < 30 && listening.length === 0; i++) { await sleep(200); listening = listeningSockets(pid); }
    // uid 65534 asks the default inspector port; another process may hold 9229, so this is evidence, not the judge
    const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', "require('http').get('http://127.0.0.1:9229/json/list',r=>{let b='';r.on('data',d=>b+=d);r.on('end',()=>console.log(b.slice(0,120)))}).on('error',e=>console.log(e.code))"], { encoding: 'utf8', timeout: 10_000 });
    run.child.kill('SIGTERM');
    const end = await run.done;
    expect(end.code, 'the launcher still ends 3 after SIGTERM').toBe(3);
    // node prints "Debugger listening on ws://…" when it binds, "Starting inspector on …: address already in use" when 9229 is taken
    const started = listening.length > 0 || /Debugger listening|Starting inspector/.test(end.stderr);
    expectJudged([{ id: 'SIGNAL/SIGUSR1 opens a debugger in the launcher', closed: !started, observed: { listening, stderr: end.stderr.slice(0, 200), uid65534Sees: probe.stdout.trim().slice(0, 160) } }], 'bwrap', 'root');
  }, 120_000);

  it('bwrap/root: the inside SIGKILLed from the host at two moments: a named BLOCKED report, never 0', async () => {
    const results: RouteResult[] = [];
    for (const delayMs of [300, 1500]) {
      const run = await startLongRun(scene, 'end-then-hang', 30);
      await sleep(delayMs);
      const inside = descendants(run.child.pid ?? 0).filter((p) => p.cmd.startsWith('/opt/tki/bin/node'));
      for (const p of inside) process.kill(p.pid, 'SIGKILL');
      const end = await run.done;
      const lines = printedLines(end);
      results.push({ id: `KILL/the inside killed ${String(delayMs)} ms in: no report, a stack trace or exit 0`, closed: inside.length > 0 && end.code === 3 && (lines[0] ?? '').startsWith('tki run: BLOCKED (exit 3)') && noStack(end) && engineDirsLeft(run.tmp).length === 0, observed: { killed: inside.length, code: end.code, line: (lines[0] ?? '').slice(0, 160) } });
    }
    expectJudged(results, 'bwrap', 'root');
  }, 180_000);
});

describe('round 9: the start-up snapshot', () => {
  it('bwrap/root: rebuild-snapshot under umask 000, then uid 65534 plants its own blob for root\'s next run', () => {
    const pkg = snapshotPackage(scene);
    const built = spawnSync('sh', ['-c', 'umask 000; exec "$@"', 'sh', process.execPath, path.join(pkg, 'dist/cli/tki.js'), 'rebuild-snapshot'], { encoding: 'utf8', timeout: 180_000 });
    expect(built.status, `${built.stdout}${built.stderr}`).toBe(2);
    const bundle = path.join(pkg, 'dist/sandbox/bundle');
    const modes = Object.fromEntries(['tki-inside.js', 'tki-inside.blob', 'tki-inside.blob.json'].map((f) => [f, (statSync(path.join(bundle, f)).mode & 0o777).toString(8)]));
    const plant = plantSnapshot(scene, pkg);
    const out = freshOut(scene, 'planted');
    const r = runTki(scene, ['run', scene.plainPacket, '--out', out, '--verbose'], { pkg, out });
    const ran = printedLines(r).some((l) => l.includes('RT9 planted snapshot ran'));
    expectJudged([{ id: 'SNAPSHOT/rebuild-snapshot under umask 000: another user\'s blob runs as root\'s inspector', closed: !ran && !/6$/.test(modes['tki-inside.blob'] ?? '') && !/6$/.test(modes['tki-inside.blob.json'] ?? ''), observed: { modes, plant, status: r.status, lines: printedLines(r).slice(0, 3).map((l) => l.slice(0, 160)) } }], 'bwrap', 'root');
  }, 400_000);
});

describe('round 9: the open list', () => {
  it('every listed route was judged by some check of this run', () => {
    expect(unjudgedListed()).toEqual([]);
  });
});
