import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { dossier, fixtureCopy, freshDir, roundRoot, tki, tkiRun9, unlikeFlaggedPass } from '../round9/gen9.js';
import { createJudge15 } from './judge15.js';

/**
 * rt-packets15 through `tki run` as an operator types it (bubblewrap): a control run first (the
 * sandbox must run here, or the suite fails loudly), one route of each class this round found in
 * process (the formatting list bound, a raw-text element swallowing an end tag, `bdo` without `dir`)
 * and one that held (`<template>` swallowing an end tag); then `--out` shapes SPEC §5 forbids (the
 * packet directory spelled otherwise, reached through a dangling link or a link's new child, an
 * output directory holding a fourth entry, a file): exit 3, nothing written where it must not be,
 * and no stack trace on the terminal.
 */
const { judge, checkAllListedRan } = createJudge15('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const REVERSED = 'pass&#x200F; tests&#x200F; All';
/** A V8/Node stack frame or an internal error dump on the terminal. */
const STACK_TRACE = /\n\s+at .+:\d+:\d+|node:internal|Error: .*\n\s+at /;

describe('tki run (bubblewrap): look-alikes', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    judge('cli:control-twin', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli15-twin')));
  }, 120_000);
  for (const [name, text] of [
    ['noahs-ark-identical-entries-keep-outer-b', `<p><b dir="rtl">${'<i>'.repeat(17)}</p>${REVERSED}.`],
    ['xmp-swallows-span-end', `a <span dir="rtl"><xmp></span></xmp>${REVERSED}</span>.`],
    ['bdo-without-dir-inherits-rtl', 'All tests <span dir="rtl"><bdo>ssap</bdo></span>.'],
    ['template-swallows-span-end', `a <span dir="rtl"><template></span></template>${REVERSED}</span>.`],
  ] as const) {
    it(name, () => {
      judge(`cli:${name}`, unlikeFlaggedPass(tkiRun9({ dossierText: dossier(text) }, `cli15-${name}`)));
    }, 120_000);
  }
});

/** Problems of a run that must be refused: its exit, a stack trace, and files written in `watched`. */
function refusedProblems(run: { status: number | null; output: string }, watched: string, before: readonly string[]): string[] {
  const problems: string[] = [];
  if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
  if (STACK_TRACE.test(run.output)) problems.push(`a stack trace: ${JSON.stringify(run.output.slice(0, 200))}`);
  const after = existsSync(watched) ? readdirSync(watched).sort() : [];
  if (after.join(',') !== [...before].sort().join(',')) problems.push(`${path.basename(watched)} now holds ${after.join(', ')}`);
  return problems;
}

describe('tki run: --out shapes SPEC §5 forbids are refused', () => {
  it('--out is the packet directory spelled with a trailing /.', () => {
    const packet = fixtureCopy('cli15-out-dot');
    const before = readdirSync(packet);
    const run = tki([packet, '--out', `${packet}/.`]);
    judge('cli:out-packet-dir-trailing-dot', refusedProblems(run, packet, before).join('; ') || undefined);
  }, 120_000);
  it('--out relative to a working directory inside the packet', () => {
    const packet = fixtureCopy('cli15-out-relative');
    const before = readdirSync(packet);
    const run = tki(['.', '--out', 'sub'], packet);
    judge('cli:out-relative-inside-packet', refusedProblems(run, packet, before).join('; ') || undefined);
  }, 120_000);
  it('--out a dangling symlink whose target would be inside the packet', () => {
    const packet = fixtureCopy('cli15-out-dangling');
    const before = readdirSync(packet);
    const link = path.join(path.dirname(packet), 'dangling');
    symlinkSync(path.join(packet, 'new'), link);
    const run = tki([packet, '--out', link]);
    judge('cli:out-dangling-symlink-into-packet', refusedProblems(run, packet, before).join('; ') || undefined);
  }, 120_000);
  it('--out a new directory under a symlink to the packet', () => {
    const packet = fixtureCopy('cli15-out-link-child');
    const before = readdirSync(packet);
    const link = path.join(path.dirname(packet), 'to-packet');
    symlinkSync(packet, link);
    const run = tki([packet, '--out', path.join(link, 'new', 'deeper')]);
    judge('cli:out-new-child-of-symlink-to-packet', refusedProblems(run, packet, before).join('; ') || undefined);
  }, 120_000);
  it('--out holds a previous run\'s three files and a hidden fourth', () => {
    const out = path.join(freshDir('cli15-out-hidden'), 'out');
    mkdirSync(out);
    for (const [name, text] of [['report.json', '{}'], ['report.md', 'x'], ['checkpoint-inspection.md', 'y'], ['.keep', 'z']] as const) writeFileSync(path.join(out, name), text);
    const run = tki([fixtureCopy('cli15-out-hidden-packet'), '--out', out]);
    const problems = refusedProblems(run, out, readdirSync(out));
    if (readFileSync(path.join(out, 'report.json'), 'utf8') !== '{}') problems.push('report.json was replaced');
    judge('cli:out-hidden-fourth-file', problems.join('; ') || undefined);
  }, 120_000);
  it('--out holds a directory named report.md beside the other two', () => {
    const out = path.join(freshDir('cli15-out-dir-entry'), 'out');
    mkdirSync(path.join(out, 'report.md'), { recursive: true });
    writeFileSync(path.join(out, 'report.json'), '{}');
    writeFileSync(path.join(out, 'checkpoint-inspection.md'), 'y');
    const run = tki([fixtureCopy('cli15-out-dir-entry-packet'), '--out', out]);
    const problems = refusedProblems(run, out, readdirSync(out));
    if (readFileSync(path.join(out, 'report.json'), 'utf8') !== '{}') problems.push('report.json was replaced');
    judge('cli:out-directory-named-report-md', problems.join('; ') || undefined);
  }, 120_000);
  it('--out is a regular file', () => {
    const dir = freshDir('cli15-out-file');
    const out = path.join(dir, 'out');
    writeFileSync(out, 'keep');
    const run = tki([fixtureCopy('cli15-out-file-packet'), '--out', out]);
    const problems = refusedProblems(run, dir, readdirSync(dir));
    if (readFileSync(out, 'utf8') !== 'keep') problems.push('the file was replaced');
    judge('cli:out-is-a-file', problems.join('; ') || undefined);
  }, 120_000);
  it('--out is empty', () => {
    const packet = fixtureCopy('cli15-out-empty');
    const parent = path.dirname(packet);
    const before = readdirSync(parent);
    const packetBefore = readdirSync(packet);
    const run = tki([packet, '--out', ''], parent);
    const problems = refusedProblems(run, parent, before);
    if (readdirSync(packet).sort().join(',') !== [...packetBefore].sort().join(',')) problems.push(`the packet now holds ${readdirSync(packet).join(', ')}`);
    judge('cli:out-empty-string', problems.join('; ') || undefined);
  }, 120_000);
});
