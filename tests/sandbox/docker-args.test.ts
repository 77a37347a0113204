import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileContainerArgs, DEFAULT_PROFILE, type SandboxInvocation } from '../../sandbox/index.js';
import { DOCKER_DEV_TMPFS, DOCKER_MEMORY_HEADROOM_MIB } from '../../sandbox/engines/docker-args.js';
import { stagePacket } from '../../sandbox/launch/stage-packet.js';
import { removeScratchDirs, scratchDir } from './helpers/cli.js';
import { terminalLine } from '../../src/text/verdict-line-label.js';

afterAll(removeScratchDirs);

const invocation: SandboxInvocation = {
  runtime: {
    nodePath: '/opt/tki/bin/node',
    bindings: [{ source: '/usr/bin/node', target: '/opt/tki/bin/node' }],
    cliEntry: '/opt/tki/dist/sandbox/bundle/tki-inside.js',
    probesEntry: '/opt/tki/dist/sandbox/bundle/probes.js',
  },
  packetPath: '/work/engine/packet',
  packetIsFile: false,
  nodeArgs: ['/opt/tki/dist/cli/tki.js', 'inspect'],
};
const options = { image: 'localhost/tki-sandbox:x', seccompPath: '/work/engine/seccomp.json', user: '65534:65534', rootless: false };
const docker = compileContainerArgs(DEFAULT_PROFILE, invocation, { ...options, engine: 'docker' });
const podman = compileContainerArgs(DEFAULT_PROFILE, invocation, { ...options, engine: 'podman' });
const pairs = (args: readonly string[]): string[] => args.map((arg, index) => `${arg} ${args[index + 1] ?? ''}`);

describe('docker run arguments', () => {
  it('keep no copy of the container\'s output in the daemon\'s logs, and name the container so the launcher can stop it', () => {
    expect(pairs(docker)).toContain('--log-driver none');
    expect(docker[docker.indexOf('--name') + 1]).toMatch(/^tki-sandbox-[0-9a-f]{12}$/);
    const named = compileContainerArgs(DEFAULT_PROFILE, invocation, { ...options, engine: 'docker', containerName: 'tki-sandbox-x' });
    expect(pairs(named)).toContain('--name tki-sandbox-x');
    expect(podman).not.toContain('--name');
  });

  it("carry the profile's ceilings as Docker's cgroup flags: memory (heap + headroom, no swap), processes", () => {
    const memory = `${DEFAULT_PROFILE.limits.memoryMiB + DOCKER_MEMORY_HEADROOM_MIB}m`;
    expect(pairs(docker)).toEqual(expect.arrayContaining([`--memory ${memory}`, `--memory-swap ${memory}`, `--pids-limit ${DEFAULT_PROFILE.rlimits.nproc.hard}`]));
    for (const [name, limit] of Object.entries(DEFAULT_PROFILE.rlimits)) expect(pairs(docker)).toContain(`--ulimit ${name}=${limit.soft}:${limit.hard}`);
  });

  it("keep Docker's own /dev, read-only, with device nodes allowed, and mount nothing else under /dev", () => {
    expect(pairs(docker)).toContain(`--tmpfs ${DOCKER_DEV_TMPFS}`);
    const options = DOCKER_DEV_TMPFS.split(':')[1]?.split(',') ?? [];
    expect(options).toEqual(expect.arrayContaining(['ro', 'dev', 'nosuid', 'noexec']));
    expect(options).not.toContain('nodev');
    expect(docker.filter((arg) => /destination=\/dev\b|^\/dev\//.test(arg))).toEqual([]);
    // podman keeps its own way (an empty read-only tmpfs, device nodes bound in by podman).
    expect(pairs(podman)).toContain('--mount type=tmpfs,destination=/dev,ro=true');
    expect(podman).not.toContain('--tmpfs');
  });

  it('unset the keys Docker adds to the environment that the profile does not set, and set the profile\'s', () => {
    const env = pairs(docker).filter((pair) => pair.startsWith('--env ')).map((pair) => pair.slice('--env '.length));
    expect(env).toEqual([...Object.entries(DEFAULT_PROFILE.env).map(([key, value]) => `${key}=${value}`), 'PATH']);
    const bare = compileContainerArgs({ ...DEFAULT_PROFILE, env: {} }, invocation, { ...options, engine: 'docker' });
    expect(pairs(bare).filter((pair) => pair.startsWith('--env '))).toEqual(['--env PATH', '--env HOSTNAME', '--env HOME']);
  });

  it('pull nothing, share nothing, and get the podman-only flags not at all', () => {
    for (const pair of ['--pull never', '--network none', '--ipc none', '--cap-drop ALL', '--security-opt no-new-privileges', '--user 65534:65534']) expect(pairs(docker)).toContain(pair);
    for (const flag of ['--runtime', '--unsetenv-all', '--no-hosts', '--userns', '--read-only-tmpfs=false']) expect(docker).not.toContain(flag);
  });
});

describe('handing the packet to the sandbox user (every engine stages it)', () => {
  it('copies files (world-readable, read-only), directories, and symlinks as links, never followed', () => {
    const dir = scratchDir('handoff');
    const packet = join(dir, 'packet');
    mkdirSync(join(packet, 'content'), { recursive: true, mode: 0o700 });
    writeFileSync(join(packet, 'packet.json'), '{}\n', { mode: 0o600 });
    writeFileSync(join(packet, 'content', 'a.md'), '# a\n');
    chmodSync(join(packet, 'content', 'a.md'), 0o000);
    symlinkSync('../../../etc/passwd', join(packet, 'content', 'escape.md'));
    const copy = stagePacket(packet, join(dir, 'copy'), { reader: 'others' });
    expect(copy.ok && copy.value.path).toBe(join(dir, 'copy'));
    const copied = lstatSync(join(dir, 'copy', 'packet.json'));
    expect(copied.mode & 0o7777).toBe(0o444);
    expect(lstatSync(join(dir, 'copy', 'content')).mode & 0o7777).toBe(0o755);
    expect(readlinkSync(join(dir, 'copy', 'content', 'escape.md'))).toBe('../../../etc/passwd');
    expect(lstatSync(join(dir, 'copy', 'content', 'escape.md')).isSymbolicLink()).toBe(true);
    if (process.getuid?.() === 0) expect(readFileSync(join(dir, 'copy', 'content', 'a.md'), 'utf8')).toBe('# a\n');
  });

  it('refuses what a copy cannot carry, in one line naming the path', () => {
    const dir = scratchDir('handoff-missing');
    const result = stagePacket(join(dir, 'absent'), join(dir, 'copy'), { reader: 'others' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(terminalLine(result.error.line)).toMatch(new RegExp(`^tki: BLOCKED: cannot hand the packet in: ${join(dir, 'absent')}: ENOENT`));
  });
});
