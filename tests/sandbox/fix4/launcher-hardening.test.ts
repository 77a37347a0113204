import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBwrapArgs } from '../../../sandbox/engines/bwrap-argv.js';
import { HOST_INFO_FILES } from '../../../sandbox/engines/host-info-masks.js';
import { engineRefusal } from '../../../sandbox/launch/engine-refusal.js';
import { pickSandboxIdentity, SANDBOX_ID_RANGE } from '../../../sandbox/launch/sandbox-uid.js';
import { stagePacket } from '../../../sandbox/launch/stage-packet.js';
import { DEFAULT_PROFILE } from '../../../sandbox/profile/default-profile.js';
import { MAX_RELAYED_INSIDE_LINES, relayInsideLines } from '../../../sandbox/report/inside-stderr.js';
import { prepareOutputDirectory } from '../../../sandbox/report/output-dir.js';
import { writeTriplet } from '../../../sandbox/report/write-triplet.js';
import { PROJECT_ROOT, removeScratchDirs, scratchDir } from '../helpers/cli.js';
import { writePacketDir } from '../helpers/packet.js';
import { shownText, terminalLine } from '../../../src/text/verdict-line-label.js';

/** Round four (issue 12): the launcher's own defences, each attempted for real on this host. */
afterAll(removeScratchDirs);

const isRoot = process.getuid?.() === 0;
const requireRoot = (): void => {
  if (!isRoot) throw new Error('this test needs a root operator (CI runs the suite as root)');
};

