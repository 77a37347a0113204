import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, runSandboxed, type EngineName } from '../../sandbox/index.js';
import { engineErrorLine, engineRefusal } from '../../sandbox/launch/engine-refusal.js';
import { removeScratchDirs, runTki, scratchDir } from './helpers/cli.js';
import { requireDocker } from './helpers/docker.js';
import { requireEngine } from './helpers/engines.js';

/**
 * When an engine refuses to start the sandbox, the operator gets the engine's own error line and
 * what to do, for every engine, from one implementation (sandbox/launch/engine-refusal.ts).
 */
afterAll(removeScratchDirs);

describe('engineRefusal (the engine failed, not the process inside)', () => {
  const dockerDevNull = "docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error reopening /dev/null inside container: open /dev/null: permission denied: unknown.\n\nRun 'docker run --help' for more information\n";

  it("names the engine, its exit code, its own error line (not the usage hint) and a remedy", () => {
    const line = engineRefusal('docker', { exitCode: 126, stdout: '', stderr: dockerDevNull });
    expect(line).toMatch(/^tki: docker refused to start the sandbox \(exit 126\): docker: Error response from daemon: .*error reopening \/dev\/null.* — what to do: .*\/dev must allow device nodes/);
    expect(line).not.toContain("Run 'docker run --help'");
    expect(line?.split('\n')).toHaveLength(1);
  });

  it('knows the common refusals of each engine', () => {
    const cases: readonly [EngineName, number, string, RegExp][] = [
      ['docker', 125, 'docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n', /start the Docker daemon/],
      ['docker', 125, 'docker: permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n', /docker group/],
      ['docker', 125, 'docker: Error response from daemon: No such image: localhost/tki-sandbox:abc.\n', /rebuilds it/],
      ['podman', 126, 'Error: OCI runtime error: runc: seccomp: config provided but seccomp not supported\n', /seccomp/],
      ['bwrap', 1, 'bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces.\n', /user namespaces/],
      ['podman', 127, 'Error: something new\n', /podman info/],
    ];
    for (const [engine, exitCode, stderr, remedy] of cases) {
      const line = engineRefusal(engine, { exitCode, stdout: '', stderr });
      expect(line).toContain(`tki: ${engine} refused to start the sandbox (exit ${exitCode}): ${stderr.trim()}`);
      expect(line).toMatch(remedy);
    }
  });

  it("leaves the inside's own exits alone: verdicts 1-3, the probe runner's 0, bwrap's exit 1 without a bwrap: line", () => {
    for (const engine of ['bwrap', 'podman', 'docker'] as const) {
      for (const exitCode of [0, 1, 2, 3]) expect(engineRefusal(engine, { exitCode, stdout: 'tki inspect: ...', stderr: '' })).toBeUndefined();
    }
    expect(engineRefusal('bwrap', { exitCode: 1, stdout: '', stderr: 'tki inspect: BLOCKED: ...\n' })).toBeUndefined();
  });

  it('picks the last line that is not a usage hint, a deprecation notice or build progress', () => {
    expect(engineErrorLine("real reason\n\nSee 'docker run --help'.\n")).toBe('real reason');
    expect(engineErrorLine('invalid argument "x" for "--ulimit" flag: bad\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker run --help\' for more information\n')).toBe('invalid argument "x" for "--ulimit" flag: bad');
    const build = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\nSending build context to Docker daemon  2.048kB\nStep 1/2 : FROM scratch\n ---> \nStep 2/2 : COPY nothere /\nCOPY failed: file not found in build context\n';
    expect(engineErrorLine(build)).toBe('COPY failed: file not found in build context');
    expect(engineErrorLine('WARN[0000] a warning\nError: the reason\n')).toBe('Error: the reason');
    expect(engineErrorLine('')).toBe('(no message)');
  });
});

/** A profile the engines really refuse: a soft file limit above the hard one. */
const refusedProfile = { ...DEFAULT_PROFILE, rlimits: { ...DEFAULT_PROFILE.rlimits, nofile: { soft: 4096, hard: 1024 } } };

