import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { dossier, fixtureCopy, freshDir, roundRoot } from '../round9/gen9.js';
import { refusedLeaving, snapshot, STACK_TRACE, tkiRun, tkiRunShell, writeSingleFilePacket, type Typed } from './cli-gen.js';
import { createJudge20 } from './judge20.js';

/**
 * rt-packets20, `tki run` (bubblewrap) against session 19's rule: `--out` may not hold a single-file
 * packet under any name or through any link, and must be empty or exactly a previous run's three files
 * (SPEC §5, docs/sandbox.md "How to run"). Each check asserts the correct behaviour: a refused run ends
 * in exit 3 with no stack trace and leaves the watched directories as they were (the packet is never
 * replaced or removed). Shapes no round tried: the packet as a checkpoint of another name (a previous
 * checkpoint of another name is removed once the new triplet is in place), hard links of the packet,
 * symbolic links in --out pointing at the packet, --out reached through a link and `..`, the option's
 * other spellings, `--name` as a path, devices and FIFOs as the packet or --out, paths that are not UTF-8.
 * Keys are `out:`.
 */
const { judge, checkAllListedRan } = createJudge20('out');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const CLEAN = dossier('Hello.');
const TRIPLET = ['report.json', 'report.md', 'checkpoint-inspection.md'];

/** A directory `out` under a fresh directory, holding the given names (each a small file). */
function outWith(label: string, names: readonly string[]): string {
  const out = path.join(freshDir(label), 'out');
  mkdirSync(out, { mode: 0o755 });
  for (const name of names) writeFileSync(path.join(out, name), `previous ${name}`);
  return out;
}

function check(key: string, run: Typed, watched: readonly string[], before: readonly string[], extra: string[] = []): void {
  const problems = [...refusedLeaving(run, watched, before), ...extra];
  judge(`out:${key}`, problems.length === 0 ? undefined : problems.join('; '));
}

describe('controls: an empty --out and a previous run\'s three files are accepted', () => {
  it('an empty (missing) --out', () => {
    const out = path.join(freshDir('o20-control'), 'out');
    const run = tkiRun([fixtureCopy('o20-control-pkt'), '--out', out]);
    const written = existsSync(out) ? readdirSync(out).sort().join(',') : '';
    judge('out:control-empty-out', run.status === 1 && written === [...TRIPLET].sort().join(',') ? undefined : `exit ${String(run.status)}, wrote ${written}: ${run.output.slice(0, 200)}`);
  }, 180_000);
  it('a previous run\'s three files', () => {
    const out = outWith('o20-control-prev', TRIPLET);
    const run = tkiRun([fixtureCopy('o20-control-prev-pkt'), '--out', out]);
    judge('out:control-previous-triplet', run.status === 1 ? undefined : `exit ${String(run.status)}: ${run.output.slice(0, 200)}`);
  }, 180_000);
  it('a single-file packet beside an empty --out', () => {
    const base = freshDir('o20-control-single');
    const packetFile = path.join(base, 'evidence.json');
    writeSingleFilePacket(packetFile, { dossierText: CLEAN });
    const run = tkiRun([packetFile, '--out', path.join(base, 'out')]);
    judge('out:control-single-file-beside', run.status === 2 ? undefined : `exit ${String(run.status)}: ${run.output.slice(0, 200)}`);
  }, 180_000);
});