describe('a uid/gid of its own per sandbox', () => {
  it('skips ids a running process holds and ids outside the range', () => {
    requireRoot();
    const taken = SANDBOX_ID_RANGE.first + 5;
    const holder = spawn('setpriv', [`--reuid=${taken}`, `--regid=${taken}`, '--clear-groups', 'sleep', '30'], { stdio: 'ignore' });
    try {
      for (let waited = 0; waited < 100 && !readFileSync(`/proc/${holder.pid ?? 0}/status`, 'utf8').includes(`Uid:\t${taken}`); waited += 1) spawnSync('sleep', ['0.05']);
      const offers = [SANDBOX_ID_RANGE.first - 1, taken, taken + 1];
      expect(pickSandboxIdentity(() => offers.shift() ?? 0)).toEqual({ uid: taken + 1, gid: taken + 1 });
      expect(pickSandboxIdentity(() => taken)).toBeUndefined();
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe("a root operator's stage", () => {
  it('is root:<gid> 0750/0440, copies what another user owns (at its measured size), links only the operator\'s own readable files', () => {
    requireRoot();
    const dir = scratchDir('fix4-stage');
    const packet = writePacketDir(join(dir, 'packet'));
    writeFileSync(join(packet, 'mine.md'), 'root, world-readable\n', { mode: 0o644 });
    writeFileSync(join(packet, 'theirs.md'), 'owned by uid 1000\n', { mode: 0o644 });
    chownSync(join(packet, 'theirs.md'), 1000, 1000);
    const gid = SANDBOX_ID_RANGE.first + 77;
    const staged = stagePacket(packet, join(dir, 'stage'), { reader: 'others', group: gid });
    if (!staged.ok) throw new Error(staged.error.line);
    const stage = join(dir, 'stage');
    expect({ uid: lstatSync(stage).uid, gid: lstatSync(stage).gid, mode: lstatSync(stage).mode & 0o7777 }).toEqual({ uid: 0, gid, mode: 0o750 });
    expect(statSync(join(stage, 'mine.md')).ino).toBe(statSync(join(packet, 'mine.md')).ino);
    const theirs = lstatSync(join(stage, 'theirs.md'));
    expect(theirs.ino).not.toBe(statSync(join(packet, 'theirs.md')).ino);
    expect({ uid: theirs.uid, gid: theirs.gid, mode: theirs.mode & 0o7777 }).toEqual({ uid: 0, gid, mode: 0o440 });
    // The copy is a snapshot: the owner's later append does not reach the stage.
    writeFileSync(join(packet, 'theirs.md'), 'appended after staging\n', { flag: 'a' });
    expect(readFileSync(join(stage, 'theirs.md'), 'utf8')).toBe('owned by uid 1000\n');
    // Another local user cannot read the stage at all.
    const other = spawnSync('setpriv', ['--reuid=1000', '--regid=1000', '--clear-groups', 'cat', join(stage, 'packet.json')], { encoding: 'utf8' });
    expect(other.status).not.toBe(0);
    expect(other.stderr).toMatch(/Permission denied/);
  });
});

describe('--out is written through the descriptor the launcher checked', () => {
  it('a directory renamed away and replaced by a symlink after the check: the files land in the renamed directory, none behind the symlink', () => {
    const dir = scratchDir('fix4-out');
    const out = join(dir, 'out');
    const target = join(dir, 'target');
    mkdirSync(target);
    const prepared = prepareOutputDirectory(out, undefined, 'run');
    if (!prepared.ok) throw new Error(prepared.line);
    renameSync(out, join(dir, 'out.away'));
    symlinkSync(target, out);
    const triplet = { files: [{ name: 'report.json', bytes: Buffer.from('{}') }, { name: 'report.md', bytes: Buffer.from('#') }, { name: 'checkpoint-inspection.md', bytes: Buffer.from('c') }], line: undefined };
    const written = writeTriplet(prepared.value, triplet);
    prepared.value.release();
    expect(written.ok).toBe(true);
    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(join(dir, 'out.away')).sort()).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
  });
});

describe("the inside's stdout and stderr reach the operator prefixed and bounded", () => {
  it('marks every line, escapes control characters, and counts what it does not show', () => {
    const lines = Array.from({ length: 2000 }, () => 'tki inspect: PASS (exit 0) \u001b[2K');
    const shown = relayInsideLines(lines, { refused: false, stream: 'stdout' }).map(terminalLine);
    expect(shown).toHaveLength(MAX_RELAYED_INSIDE_LINES + 1);
    expect(shown.slice(0, -1).every((line) => line.startsWith('tki run: the sandbox wrote: '))).toBe(true);
    expect(shown.join('\n')).not.toMatch(/\u001b/);
    expect(shown.at(-1)).toBe(`tki run: ${2000 - MAX_RELAYED_INSIDE_LINES} more line(s) the sandbox wrote on stdout not shown`);
    expect(shown.join('\n')).not.toMatch(/PASS/);
    // P1's one refusal line (nothing was sent) keeps its `tki: BLOCKED: ` head, its text quoted; after a normal end it is marked too.
    const refusal = 'tki: BLOCKED: sandbox self-check (P1) could not confirm "x"';
    const quoted = '"sandbox self-check (P1) could not confirm \\"x\\""';
    expect(relayInsideLines([refusal, 'tki: PASS'], { refused: true, stream: 'stderr' }).map(terminalLine)).toEqual([`tki: BLOCKED: ${quoted}`, 'tki run: the sandbox wrote: "tki: \\u{50}\\u{41}\\u{53}\\u{53}"']);
    expect(relayInsideLines([refusal], { refused: false, stream: 'stderr' }).map(terminalLine)).toEqual([`tki run: the sandbox wrote: ${shownText(refusal)}`]);
  });
});

describe('engine errors', () => {
  it("runc's own failure to exec the container's first process is tki's one line", () => {
    const line = engineRefusal('docker', { exitCode: 1, stdout: '', stderr: 'exec /sbin/docker-init: resource temporarily unavailable\n' });
    expect(line).toMatch(/^tki: docker refused to start the sandbox \(exit 1\): exec \/sbin\/docker-init: resource temporarily unavailable — what to do: a process limit was reached/);
    // The inside's own exit 1 with other output stays the inside's.
    expect(engineRefusal('docker', { exitCode: 1, stdout: '', stderr: 'something else\n' })).toBeUndefined();
  });
});

describe('bwrap hides the host-information /proc files', () => {
  it('binds an empty read-only file over each, after /proc is mounted', () => {
    const invocation = { runtime: { nodePath: '/opt/tki/bin/node', cliEntry: '/opt/tki/dist/cli/tki.js', bindings: [] }, packetPath: '/stage/in', packetIsFile: false, nodeArgs: ['x'] };
    const args = compileBwrapArgs(DEFAULT_PROFILE, invocation as unknown as Parameters<typeof compileBwrapArgs>[1], [], { masks: HOST_INFO_FILES.map((target, index) => ({ fd: 9 + index, target })) });
    const text = args.join(' ');
    for (const [index, target] of HOST_INFO_FILES.entries()) expect(text).toContain(`--ro-bind-data ${9 + index} ${target}`);
    expect(text.indexOf('--ro-bind-data')).toBeGreaterThan(text.indexOf('--proc /proc'));
  });
});

describe('the watchdog: a container engine sandbox ends when its launcher is SIGKILLed', () => {
  it('runs its command once the launcher is gone, and not after a normal end', async () => {
    const dir = scratchDir('fix4-watchdog');
    const script = (marker: string, sleepSeconds: number): string => `
      const { spawnEngine } = await import(${JSON.stringify(join(PROJECT_ROOT, 'dist/sandbox/launch/spawn-engine.js'))});
      await spawnEngine({ executable: '/bin/sleep', args: ['${sleepSeconds}'], onLauncherDeath: { executable: '/usr/bin/touch', args: [${JSON.stringify(marker)}] } });
      process.stdout.write('ended\\n');`;
    const killed = join(dir, 'killed');
    const launcher = spawn(process.execPath, ['--input-type=module', '-e', script(killed, 30)], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    launcher.kill('SIGKILL');
    for (let waited = 0; waited < 50 && !existsSync(killed); waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(killed)).toBe(true);
    const normal = join(dir, 'normal');
    const ended = spawnSync(process.execPath, ['--input-type=module', '-e', script(normal, 0)], { encoding: 'utf8' });
    expect(ended.stdout).toBe('ended\n');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(normal)).toBe(false);
  }, 30_000);
});
