import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { dossier, fixtureCopy, freshDir, roundRoot, tki, tkiRun9, unlikeFlaggedPass } from '../round9/gen9.js';
import { createJudge17 } from './judge17.js';

/**
 * rt-packets17 through `tki run` as an operator types it (bubblewrap): a control run, routes this
 * round found in process (a Hangul filler or a hair space between letters, a `hidden` negation) and one that held; then `--out` shapes
 * SPEC §5 forbids that no round tried: the packet directory with trailing slashes, `..` after a link
 * (the kernel follows the link first; a run may write at the lexical reading, never in the packet), procfs paths that are the
 * packet by another name (`/proc/self/root/…`, `/proc/self/cwd` from inside it), a previous run's three
 * files plus one more (a second checkpoint, an empty directory, a dangling link), a previous run's
 * three names with one in another case, a `report.md` that is a link to a file outside, and previous
 * files hard-linked to the packet's packet.json or to a file outside (a write in place would change them). Each must
 * exit 3, print no stack trace, and leave the watched directory (and the link's target) as it was.
 */
const { judge, checkAllListedRan } = createJudge17('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

/** A V8/Node stack frame or an internal error dump on the terminal. */
const STACK_TRACE = /\n\s+at .+:\d+:\d+|node:internal|Error: .*\n\s+at /;

describe('tki run (bubblewrap): look-alikes', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    judge('cli:control-twin', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli17-twin')));
  }, 180_000);
  for (const [name, text] of [
    ['hangul-filler-inside-words', 'A\u3164l\u3164l t\u3164e\u3164s\u3164t\u3164s p\u3164a\u3164s\u3164s.'],
    ['hidden-attribute-negation', 'All tests <span hidden>never</span> pass.'],
    ['hair-space-inside-words', 'A\u200Al\u200Al t\u200Ae\u200As\u200At\u200As p\u200Aa\u200As\u200As.'],
    ['small-capitals-whole-sentence', '\u1D00\u029F\u029F \u1D1B\u1D07\uA731\u1D1B\uA731 \u1D18\u1D00\uA731\uA731.'],
  ] as const) {
    it(name, () => {
      judge(`cli:${name}`, unlikeFlaggedPass(tkiRun9({ dossierText: dossier(text) }, `cli17-${name}`)));
    }, 180_000);
  }
});

/** Every entry under dir (recursively), so a file written deep inside the packet is seen. */
function entriesUnder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

/** Problems of a run that must be refused: its exit, a stack trace, and entries written under `watched`. */
function refusedProblems(run: { status: number | null; output: string }, watched: string, before: readonly string[]): string[] {
  const problems: string[] = [];
  if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
  if (STACK_TRACE.test(run.output)) problems.push(`a stack trace: ${JSON.stringify(run.output.slice(0, 200))}`);
  const after = entriesUnder(watched);
  if (after.join(',') !== before.join(',')) problems.push(`${path.basename(watched)} now holds ${after.join(', ')}`);
  return problems;
}

/** An output directory holding `entries` (name → text, or a function making the entry at its path). */
function outWith(label: string, entries: Record<string, string | ((at: string) => void)>): string {
  const out = path.join(freshDir(label), 'out');
  mkdirSync(out);
  for (const [name, entry] of Object.entries(entries)) {
    if (typeof entry === 'string') writeFileSync(path.join(out, name), entry);
    else entry(path.join(out, name));
  }
  return out;
}

describe('tki run: --out into the packet by another spelling is refused', () => {
  it('--out is the packet directory with trailing slashes', () => {
    const packet = fixtureCopy('cli17-out-slashes');
    const before = entriesUnder(packet);
    judge('cli:out-packet-dir-trailing-slashes', refusedProblems(tki([packet, '--out', `${packet}///`]), packet, before).join('; ') || undefined);
  }, 180_000);
  it('--out is `..` after a link to a directory inside the packet (the kernel follows the link first)', () => {
    const packet = fixtureCopy('cli17-out-link-dotdot');
    mkdirSync(path.join(packet, 'sub'));
    const before = entriesUnder(packet);
    const link = path.join(path.dirname(packet), 'to-sub');
    symlinkSync(path.join(packet, 'sub'), link);
    // Read lexically (as a shell's `cd` and Node's path.resolve do) the path is a new sibling of the
    // packet, and writing there is no breach; what must not happen is a write where the kernel goes.
    const run = tki([packet, '--out', `${link}/../new-out`]);
    const problems = refusedProblems(run, packet, before).filter((problem) => !/^exit [12]$/.test(problem));
    if (![1, 2, 3].includes(run.status ?? -1)) problems.push(`exit ${String(run.status)}`);
    judge('cli:out-dotdot-after-link-into-packet', problems.join('; ') || undefined);
  }, 180_000);
  it('--out names the packet through /proc/self/root', () => {
    const packet = fixtureCopy('cli17-out-proc-root');
    const before = entriesUnder(packet);
    judge('cli:out-proc-self-root-into-packet', refusedProblems(tki([packet, '--out', `/proc/self/root${packet}/new-out`]), packet, before).join('; ') || undefined);
  }, 180_000);
  it('--out names the packet through /proc/self/cwd from inside it', () => {
    const packet = fixtureCopy('cli17-out-proc-cwd');
    const before = entriesUnder(packet);
    judge('cli:out-proc-self-cwd-inside-packet', refusedProblems(tki([packet, '--out', '/proc/self/cwd/new-out'], packet), packet, before).join('; ') || undefined);
  }, 180_000);
  it('--out=PATH (one argument) naming a directory inside the packet', () => {
    const packet = fixtureCopy('cli17-out-equals');
    const before = entriesUnder(packet);
    judge('cli:out-equals-form-into-packet', refusedProblems(tki([packet, `--out=${packet}/new-out`]), packet, before).join('; ') || undefined);
  }, 180_000);
  it('--out through a missing directory and `..` back into the packet', () => {
    const packet = fixtureCopy('cli17-out-missing-dotdot');
    const before = entriesUnder(packet);
    judge('cli:out-missing-dir-dotdot-into-packet', refusedProblems(tki([packet, '--out', `${path.dirname(packet)}/missing/../${path.basename(packet)}/new-out`]), packet, before).join('; ') || undefined);
  }, 180_000);
});