describe('the single-file packet in --out under another name or link', () => {
  it('the packet is a checkpoint of another name beside report.json and report.md', () => {
    const out = outWith('o20-ckpt-other', ['report.json', 'report.md']);
    const packetFile = path.join(out, 'checkpoint-evidence.md');
    writeSingleFilePacket(packetFile, { dossierText: CLEAN });
    const before = [snapshot(out)];
    check('packet-is-a-checkpoint-of-another-name', tkiRun([packetFile, '--out', out]), [out], before);
  }, 180_000);
  it('the same, with --name naming that checkpoint', () => {
    const out = outWith('o20-ckpt-named', ['report.json', 'report.md']);
    const packetFile = path.join(out, 'checkpoint-evidence.md');
    writeSingleFilePacket(packetFile, { dossierText: CLEAN });
    const before = [snapshot(out)];
    check('packet-is-the-checkpoint-named-by-name', tkiRun([packetFile, '--out', out, '--name', 'evidence']), [out], before);
  }, 180_000);
  for (const [key, name] of [['hard-link-as-report-json', 'report.json'], ['hard-link-as-report-md', 'report.md'], ['hard-link-as-checkpoint', 'checkpoint-inspection.md'], ['hard-link-as-checkpoint-of-another-name', 'checkpoint-old.md']] as const) {
    it(`the packet (elsewhere) hard-linked into --out as ${name}`, () => {
      const home = freshDir(`o20-${key}`);
      const packetFile = path.join(home, 'evidence.json');
      writeSingleFilePacket(packetFile, { dossierText: CLEAN });
      const out = outWith(`o20-${key}-out`, TRIPLET.filter((entry) => entry !== name && !(name.startsWith('checkpoint-old') && entry.startsWith('checkpoint-'))));
      linkSync(packetFile, path.join(out, name));
      const before = [snapshot(out), snapshot(home)];
      check(key, tkiRun([packetFile, '--out', out]), [out, home], before);
    }, 180_000);
  }
  for (const [key, name] of [['symlink-report-json-to-the-packet', 'report.json'], ['symlink-report-md-to-the-packet', 'report.md'], ['symlink-checkpoint-of-another-name-to-the-packet', 'checkpoint-old.md']] as const) {
    it(`--out's ${name} a symbolic link to the packet file`, () => {
      const home = freshDir(`o20-${key}`);
      const packetFile = path.join(home, 'evidence.json');
      writeSingleFilePacket(packetFile, { dossierText: CLEAN });
      const out = outWith(`o20-${key}-out`, TRIPLET.filter((entry) => entry !== name && !(name.startsWith('checkpoint-old') && entry.startsWith('checkpoint-'))));
      symlinkSync(packetFile, path.join(out, name));
      const before = [snapshot(out), snapshot(home)];
      check(key, tkiRun([packetFile, '--out', out]), [out, home], before);
    }, 180_000);
  }
  it('--out\'s report.md a symbolic link to a packet directory\'s packet.json', () => {
    const packet = fixtureCopy('o20-link-md-dir');
    const out = outWith('o20-link-md-dir-out', ['report.json', 'checkpoint-inspection.md']);
    symlinkSync(path.join(packet, 'packet.json'), path.join(out, 'report.md'));
    const before = [snapshot(out), snapshot(packet)];
    check('symlink-report-md-to-packet-json-of-a-directory-packet', tkiRun([packet, '--out', out]), [out, packet], before);
  }, 180_000);
  it('--out\'s report.json a symbolic link to a file of the operator\'s outside both', () => {
    const victimDir = freshDir('o20-victim');
    writeFileSync(path.join(victimDir, 'notes.txt'), 'the operator\'s notes');
    const out = outWith('o20-victim-out', ['report.md', 'checkpoint-inspection.md']);
    symlinkSync(path.join(victimDir, 'notes.txt'), path.join(out, 'report.json'));
    const before = [snapshot(out), snapshot(victimDir)];
    check('symlink-report-json-to-a-file-outside', tkiRun([fixtureCopy('o20-victim-pkt'), '--out', out]), [out, victimDir], before);
  }, 180_000);
  it('the packet named through /dev/fd (a descriptor on the packet in --out)', () => {
    const out = outWith('o20-devfd', ['report.md', 'checkpoint-inspection.md']);
    const packetFile = path.join(out, 'report.json');
    writeSingleFilePacket(packetFile, { dossierText: CLEAN });
    const before = [snapshot(out)];
    check('packet-named-through-dev-fd', tkiRunShell(`/dev/fd/7 --out '${out}' 7<'${packetFile}'`), [out], before);
  }, 180_000);
  it('the packet named through /proc/self/cwd from inside --out', () => {
    const out = outWith('o20-proc-cwd', ['report.md', 'checkpoint-inspection.md']);
    const packetFile = path.join(out, 'report.json');
    writeSingleFilePacket(packetFile, { dossierText: CLEAN });
    const before = [snapshot(out)];
    check('packet-named-through-proc-self-cwd', tkiRun(['/proc/self/cwd/report.json', '--out', out], out), [out], before);
  }, 180_000);
});