describe('real engines refusing: one line with their own error', () => {
  beforeAll(() => {
    requireEngine('bwrap');
    requireEngine('podman');
    requireDocker();
  });

  /** A packet every engine's sandbox user can reach (a root operator's sandbox runs as nobody). */
  function scratchRun(label: string): { packet: string } {
    const dir = scratchDir(label);
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'packet'));
    writeFileSync(join(dir, 'packet', 'packet.json'), '{}\n');
    return { packet: join(dir, 'packet') };
  }

  it('docker: a flag the CLI rejects (exit 125)', async () => {
    const { packet } = scratchRun('refuse-docker');
    const run = await runSandboxed({ engine: 'docker', profile: refusedProfile, packetPath: packet, packetIsFile: false, nodeArgs: () => ['-e', '0'] });
    expect(run).toEqual({ ok: false, line: expect.stringMatching(/^tki: docker refused to start the sandbox \(exit 125\): invalid argument "nofile=4096:1024" for "--ulimit" flag: .* — what to do: a resource limit tki asked for is outside what docker accepts/) });
  }, 120_000);

  it('podman: the same profile', async () => {
    const { packet } = scratchRun('refuse-podman');
    const run = await runSandboxed({ engine: 'podman', profile: refusedProfile, packetPath: packet, packetIsFile: false, nodeArgs: () => ['-e', '0'] });
    expect(run).toEqual({ ok: false, line: expect.stringMatching(/^tki: podman refused to start the sandbox \(exit 12[5-7]\): \S.*nofile.* — what to do: a resource limit/) });
  }, 300_000);

  it('bwrap: a mount target bwrap cannot create (exit 1, "bwrap: ...")', async () => {
    const { packet } = scratchRun('refuse-bwrap');
    const profile = { ...DEFAULT_PROFILE, packet: { ...DEFAULT_PROFILE.packet, target: '/dev/null/in' } };
    const run = await runSandboxed({ engine: 'bwrap', profile, packetPath: packet, packetIsFile: false, nodeArgs: () => ['-e', '0'] });
    expect(run).toEqual({ ok: false, line: expect.stringMatching(/^tki: bwrap refused to start the sandbox \(exit 1\): bwrap: Can't mkdir parents for \/dev\/null\/in: Not a directory — what to do: bubblewrap runs as the launching user/) });
  });
});

describe('a docker CLI without a daemon', () => {
  it('tki run --engine docker: one line with the CLI\'s own error and how to start the daemon, exit 3', () => {
    requireDocker();
    const dir = scratchDir('no-daemon');
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'packet'));
    writeFileSync(join(dir, 'packet', 'packet.json'), '{}\n');
    // A docker CLI pointed at a socket nobody listens on (TKI_DOCKER selects it).
    writeFileSync(join(dir, 'bin', 'docker'), `#!/bin/sh\nexec /usr/bin/docker -H unix://${dir}/none.sock "$@"\n`);
    chmodSync(join(dir, 'bin', 'docker'), 0o755);
    const result = runTki(['run', join(dir, 'packet'), '--out', join(dir, 'out'), '--engine', 'docker'], { TKI_DOCKER: join(dir, 'bin', 'docker') });
    expect(result.status).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^tki: docker cannot be used here: Cannot connect to the Docker daemon at unix:\/\/.*none\.sock\. Is the docker daemon running\? — what to do: start the Docker daemon/);
  });

  it('TKI_DOCKER naming something that is not an executable: one line, exit 3', () => {
    const dir = scratchDir('bad-cli');
    mkdirSync(join(dir, 'packet'));
    writeFileSync(join(dir, 'packet', 'packet.json'), '{}\n');
    const result = runTki(['run', join(dir, 'packet'), '--out', join(dir, 'out'), '--engine', 'docker'], { TKI_DOCKER: join(dir, 'nothing') });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^tki: TKI_DOCKER=".*nothing" is not an executable docker CLI \(.*ENOENT.*\); unset it to use the docker on PATH\n$/);
  });
});
