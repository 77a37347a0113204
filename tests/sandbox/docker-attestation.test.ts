import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, PROBE_IDS, runAttestation, runSandboxed, type AttestationEvidence } from '../../sandbox/index.js';
import { SANDBOX_ID_RANGE } from '../../sandbox/launch/sandbox-uid.js';
import { removeScratchDirs, scratchDir, TKI_BIN } from './helpers/cli.js';
import { DOCKER_CLIS, requireDocker, withDockerCli } from './helpers/docker.js';

/**
 * `tki attest --engine docker` with each docker CLI found here against the one daemon (the API
 * version is negotiated): every probe as expected, P1 confirmed inside, the sandboxed process
 * not root, Docker's own /dev read-only with nothing Docker adds under it.
 */
afterAll(removeScratchDirs);

for (const cli of DOCKER_CLIS) {
  describe(`docker (${cli})`, () => {
    let evidence: AttestationEvidence;
    let versions: { client: string; server: string };

    beforeAll(async () => {
      versions = requireDocker(cli);
      const result = await withDockerCli(cli, () => runAttestation('docker'));
      if (!result.ok) throw new Error(result.line);
      evidence = result.evidence;
    }, 300_000);

    it('runs every probe and every one behaves as expected', () => {
      expect(evidence.probes.map((record) => record.id)).toEqual([...PROBE_IDS]);
      expect(evidence.probes.filter((record) => !record.pass)).toEqual([]);
      expect(evidence.passed).toBe(evidence.total);
    });

    it('P1 confirms every invariant inside, including the exec lock node installs on itself', () => {
      expect(evidence.self_check.filter((result) => !result.confirmed)).toEqual([]);
      expect(evidence.exec_lock).toEqual({ ok: true });
    });

    it('records the CLI and the daemon it spoke to, with the negotiated API version', () => {
      expect(evidence.engine).toBe('docker');
      expect(evidence.engine_version).toMatch(new RegExp(`^docker ${versions.client.replace(/[.+]/g, '\\$&')} \\(API [0-9.]+\\), daemon ${versions.server.replace(/[.+]/g, '\\$&')} \\(API [0-9.]+\\), ${cli}$`));
    });

    it('the only writable mount is /proc; /dev is read-only and nothing is mounted under it', () => {
      const table = evidence.probes.find((record) => record.id === 'PR-MOUNT-1')?.observed.split(' | ') ?? [];
      expect(table.filter((entry) => / rw /.test(entry)).map((entry) => entry.split(' ')[0]).sort()).toEqual(['/proc']);
      expect(table.filter((entry) => entry.startsWith('/dev '))).toEqual([expect.stringMatching(/^\/dev ro tmpfs /)]);
      expect(table.filter((entry) => entry.startsWith('/dev/'))).toEqual([]);
    });

    it('the sandboxed process is not root, and reads a 0600 root-owned packet the launcher handed in', async () => {
      const dir = scratchDir('docker-uid');
      const packet = join(dir, 'packet');
      mkdirSync(packet, { mode: 0o700 });
      writeFileSync(join(packet, 'packet.json'), '{"secret-mode":true}\n', { mode: 0o600 });
      chmodSync(join(packet, 'packet.json'), 0o600);
      mkdirSync(join(dir, 'out'));
      // stdout is the report channel under Docker: the script answers on stderr.
      const script = "const fs = require('fs'); process.stderr.write(fs.readFileSync('/proc/self/status', 'utf8').split('\\n').filter((l) => /^(Uid|Gid|Groups):/.test(l)).join('\\n') + '\\n' + fs.readFileSync('/in/packet.json', 'utf8'))";
      const run = await withDockerCli(cli, () => runSandboxed({ engine: 'docker', profile: DEFAULT_PROFILE, packetPath: packet, packetIsFile: false, nodeArgs: () => ['-e', script] }));
      if (!run.ok) throw new Error(run.line);
      expect(run.exit.exitCode).toBe(0);
      // Every Docker sandbox runs as a uid/gid of its own (launch/sandbox-uid.ts), the same in all four fields.
      const answer = run.exit.stderr;
      const uid = Number(/^Uid:\s+(\d+)\s+\1\s+\1\s+\1$/m.exec(answer)?.[1]);
      expect(uid >= SANDBOX_ID_RANGE.first && uid <= SANDBOX_ID_RANGE.last, answer).toBe(true);
      expect(answer).not.toMatch(/^Uid:\s+0\s/m);
      const groups = /^Groups:(.*)$/m.exec(answer)?.[1]?.trim().split(/\s+/).filter((group) => group !== '') ?? ['missing'];
      expect(groups.filter((group) => group === '0')).toEqual([]);
      expect(answer).toContain('{"secret-mode":true}');
      expect(readFileSync(join(packet, 'packet.json'), 'utf8')).toBe('{"secret-mode":true}\n');
    }, 120_000);
  });
}