describe('the single-file packet in --out, --out spelled otherwise', () => {
  const spellings: Record<string, (out: string) => { args: string[]; cwd?: string }> = {
    'out-with-trailing-dot-slash': (out) => ({ args: [path.join(out, 'report.json'), '--out', `${out}/./`] }),
    'out-with-double-slashes': (out) => ({ args: [`${out}//report.json`, '--out', out.replace(/\//g, '//')] }),
    'out-equals-form': (out) => ({ args: [path.join(out, 'report.json'), `--out=${out}`] }),
    'out-before-the-packet': (out) => ({ args: ['--out', out, path.join(out, 'report.json')] }),
    'out-dot-from-inside': (out) => ({ args: ['report.json', '--out', '.'], cwd: out }),
    'out-dotdot-back-in': (out) => ({ args: ['./report.json', '--out', `../${path.basename(out)}`], cwd: out }),
  };
  for (const [key, spell] of Object.entries(spellings)) {
    it(key, () => {
      const out = outWith(`o20-${key}`, ['report.md', 'checkpoint-inspection.md']);
      writeSingleFilePacket(path.join(out, 'report.json'), { dossierText: CLEAN });
      const before = [snapshot(out)];
      const { args, cwd } = spell(out);
      check(key, tkiRun(args, cwd), [out], before);
    }, 180_000);
  }
  it('--out is the packet file itself', () => {
    const home = freshDir('o20-out-is-file');
    const packetFile = path.join(home, 'evidence.json');
    writeSingleFilePacket(packetFile, { dossierText: CLEAN });
    const before = [snapshot(home)];
    check('out-is-the-packet-file', tkiRun([packetFile, '--out', packetFile]), [home], before);
  }, 180_000);
  it('--out under the packet file', () => {
    const home = freshDir('o20-out-under-file');
    const packetFile = path.join(home, 'evidence.json');
    writeSingleFilePacket(packetFile, { dossierText: CLEAN });
    const before = [snapshot(home)];
    check('out-under-the-packet-file', tkiRun([packetFile, '--out', path.join(packetFile, 'sub')]), [home], before);
  }, 180_000);
  it('the packet typed through a link and `..` that the kernel resolves into --out', () => {
    const base = freshDir('o20-packet-dotdot');
    const out = path.join(base, 'out');
    mkdirSync(out);
    for (const name of ['report.md', 'checkpoint-inspection.md']) writeFileSync(path.join(out, name), 'x');
    writeSingleFilePacket(path.join(out, 'report.json'), { dossierText: CLEAN });
    mkdirSync(path.join(base, 'sibling'));
    const elsewhere = freshDir('o20-packet-dotdot-link');
    symlinkSync(path.join(base, 'sibling'), path.join(elsewhere, 'via'));
    const before = [snapshot(out)];
    // The kernel reads via/.. as base; a lexical reading gives elsewhere/out/report.json (no such file).
    check('packet-typed-through-link-and-dotdot', tkiRunShell(`'${elsewhere}/via/../out/report.json' --out '${out}'`), [out], before);
  }, 180_000);
});

describe('--out inside a directory packet, reached otherwise', () => {
  it('a missing --out whose parent is a link into the packet', () => {
    const packet = fixtureCopy('o20-parent-link');
    const links = freshDir('o20-parent-link-l');
    symlinkSync(packet, path.join(links, 'to-packet'));
    const before = [snapshot(packet)];
    check('missing-out-under-a-link-into-the-packet', tkiRun([packet, '--out', path.join(links, 'to-packet', 'new-out')]), [packet], before);
  }, 180_000);
  it('a missing --out under a chain of two links into a packet subdirectory', () => {
    const packet = fixtureCopy('o20-chain');
    const sub = readdirSync(packet).find((name) => lstatSync(path.join(packet, name)).isDirectory());
    const links = freshDir('o20-chain-l');
    symlinkSync(path.join(packet, sub ?? '.'), path.join(links, 'one'));
    symlinkSync(path.join(links, 'one'), path.join(links, 'two'));
    const before = [snapshot(packet)];
    check('missing-out-under-a-link-chain-into-a-packet-subdirectory', tkiRun([packet, '--out', path.join(links, 'two', 'new-out')]), [packet], before);
  }, 180_000);
  it('a missing nested --out inside the packet', () => {
    const packet = fixtureCopy('o20-nested');
    const before = [snapshot(packet)];
    check('missing-nested-out-inside-the-packet', tkiRun([packet, '--out', path.join(packet, 'a', 'b', 'c')]), [packet], before);
  }, 180_000);
  it('--out typed through a link and `..` that the kernel resolves inside the packet', () => {
    const base = freshDir('o20-out-dotdot');
    const packet = path.join(base, 'pkt');
    spawnSync('cp', ['-r', fixtureCopy('o20-out-dotdot-src'), packet]);
    spawnSync('chmod', ['-R', 'a+rX', packet]);
    const sub = readdirSync(packet).find((name) => lstatSync(path.join(packet, name)).isDirectory()) ?? '.';
    mkdirSync(path.join(packet, sub, 'deeper'), { recursive: true });
    symlinkSync(path.join(packet, sub, 'deeper'), path.join(base, 'link'));
    const before = [snapshot(packet), snapshot(base)];
    // link/.. is packet/<sub> for the kernel; a lexical reading gives base/new-out.
    check('out-typed-through-link-and-dotdot', tkiRun([packet, '--out', path.join(base, 'link') + '/../new-out']), [packet, base], before);
  }, 180_000);
});

describe('--out into a directory packet through /proc and /dev/fd', () => {
  it('--out under /proc/self/cwd with the packet as the working directory', () => {
    const packet = fixtureCopy('o20-proc-cwd-dir');
    const before = [snapshot(packet)];
    check('out-under-proc-self-cwd-in-the-packet', tkiRun([packet, '--out', '/proc/self/cwd/new-out'], packet), [packet], before);
  }, 180_000);
  it('--out under /dev/fd/N, a descriptor on the packet directory', () => {
    const packet = fixtureCopy('o20-devfd-dir');
    const before = [snapshot(packet)];
    check('out-under-dev-fd-on-the-packet', tkiRunShell(`'${packet}' --out /dev/fd/7/new-out 7<'${packet}'`), [packet], before);
  }, 180_000);
});

describe('--out holding more or other than a previous run\'s three files', () => {
  const shapes: Record<string, string[]> = {
    'triplet-and-a-dotfile': [...TRIPLET, '.keep'],
    'triplet-and-a-second-checkpoint': [...TRIPLET, 'checkpoint-other.md'],
    'two-checkpoints-no-report-md': ['report.json', 'checkpoint-a.md', 'checkpoint-b.md'],
    'triplet-with-an-upper-case-checkpoint-name': ['report.json', 'report.md', 'checkpoint-Evidence.md'],
    'triplet-with-a-checkpoint-name-outside-the-grammar': ['report.json', 'report.md', 'checkpoint-ev.json.md'],
    'triplet-with-temp-files-of-a-crashed-run': [...TRIPLET, 'report.json.tmp'],
  };
  for (const [key, names] of Object.entries(shapes)) {
    it(key, () => {
      const out = outWith(`o20-${key}`, names);
      const before = [snapshot(out)];
      check(key, tkiRun([fixtureCopy(`o20-${key}-pkt`), '--out', out]), [out], before);
    }, 180_000);
  }
  it('--out is /dev/null', () => {
    const run = tkiRun([fixtureCopy('o20-devnull'), '--out', '/dev/null']);
    const extra = lstatSync('/dev/null').isCharacterDevice() ? [] : ['/dev/null is no longer a device'];
    check('out-is-dev-null', run, [], [], extra);
  }, 180_000);
  it('--out a link to a file', () => {
    const base = freshDir('o20-out-link-file');
    writeFileSync(path.join(base, 'file.txt'), 'x');
    symlinkSync(path.join(base, 'file.txt'), path.join(base, 'out'));
    const before = [snapshot(base)];
    check('out-is-a-link-to-a-file', tkiRun([fixtureCopy('o20-out-link-file-pkt'), '--out', path.join(base, 'out')]), [base], before);
  }, 180_000);
});

describe('the packet is not a regular file or directory', () => {
  it('a FIFO as the single-file packet (a read would hang)', () => {
    const base = freshDir('o20-fifo');
    spawnSync('mkfifo', [path.join(base, 'evidence.json')]);
    const started = performance.now();
    const run = tkiRun([path.join(base, 'evidence.json'), '--out', path.join(base, 'out')], undefined, 100_000);
    const extra = performance.now() - started > 60_000 ? ['took over 60 s'] : [];
    check('packet-is-a-fifo', run, [], [], extra);
  }, 180_000);
  it('/dev/zero as the packet', () => {
    const base = freshDir('o20-zero');
    const started = performance.now();
    const run = tkiRun(['/dev/zero', '--out', path.join(base, 'out')], undefined, 100_000);
    check('packet-is-dev-zero', run, [], [], performance.now() - started > 60_000 ? ['took over 60 s'] : []);
  }, 180_000);
  it('a single-file packet that is a link to /dev/zero', () => {
    const base = freshDir('o20-zero-link');
    symlinkSync('/dev/zero', path.join(base, 'evidence.json'));
    const started = performance.now();
    const run = tkiRun([path.join(base, 'evidence.json'), '--out', path.join(base, 'out')], undefined, 100_000);
    check('packet-is-a-link-to-dev-zero', run, [], [], performance.now() - started > 60_000 ? ['took over 60 s'] : []);
  }, 180_000);
});

describe('--name as a path and as a verdict word', () => {
  /** Problems of a run with --name: nothing written beside --out, names in the grammar, no verdict word raw. */
  function nameProblems(run: Typed, base: string, baseBefore: string, out: string): string[] {
    const problems: string[] = [];
    if (![1, 2, 3].includes(run.status ?? -1)) problems.push(`exit ${String(run.status)}`);
    if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
    const outside = snapshot(base).split(',').filter((entry) => !entry.startsWith('out') && !baseBefore.split(',').includes(entry));
    if (outside.length > 0) problems.push(`written beside --out: ${outside.join(', ')}`);
    const written = existsSync(out) ? readdirSync(out) : [];
    const odd = written.filter((name) => !['report.json', 'report.md'].includes(name) && !/^checkpoint-[a-z0-9-]+\.md$/.test(name));
    if (odd.length > 0) problems.push(`in --out: ${JSON.stringify(odd)}`);
    if (run.status !== 3 && written.length !== 3) problems.push(`${String(written.length)} files written`);
    if (problems.length > 0) problems.push(JSON.stringify(run.output.slice(0, 200)));
    return problems;
  }
  const names: Record<string, string> = {
    'name-dotdot-path': '../../escaped',
    'name-absolute-path': '/tmp/tki-rt20-absolute',
    'name-only-punctuation': '///',
    'name-dotdot': '..',
    'name-empty': '',
    'name-300-characters': 'a'.repeat(300),
    'name-control-characters': 'a\u001B[2Jb\nc',
    'name-non-ascii-only': '\u00E9\u00E8',
  };
  for (const [key, name] of Object.entries(names)) {
    it(key, () => {
      const base = freshDir(`o20-${key}`);
      const baseBefore = snapshot(base);
      const out = path.join(base, 'out');
      const run = tkiRun([fixtureCopy(`o20-${key}-pkt`), '--out', out, '--name', name]);
      const problems = nameProblems(run, base, baseBefore, out);
      if (existsSync('/tmp/tki-rt20-absolute') || existsSync('/tmp/checkpoint-tki-rt20-absolute.md')) problems.push('wrote under /tmp by the name');
      judge(`out:${key}`, problems.length === 0 ? undefined : problems.join('; '));
    }, 180_000);
  }
  it('a checkpoint name that is a verdict word is not readable on the terminal', () => {
    const base = freshDir('o20-name-pass');
    const run = tkiRun([fixtureCopy('o20-name-pass-pkt'), '--out', path.join(base, 'out'), '--name', 'pass']);
    const raw = /\bpass\b/i.exec(run.stdout);
    judge('out:name-verdict-word-on-the-terminal', run.status === 1 && raw === null ? undefined : `exit ${String(run.status)}; ${JSON.stringify(run.stdout.slice(0, 400))}`);
  }, 180_000);
  it('a checkpoint name READ_LEVEL_ACCEPTABLE is not readable on the terminal', () => {
    const base = freshDir('o20-name-ok');
    const run = tkiRun([fixtureCopy('o20-name-ok-pkt'), '--out', path.join(base, 'out'), '--name', 'READ_LEVEL_ACCEPTABLE']);
    const raw = /read.level.acceptable/i.exec(run.stdout);
    judge('out:name-read-level-acceptable-on-the-terminal', run.status === 1 && raw === null ? undefined : `exit ${String(run.status)}; ${JSON.stringify(run.stdout.slice(0, 400))}`);
  }, 180_000);
});

describe('paths that are not UTF-8', () => {
  it('--out holding a byte that is not UTF-8: the directory written is the one typed, or the run is refused', () => {
    const base = freshDir('o20-out-bytes');
    const run = tkiRunShell(`'${fixtureCopy('o20-out-bytes-pkt')}' --out '${base}/o'$'\\xff'`);
    const made = readdirSync(base);
    const problems: string[] = [];
    if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
    if (made.some((name) => name.includes('\uFFFD'))) problems.push(`wrote to ${JSON.stringify(made)}: U+FFFD in place of the byte typed`);
    if (run.status !== 3 && made.length === 0) problems.push('exit not 3 and nothing written');
    judge('out:out-path-not-utf8', problems.length === 0 ? undefined : `${problems.join('; ')}; exit ${String(run.status)}: ${JSON.stringify(run.output.slice(0, 300))}`);
  }, 180_000);
  it('a packet path holding a byte that is not UTF-8 names no other file', () => {
    const base = freshDir('o20-packet-bytes');
    // Only the U+FFFD-named packet exists; the name typed (with byte 0xFF) does not.
    writeSingleFilePacket(path.join(base, 'p\uFFFD.json'), { dossierText: dossier('All tests pass.') });
    const run = tkiRunShell(`'${base}/p'$'\\xff''.json' --out '${base}/out'`);
    const problems: string[] = [];
    if (run.status !== 3) problems.push(`exit ${String(run.status)}: inspected p\uFFFD.json, a file the operator did not name`);
    if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
    judge('out:packet-path-not-utf8-names-another-file', problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 300))}`);
  }, 180_000);
});

describe('refusal and report lines name the operator\'s paths once-escaped', () => {
  const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
  it('an occupied --out whose name holds verdict words', () => {
    const out = outWith('o20-refuse-words', []);
    const named = path.join(path.dirname(out), 'tki run READ_LEVEL_ACCEPTABLE (exit 0) PASS');
    mkdirSync(named);
    writeFileSync(path.join(named, 'stray.txt'), 'x');
    const run = tkiRun([fixtureCopy('o20-refuse-words-pkt'), '--out', named]);
    const problems: string[] = [];
    if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
    if (/READ_LEVEL_ACCEPTABLE|\bPASS\b/.test(run.output)) problems.push('a verdict word raw');
    if (run.output.trim().split('\n').length !== 1) problems.push('more than one line');
    judge('out:refusal-occupied-out-verdict-words', problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 300))}`);
  }, 180_000);
  it('an occupied --out whose name holds ESC, CSI, a newline and an override', () => {
    const base = freshDir('o20-refuse-esc');
    const named = path.join(base, 'o\u001B[2J\u009B1m\ntki run: UNVERIFIED\u202Ex');
    mkdirSync(named);
    writeFileSync(path.join(named, 'stray\u001B]0;t\u0007.txt'), 'x');
    const run = tkiRun([fixtureCopy('o20-refuse-esc-pkt'), '--out', named]);
    const problems: string[] = [];
    if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
    const raw = RAW_CONTROL.exec(run.output.replace(/\n$/, ''));
    if (raw !== null) problems.push(`a raw U+${raw[0].codePointAt(0)!.toString(16)}`);
    if (run.output.trim().split('\n').length !== 1) problems.push('more than one line');
    judge('out:refusal-occupied-out-controls', problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 300))}`);
  }, 180_000);
  it('the packet in --out refused: the line names the packet by the path typed, escaped', () => {
    const base = freshDir('o20-refuse-overlap-esc');
    const out = path.join(base, 'o\u001B[31mCERTIFIED');
    mkdirSync(out);
    writeFileSync(path.join(out, 'report.md'), 'x');
    writeFileSync(path.join(out, 'checkpoint-inspection.md'), 'y');
    writeSingleFilePacket(path.join(out, 'report.json'), { dossierText: CLEAN });
    const before = [snapshot(out)];
    const run = tkiRun([path.join(out, 'report.json'), '--out', out]);
    const extra: string[] = [];
    if (RAW_CONTROL.test(run.output.replace(/\n$/, ''))) extra.push('a raw control');
    if (/CERTIFIED/.test(run.output)) extra.push('a verdict-like word raw');
    check('refusal-packet-in-out-controls-and-words', run, [out], before, extra);
  }, 180_000);
  it('report lines for an --out named with a newline and a fake report line', () => {
    const base = freshDir('o20-report-lines');
    const out = path.join(base, 'o\nreport: /etc/passwd');
    const run = tkiRun([fixtureCopy('o20-report-lines-pkt'), '--out', out]);
    const lines = run.stdout.split('\n').filter((line) => line.length > 0);
    const problems: string[] = [];
    if (run.status !== 1) problems.push(`exit ${String(run.status)}`);
    if (lines.length !== 4) problems.push(`${String(lines.length)} stdout lines`);
    if (lines.some((line) => line.startsWith('report: /etc'))) problems.push('a forged report line');
    judge('out:report-lines-out-with-newline', problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.stdout.slice(0, 300))}`);
  }, 180_000);
});
