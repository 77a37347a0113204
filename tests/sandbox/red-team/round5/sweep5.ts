import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, type Operator } from '../run-driver.js';

/** The hostile local user: neither root nor the sandbox's uid nor the unprivileged operator (65534). */
export const ATTACKER_UID = 1000;
const NOBODY = 65534;
const here = path.dirname(new URL(import.meta.url).pathname);
const DEAD_PID = '999999';

export interface SweepScene {
  /** The TMPDIR the operator's tki uses: world-writable and sticky, like /tmp (private so no other run is touched). */
  readonly tmp: string;
  readonly base: string;
  readonly operatorUid: number;
}

export function newScene(operator: Operator): SweepScene {
  const base = mkdtempSync(path.join(tmpdir(), 'rt5-sweep-'));
  chmodSync(base, 0o755);
  const tmp = path.join(base, 'tmp');
  mkdirSync(tmp);
  chmodSync(tmp, 0o1777);
  return { tmp, base, operatorUid: operator === 'root' ? 0 : NOBODY };
}

export function dropScene(scene: SweepScene): void {
  rmSync(scene.base, { recursive: true, force: true });
}

function asAttacker(script: string): void {
  execFileSync('setpriv', [`--reuid=${String(ATTACKER_UID)}`, `--regid=${String(ATTACKER_UID)}`, '--clear-groups', '/bin/sh', '-c', script], { cwd: '/' });
}

/** Plants <tmp>/tki-engine-<name>/owner.pid as the attacker: a FIFO, a symlink to /dev/zero or a dead pid (plus one file). */
export function plant(scene: SweepScene, name: string, kind: 'fifo' | 'zero' | 'dead'): void {
  const dir = path.join(scene.tmp, `tki-engine-${name}`);
  const owner = path.join(dir, 'owner.pid');
  const make = { fifo: `mkfifo '${owner}'`, zero: `ln -s /dev/zero '${owner}'`, dead: `echo ${DEAD_PID} > '${owner}' && mkdir '${dir}/sub' && touch '${dir}/sub/x'` }[kind];
  asAttacker(`mkdir '${dir}' && ${make}`);
}

export interface TkiOutcome {
  readonly status: number | null;
  readonly timedOut: boolean;
  readonly firstLine: string;
  readonly maxRssMiB: number;
  readonly elapsedMs: number;
}

/** `tki run --engine <engine>` on fixture fix7-a as the operator, with TMPDIR = the scene's, for at most `timeoutMs`. */
export function runTki(scene: SweepScene, engine: string, timeoutMs: number): TkiOutcome {
  const work = mkdtempSync(path.join(scene.base, 'run-'));
  chmodSync(work, 0o755);
  const packet = path.join(work, 'pk');
  cpSync(path.join(repoRoot, 'fixtures/packets/fix7-a'), packet, { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', packet]);
  if (scene.operatorUid !== 0) chownSync(work, scene.operatorUid, scene.operatorUid);
  const tki = [process.execPath, path.join(repoRoot, 'dist/cli/tki.js'), 'run', packet, '--out', path.join(work, 'out'), '--engine', engine];
  const env = ['env', '-i', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${work}`, `TMPDIR=${scene.tmp}`];
  const asOperator = scene.operatorUid === 0 ? env : ['setpriv', `--reuid=${String(scene.operatorUid)}`, `--regid=${String(scene.operatorUid)}`, '--clear-groups', ...env];
  const started = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'RT5-MAXRSS %M', 'timeout', '-s', 'KILL', String(Math.ceil(timeoutMs / 1000)), ...asOperator, ...tki], { encoding: 'utf8', cwd: '/', maxBuffer: 16 * 1024 * 1024 });
  const rss = /RT5-MAXRSS (\d+)/.exec(r.stderr);
  const lines = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('RT5-MAXRSS') && !l.startsWith('Command '));
  return { status: r.status, timedOut: r.status === 137 || /signal 9/.test(r.stderr), firstLine: (lines[0] ?? '').slice(0, 300), maxRssMiB: rss ? Math.round(Number(rss[1]) / 1024) : -1, elapsedMs: Date.now() - started };
}

/** A normal end: a verdict line of fix7-a's inspector (READ_LEVEL_FAIL, exit 1). */
export function endedNormally(o: TkiOutcome): boolean {
  return !o.timedOut && o.status === 1 && o.firstLine.startsWith('tki run: READ_LEVEL_FAIL');
}

/**
 * The rm -rf race: the attacker plants `dirs` work directories whose sub/ holds the victim's file names,
 * and swaps each sub/ with a symlink to the victim directory in a loop while the operator's tki runs
 * (up to `runs` times, stopping once a file is gone). The victim directory belongs to the operator.
 */
export function sweepRace(scene: SweepScene, engine: string, runs: number): { victimLeft: number; victimTotal: number; outcomes: TkiOutcome[] } {
  const swap = path.join(scene.base, 'swap5');
  execFileSync('gcc', ['-O2', '-o', swap, path.join(here, 'swap5.c')]);
  chmodSync(swap, 0o755);
  const victim = path.join(scene.base, 'victim');
  mkdirSync(victim, { mode: 0o700 });
  const total = 2000;
  for (let i = 0; i < total; i++) writeFileSync(path.join(victim, `f${String(i)}`), 'the operator\'s own file\n');
  if (scene.operatorUid !== 0) spawnSync('chown', ['-R', `${String(scene.operatorUid)}:${String(scene.operatorUid)}`, victim]);
  const swappers = [];
  for (const k of [1, 2, 3]) {
    const dir = path.join(scene.tmp, `tki-engine-rt5race${String(k)}`);
    asAttacker(`mkdir -p '${dir}/sub' && echo ${DEAD_PID} > '${dir}/owner.pid' && cd '${dir}/sub' && seq -f 'f%g' 0 ${String(total - 1)} | xargs touch && ln -s '${victim}' '${dir}/lnk'`);
    swappers.push(spawn('setpriv', [`--reuid=${String(ATTACKER_UID)}`, `--regid=${String(ATTACKER_UID)}`, '--clear-groups', swap, path.join(dir, 'sub'), path.join(dir, 'lnk')], { stdio: 'ignore' }));
  }
  const outcomes: TkiOutcome[] = [];
  try {
    for (let i = 0; i < runs && readdirSync(victim).length === total; i++) outcomes.push(runTki(scene, engine, 120_000));
  } finally {
    for (const s of swappers) s.kill('SIGKILL');
  }
  return { victimLeft: readdirSync(victim).length, victimTotal: total, outcomes };
}