describe('docker: the ceilings hold by Docker\'s own means', () => {
  beforeAll(() => requireDocker());

  function scratchPacket(label: string): string {
    const dir = scratchDir(label);
    mkdirSync(join(dir, 'packet'));
    writeFileSync(join(dir, 'packet', 'packet.json'), '{}\n');
    return join(dir, 'packet');
  }

  it('memory: the container is killed when native memory outgrows --memory (heap limit + headroom)', async () => {
    const profile = { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, memoryMiB: 64 } };
    // Buffers live outside V8's heap: only the cgroup can stop them.
    const script = 'const kept = []; for (let i = 0; i < 100; i += 1) kept.push(Buffer.alloc(10 * 1024 * 1024, 1)); process.stderr.write("survived\\n");';
    const run = await runSandboxed({ engine: 'docker', profile, packetPath: scratchPacket('docker-mem'), packetIsFile: false, nodeArgs: () => ['-e', script] });
    if (!run.ok) throw new Error(run.line);
    expect(run.exit.exitCode).toBe(137);
    expect(run.exit.stderr).not.toContain('survived');
  }, 120_000);

  it('wall clock: the launcher stops the run and the container with it (killing the CLI alone would leave it running)', async () => {
    const profile = { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, wallClockSeconds: 4 } };
    const started = Date.now();
    const run = await runSandboxed({ engine: 'docker', profile, packetPath: scratchPacket('docker-clock'), packetIsFile: false, nodeArgs: () => ['-e', 'for (;;) {}'] });
    if (!run.ok) throw new Error(run.line);
    expect(run.exit.launcherLimit).toBe('wall-clock');
    expect(Date.now() - started).toBeLessThan(60_000);
    const listed = spawnSync('docker', ['ps', '--all', '--filter', 'name=tki-sandbox-', '--format', '{{.Names}} {{.Status}}'], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    const running = listed.stdout.split('\n').filter((line) => / Up /.test(line));
    expect(running).toEqual([]);
  }, 120_000);
});

describe('docker: an unprivileged operator', () => {
  it('(a non-root uid in the docker group) attests with every probe as expected and owns the evidence', () => {
    requireDocker();
    const dir = scratchDir('docker-operator');
    const operatorUid = 12345;
    const dockerGid = /^docker:[^:]*:(\d+):/m.exec(readFileSync('/etc/group', 'utf8'))?.[1];
    if (dockerGid === undefined) throw new Error('no docker group in /etc/group: install docker.io (scripts/setup.sh)');
    const isRoot = process.getuid?.() === 0;
    chmodSync(dir, 0o777);
    const out = join(dir, 'evidence');
    const command = [process.execPath, TKI_BIN, 'attest', '--out', out, '--engine', 'docker'];
    // As root the test becomes the unprivileged operator; a non-root test runner already is one.
    const argv = isRoot ? ['setpriv', '--reuid', String(operatorUid), '--regid', String(operatorUid), '--groups', dockerGid, '--', ...command] : command;
    const result = spawnSync(argv[0] ?? 'setpriv', argv.slice(1), { encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir }, timeout: 300_000 });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 2, stderr: '' });
    expect(result.stdout).toMatch(/^tki attest: (\d+)\/\1 probes behaved as expected under docker/);
    const evidence = JSON.parse(readFileSync(join(out, 'attestation-evidence.json'), 'utf8')) as AttestationEvidence;
    expect(evidence.probes.filter((record) => !record.pass)).toEqual([]);
    expect(statSync(join(out, 'attestation-evidence.json')).uid).toBe(isRoot ? operatorUid : process.getuid?.());
  }, 300_000);
});
