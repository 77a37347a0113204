import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, PROJECT_ROOT, removeScratchDirs, runTki, scratchDir, TKI_BIN } from '../sandbox/helpers/cli.js';
import { requireEngine } from '../sandbox/helpers/engines.js';
import { PROBE_IDS } from '../../sandbox/index.js';
import { writePacketDir, writePacketFile } from '../sandbox/helpers/packet.js';

beforeAll(() => requireEngine('bwrap'));
afterAll(removeScratchDirs);

describe('tki fails closed', () => {
  it('an unknown command, a usage error: one stderr line, exit 3 (bare `tki`: its multi-line usage, tests/adoption/tki-help.test.ts)', () => {
    for (const args of [['frobnicate'], ['run'], ['run', 'x', '--out'], ['run', 'x', '--out', 'y', '--engine', 'lxc'], ['run', 'x', '--out', 'a', '--out=b'], ['run', 'x', '--out', 'y', '--memory', '64', '--memory', '32'], ['attest'], ['inspect', '--bogus']]) {
      const result = runTki(args);
      expect({ args, status: result.status }).toEqual({ args, status: 3 });
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it('an explicit exit(0) or exitCode = 0 still ends with 3', () => {
    const failClosed = join(PROJECT_ROOT, 'dist', 'cli', 'fail-closed.js');
    for (const body of ['process.exit(0)', 'process.exitCode = 0', 'throw new Error("boom")', '']) {
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(failClosed)}); ${body}`], { encoding: 'utf8' });
      expect({ body, status: result.status }).toEqual({ body, status: 3 });
    }
  });
});

describe('tki inspect outside a sandbox (row 37)', () => {
  it('blocks before reading: exit 3, one line naming the invariant, nothing written', () => {
    const dir = scratchDir('bare');
    const packet = writePacketDir(join(dir, 'packet'));
    const out = join(dir, 'out');
    const result = runTki(['inspect', '--in', packet]);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tki: BLOCKED: sandbox self-check \(P1\) could not confirm "[a-z-]+"/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(listFiles(out)).toEqual([]);
  });
});

describe('tki run (bwrap)', () => {
  it('a packet directory: exit 2, the verdict line, the three report files at host paths, nothing else', () => {
    const dir = scratchDir('run');
    const packet = writePacketDir(join(dir, 'packet'));
    const out = join(dir, 'out');
    const result = runTki(['run', packet, '--out', out, '--name', 'Smoke Test']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(2);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/UNVERIFIED/);
    expect(lines.slice(1).sort()).toEqual(['checkpoint-smoke-test.md', 'report.json', 'report.md'].map((name) => `report: ${join(out, name)}`));
    expect(listFiles(out)).toEqual(['checkpoint-smoke-test.md', 'report.json', 'report.md']);
    expect(listFiles(packet)).toEqual(['packet.json']);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toMatchObject({ final_verdict: 'UNVERIFIED', decision_effect: 'NONE', may_gate: false });
  });

  it('a single .json packet is mounted as /in/packet.json', () => {
    const dir = scratchDir('run-file');
    const packet = writePacketFile(join(dir, 'export.json'));
    const result = runTki(['run', packet, '--out', join(dir, 'out')]);
    expect(result.status).toBe(2);
    expect(listFiles(join(dir, 'out'))).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
  });

  it('row 29: a content_file escaping the packet is BLOCKED_BY_UNSAFE_ACCESS and the host file stays out of reach', () => {
    const dir = scratchDir('escape');
    const packet = writePacketDir(join(dir, 'packet'), { contentFile: '../../../../../etc/passwd' });
    const out = join(dir, 'out');
    const result = runTki(['run', packet, '--out', out]);
    expect(result.status).toBe(3);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { final_verdict: string; claims: Array<{ verdict: string }> };
    expect(report.final_verdict).toBe('BLOCKED');
    expect(report.claims.map((claim) => claim.verdict)).toContain('BLOCKED_BY_UNSAFE_ACCESS');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).not.toContain('root:x:0:0');
  });

  it('a packet that does not exist: one line, exit 3, nothing started', () => {
    const dir = scratchDir('missing');
    const result = runTki(['run', join(dir, 'nope'), '--out', join(dir, 'out')]);
    expect(result.status).toBe(3);
    // The operator's own path, as typed, never /in.
    expect(result.stderr).toBe(`tki run: BLOCKED: no packet at ${join(dir, 'nope')}\n`);
  });

  it('a packet directory without packet.json: the line names the typed path, nothing started', () => {
    const dir = scratchDir('nopacketjson');
    mkdirSync(join(dir, 'packet'));
    const result = runTki(['run', join(dir, 'packet'), '--out', join(dir, 'out')]);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe(`tki run: BLOCKED: ${join(dir, 'packet', 'packet.json')} does not exist or is not a regular file\n`);
    expect(listFiles(join(dir, 'out'))).toEqual([]);
  });

  it('a limit that fires (a 4 MiB heap): the launcher writes a BLOCKED report naming it, nulls what it cannot trust, no stack trace', () => {
    const dir = scratchDir('limit');
    const packet = writePacketDir(join(dir, 'packet'));
    const out = join(dir, 'out');
    const result = runTki(['run', packet, '--out', out, '--memory', '4']);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toMatch(/^tki run: BLOCKED \(exit 3\) · sandbox\/limit_exceeded: /);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { final_verdict: string; packet: Record<string, unknown>; blocked_reasons: Array<{ code: string; message: string }> };
    expect(report.final_verdict).toBe('BLOCKED');
    expect(report.packet).toMatchObject({ packet_id: null, packet_as_of: null, manifest_hash: null });
    expect(report.blocked_reasons[0]?.message).toMatch(/written by the launcher, which trusts nothing the sandbox sent/);
    expect(JSON.stringify(report.blocked_reasons[0])).toMatch(/memory limit \(V8 heap 4 MiB\)/);
    expect(listFiles(out)).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
  });

  it('--out rules (SPEC §5): not inside the packet, empty or exactly a previous run, never a mix; one line naming the typed path', () => {
    const dir = scratchDir('outrules');
    const packet = writePacketDir(join(dir, 'packet'));
    const inside = runTki(['run', packet, '--out', join(packet, 'out')]);
    expect(inside.status).toBe(3);
    expect(inside.stderr).toBe(`tki run: BLOCKED: --out ${join(packet, 'out')} is the packet directory or lies inside it; choose a directory outside the packet\n`);
    expect(listFiles(packet)).toEqual(['packet.json']);
    expect(runTki(['run', packet, '--out', packet]).status).toBe(3);
    const mixed = join(dir, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'notes.txt'), 'mine');
    const refused = runTki(['run', packet, '--out', mixed]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/^tki run: BLOCKED: --out .*mixed must be empty or hold exactly a previous run's/);
    expect(listFiles(mixed)).toEqual(['notes.txt']);
    // A previous run's three files are replaced, a previous checkpoint of another name removed.
    const out = join(dir, 'out');
    expect(runTki(['run', packet, '--out', out, '--name', 'first']).status).toBe(2);
    expect(runTki(['run', packet, '--out', out, '--name', 'second']).status).toBe(2);
    expect(listFiles(out)).toEqual(['checkpoint-second.md', 'report.json', 'report.md']);
    expect(runTki(['run', packet, '--out', out, '--timeout', 'soon']).stderr).toMatch(/^tki run: --timeout must be a positive whole number/);
  });

  it('a missing engine: one line saying what to install, exit 3', () => {
    const dir = scratchDir('noengine');
    const packet = writePacketDir(join(dir, 'packet'));
    for (const [engine, hint] of [['bwrap', /apt-get install bubblewrap/], ['podman', /apt-get install podman/], ['docker', /install Docker Engine/]] as const) {
      const result = runTki(['run', packet, '--out', join(dir, 'out'), '--engine', engine], { PATH: join(dir, 'empty-path') });
      expect({ engine, status: result.status }).toEqual({ engine, status: 3 });
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(hint);
    }
  });

  it('descriptors inherited from the caller do not reach the sandbox', () => {
    const dir = scratchDir('fds');
    const secret = join(dir, 'host-secret.txt');
    writeFileSync(secret, 'host secret\n');
    mkdirSync(join(dir, 'out'));
    const script = `exec 20<${JSON.stringify(secret)}; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(TKI_BIN)} attest --out ${JSON.stringify(join(dir, 'out'))}`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    const evidence = JSON.parse(readFileSync(join(dir, 'out', 'attestation-evidence.json'), 'utf8')) as { self_check: Array<{ id: string; confirmed: boolean; observed: string }> };
    const fds = evidence.self_check.find((entry) => entry.id === 'no-inherited-fds');
    expect(fds).toMatchObject({ confirmed: true });
    expect(fds?.observed).not.toContain('host-secret');
  });
});

describe('tki attest', () => {
  it('writes attestation-evidence.json and .md and exits 2 when every probe behaves', () => {
    const out = join(scratchDir('attest'), 'out');
    const result = runTki(['attest', '--out', out]);
    const total = PROBE_IDS.length;
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(new RegExp(`^tki attest: ${total}/${total} probes behaved as expected under bwrap`));
    expect(listFiles(out)).toEqual(['attestation-evidence.json', 'attestation-evidence.md']);
    const markdown = readFileSync(join(out, 'attestation-evidence.md'), 'utf8');
    expect(markdown).toContain('PR-PTRACE-1');
    expect(markdown).toContain(`${total}/${total}`);
  });
});

describe('tki attest as an unprivileged operator (setpriv)', () => {
  it('every probe behaves as expected when the operator is uid 65534 (the sandbox runs as them; nothing to drop)', () => {
    // Only root can become another user here; as any other operator this run is the default one.
    if (process.getuid?.() !== 0) throw new Error('this test needs a root operator to switch to an unprivileged one with setpriv');
    const dir = scratchDir('unprivileged');
    const out = join(dir, 'out');
    mkdirSync(out);
    chownSync(out, 65534, 65534);
    const result = spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, TKI_BIN, 'attest', '--out', join(out, 'evidence')], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, timeout: 300_000 });
    const total = PROBE_IDS.length;
    expect(result.stderr).toBe('');
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(new RegExp(`^tki attest: ${total}/${total} probes behaved as expected under bwrap`));
    const evidence = JSON.parse(readFileSync(join(out, 'evidence', 'attestation-evidence.json'), 'utf8')) as { probes: Array<{ id: string; observed: string }> };
    expect(evidence.probes.find((probe) => probe.id === 'PR-UID-1')?.observed).toMatch(/inside->host 65534->65534/);
  });
});

describe('tki run (podman)', () => {
  beforeAll(() => requireEngine('podman'));
  it('runs the inspector in the local image: exit 2 and the three report files', () => {
    const dir = scratchDir('podman');
    const packet = writePacketDir(join(dir, 'packet'));
    const out = join(dir, 'out');
    const result = runTki(['run', packet, '--out', out, '--engine', 'podman']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(2);
    expect(listFiles(out)).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
  });
  it('a packet path with a comma never reaches --mount: the engine mounts the private stage, whose name the launcher chose', () => {
    const dir = scratchDir('podman-comma');
    const packet = writePacketDir(join(dir, 'pack,destination=etc'));
    const result = runTki(['run', packet, '--out', join(dir, 'out'), '--engine', 'podman']);
    expect(result.stderr).toBe('');
    expect(result.status === 1 || result.status === 2).toBe(true);
    expect(listFiles(join(dir, 'out'))).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
  });
});
