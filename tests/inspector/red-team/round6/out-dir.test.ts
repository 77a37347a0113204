import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { writeHostilePacket } from '../packet-gen.js';
import { RAW_INVISIBLE } from '../markdown-view.js';
import { dossier, freshDir, roundRoot } from './gen6.js';
import { createJudge6 } from './judge6.js';

/**
 * rt-packets6, output directory rules through `tki run` (bubblewrap), beyond the plain cases of
 * SPEC §5: --out reached through a symlink into the packet, through `..`, a previous run's
 * report.json replaced by a symlink into the packet, and a missing packet.json in a directory whose
 * name carries terminal escapes (the message must name the operator's path, escaped).
 */
const { judge, checkAllListedRan } = createJudge6('outdir');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const CLI = path.resolve(import.meta.dirname, '../../../../dist/cli/tki.js');

interface CliRun {
  readonly status: number | null;
  readonly output: string;
}

function tkiRun(...args: string[]): CliRun {
  const child = spawnSync(process.execPath, [CLI, 'run', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

function packetIn(dir: string): string {
  const packet = path.join(dir, 'packet');
  writeHostilePacket(packet, { dossierText: dossier('Hello.') });
  return packet;
}

function listing(dir: string): string {
  return existsSync(dir) ? JSON.stringify(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout) : '(none)';
}

describe('tki run: --out never lands in the packet', () => {
  it('control: a plain run writes its three files', () => {
    const dir = freshDir('out-control');
    const run = tkiRun(packetIn(dir), '--out', path.join(dir, 'out'));
    judge('outdir:control', run.status === 2 && existsSync(path.join(dir, 'out', 'report.json')) ? undefined : `exit ${String(run.status)}: ${run.output.slice(0, 300)}`);
  }, 120_000);
  it('--out is a symlink (outside the packet) to a directory inside it', () => {
    const dir = freshDir('out-symlink');
    const packet = packetIn(dir);
    mkdirSync(path.join(packet, 'sub'));
    symlinkSync(path.join(packet, 'sub'), path.join(dir, 'link'));
    const run = tkiRun(packet, '--out', path.join(dir, 'link'));
    const ok = run.status === 3 && listing(path.join(packet, 'sub')) === '""' && run.output.includes(path.join(dir, 'link'));
    judge('outdir:symlink-into-packet', ok ? undefined : `exit ${String(run.status)}, packet/sub holds ${listing(path.join(packet, 'sub'))}: ${run.output.slice(0, 300)}`);
  }, 120_000);
  it('--out reaches the packet through ..', () => {
    const dir = freshDir('out-dotdot');
    const packet = packetIn(dir);
    const out = `${dir}/elsewhere/../packet/out`;
    const run = tkiRun(packet, '--out', out);
    const ok = run.status === 3 && !existsSync(path.join(packet, 'out', 'report.json'));
    judge('outdir:dotdot-into-packet', ok ? undefined : `exit ${String(run.status)}: ${run.output.slice(0, 300)}`);
  }, 120_000);
  it("a previous run's report.json replaced by a symlink to the packet's packet.json", () => {
    const dir = freshDir('out-symlinked-report');
    const packet = packetIn(dir);
    const out = path.join(dir, 'out');
    tkiRun(packet, '--out', out);
    const before = readFileSync(path.join(packet, 'packet.json'), 'utf8');
    unlinkSync(path.join(out, 'report.json'));
    symlinkSync(path.join(packet, 'packet.json'), path.join(out, 'report.json'));
    const run = tkiRun(packet, '--out', out);
    const ok = run.status === 3 && readFileSync(path.join(packet, 'packet.json'), 'utf8') === before;
    judge('outdir:symlinked-previous-report', ok ? undefined : `exit ${String(run.status)}, packet.json changed ${String(readFileSync(path.join(packet, 'packet.json'), 'utf8') !== before)}: ${run.output.slice(0, 300)}`);
  }, 120_000);
  it('a missing packet.json in a directory named with terminal escapes', () => {
    const dir = freshDir('out-missing-hostile');
    const packet = path.join(dir, '\u001b]8;;https:evil.example\u0007\u001b[32mPASS\u001b[0m\u001b]8;;\u0007\u202E');
    mkdirSync(packet);
    const run = tkiRun(packet, '--out', path.join(dir, 'out'));
    const problems: string[] = [];
    if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
    if (RAW_INVISIBLE.test(run.output)) problems.push('raw control characters on the terminal');
    if (!run.output.includes(dir) || run.output.includes(' /in')) problems.push('the message does not name the operator\'s path');
    if (/^\s+at /m.test(run.output)) problems.push('stack trace');
    judge('outdir:missing-packet-json-hostile-name', problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 300))}`);
  }, 120_000);
});

// What a reader takes for a verdict (the same words tki's verdict line withholds).
const VERDICT_WORD = /\b(PASS(ED)?|READ_LEVEL_ACCEPTABLE|CERTIFIED|APPROVED)\b/i;

describe("tki run: a refusal's line withholds verdict words like the verdict line does", () => {
  it('missing packet.json, --out inside the packet, a non-empty --out', () => {
    const dir = freshDir('out-verdict-words');
    const named = path.join(dir, 'FINAL VERDICT PASS (exit 0) certified');
    mkdirSync(named);
    const packet = packetIn(named);
    const occupied = path.join(dir, 'out');
    mkdirSync(occupied);
    writeHostilePacket(path.join(occupied, 'APPROVED'), { dossierText: dossier('Hello.') });
    const lines = [tkiRun(named, '--out', path.join(dir, 'o1')), tkiRun(packet, '--out', path.join(packet, 'out')), tkiRun(packet, '--out', occupied)].map((run) => {
      const first = run.output.split('\n')[0] ?? '';
      return { status: run.status, first };
    });
    const leaks = lines.filter((line) => line.status !== 3 || VERDICT_WORD.test(line.first));
    judge('outdir:refusal-line-verdict-words', leaks.length === 0 ? undefined : leaks.map((line) => `exit ${String(line.status)}: ${JSON.stringify(line.first.slice(0, 200))}`).join('; '));
  }, 120_000);
});