const PREVIOUS = { 'report.json': '{}', 'report.md': 'x', 'checkpoint-inspection.md': 'y' } as const;

describe('tki run: --out holding more or other than a previous run\'s three files is refused', () => {
  const shapes: Record<string, Record<string, string | ((at: string) => void)>> = {
    'second-checkpoint': { ...PREVIOUS, 'checkpoint-other.md': 'z' },
    'empty-directory-beside': { ...PREVIOUS, sub: (at) => mkdirSync(at) },
    'dangling-link-beside': { ...PREVIOUS, 'report.txt': (at) => symlinkSync('/nonexistent-rt17', at) },
    'report-json-upper-case': { 'REPORT.JSON': '{}', 'report.md': 'x', 'checkpoint-inspection.md': 'y' },
    'report-md-capitalized': { 'report.json': '{}', 'Report.md': 'x', 'checkpoint-inspection.md': 'y' },
    'checkpoint-name-upper-case': { 'report.json': '{}', 'report.md': 'x', 'checkpoint-INSPECTION.md': 'y' },
  };
  for (const [name, entries] of Object.entries(shapes)) {
    it(name, () => {
      const out = outWith(`cli17-out-${name}`, entries);
      const before = entriesUnder(out);
      const problems = refusedProblems(tki([fixtureCopy(`cli17-out-${name}-packet`), '--out', out]), out, before);
      const json = ['report.json', 'REPORT.JSON'].find((file) => existsSync(path.join(out, file)));
      if (json !== undefined && readFileSync(path.join(out, json), 'utf8') !== '{}') problems.push(`${json} was replaced`);
      judge(`cli:out-${name}`, problems.join('; ') || undefined);
    }, 180_000);
  }
  // A previous run's file hard-linked to another file: a write in place (not temp file + rename) would change that file.
  it('report-json-a-hard-link-to-the-packets-packet-json', () => {
    const packet = fixtureCopy('cli17-out-hard-link-packet');
    const packetJson = readFileSync(path.join(packet, 'packet.json'), 'utf8');
    const out = outWith('cli17-out-hard-link', { 'report.json': (at) => linkSync(path.join(packet, 'packet.json'), at), 'report.md': 'x', 'checkpoint-inspection.md': 'y' });
    const run = tki([packet, '--out', out]);
    const problems: string[] = [];
    if (![1, 2, 3].includes(run.status ?? -1)) problems.push(`exit ${String(run.status)}`);
    if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
    if (readFileSync(path.join(packet, 'packet.json'), 'utf8') !== packetJson) problems.push('the packet\'s packet.json was written through the hard link');
    judge('cli:out-report-json-hard-link-to-packet-json', problems.join('; ') || undefined);
  }, 180_000);
  it('report-md-a-hard-link-to-a-file-outside', () => {
    const victim = path.join(freshDir('cli17-hard-victim'), 'victim.txt');
    writeFileSync(victim, 'keep');
    const out = outWith('cli17-out-hard-link-md', { 'report.json': '{}', 'report.md': (at) => linkSync(victim, at), 'checkpoint-inspection.md': 'y' });
    const run = tki([fixtureCopy('cli17-out-hard-link-md-packet'), '--out', out]);
    const problems: string[] = [];
    if (![1, 2, 3].includes(run.status ?? -1)) problems.push(`exit ${String(run.status)}`);
    if (readFileSync(victim, 'utf8') !== 'keep') problems.push('the hard link\'s other name outside --out was written');
    judge('cli:out-report-md-hard-link-to-outside', problems.join('; ') || undefined);
  }, 180_000);
  it('report-md-a-link-to-a-file-outside', () => {
    const victim = path.join(freshDir('cli17-victim'), 'victim.txt');
    writeFileSync(victim, 'keep');
    const out = outWith('cli17-out-link-md', { 'report.json': '{}', 'report.md': (at) => symlinkSync(victim, at), 'checkpoint-inspection.md': 'y' });
    const run = tki([fixtureCopy('cli17-out-link-md-packet'), '--out', out]);
    const problems: string[] = [];
    if (run.status !== 1 && run.status !== 2 && run.status !== 3) problems.push(`exit ${String(run.status)}`);
    if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
    if (readFileSync(victim, 'utf8') !== 'keep') problems.push('the link\'s target outside --out was written');
    judge('cli:out-report-md-link-to-outside', problems.join('; ') || undefined);
  }, 180_000);
});
