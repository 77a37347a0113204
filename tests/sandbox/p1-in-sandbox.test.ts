import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, inspectInSandbox, type SandboxProfile } from '../../sandbox/index.js';
import { listFiles, removeScratchDirs, scratchDir } from './helpers/cli.js';
import { requireEngine } from './helpers/engines.js';
import { writePacketDir } from './helpers/packet.js';

/**
 * P1 inside a real bwrap sandbox that deviates from the profile `tki inspect` expects: the
 * inspector must refuse before reading anything (exit 3, one stderr line, no report).
 */
async function inspectUnder(profile: SandboxProfile): Promise<{ exitCode: number; stderr: string; outFiles: string[] }> {
  const dir = scratchDir('p1');
  const out = join(dir, 'out');
  const run = await inspectInSandbox({ engine: 'bwrap', profile, packetPath: writePacketDir(join(dir, 'packet')), outputDir: out });
  if (!run.ok) throw new Error(run.line);
  return { exitCode: run.exitCode, stderr: run.stderrLines.join('\n'), outFiles: listFiles(out) };
}

beforeAll(() => requireEngine('bwrap'));
afterAll(removeScratchDirs);

describe('P1 refuses a sandbox that is not the profile (rows 28, 37)', () => {
  it('control: the profile itself passes P1 and the inspector writes its three files', async () => {
    const result = await inspectUnder(DEFAULT_PROFILE);
    expect(result.stderr).toBe('');
    expect([1, 2]).toContain(result.exitCode);
    expect(result.outFiles).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
  });

  it('row 28: a secret-like key in the sandbox environment → BLOCKED naming env-clean, nothing written', async () => {
    const result = await inspectUnder({ ...DEFAULT_PROFILE, env: { ...DEFAULT_PROFILE.env, AWS_SECRET_ACCESS_KEY: 'not-a-real-secret' } });
    expect(result.exitCode).toBe(3);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^tki: BLOCKED: .*"env-clean".*AWS_SECRET_ACCESS_KEY/);
    expect(result.stderr).not.toContain('not-a-real-secret');
    expect(result.outFiles).toEqual([]);
  });

  it('row 37: the packet mounted somewhere else → BLOCKED naming mounts-exact, nothing written', async () => {
    const result = await inspectUnder({ ...DEFAULT_PROFILE, packet: { target: '/elsewhere', access: 'read-only' } });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/^tki: BLOCKED: .*"mounts-exact".*\/in/);
    expect(result.outFiles).toEqual([]);
  });

  it('row 37: a root operator whose sandbox is not dropped to an unprivileged uid → BLOCKED naming not-host-root (as any other operator: runs as them)', async () => {
    const result = await inspectUnder({ ...DEFAULT_PROFILE, rootOperatorRunsAs: { uid: 0, gid: 0, name: 'root' } });
    if (process.getuid?.() === 0) {
      expect(result.exitCode).toBe(3);
      expect(result.stderr).toMatch(/^tki: BLOCKED: .*"not-host-root".*0->0/);
      expect(result.outFiles).toEqual([]);
    } else {
      expect([1, 2]).toContain(result.exitCode);
    }
  });

  it('row 37: a host network namespace → BLOCKED naming net-lo-only', async () => {
    const result = await inspectUnder({ ...DEFAULT_PROFILE, namespaces: DEFAULT_PROFILE.namespaces.filter((namespace) => namespace !== 'net') });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/^tki: BLOCKED: .*"net-lo-only"/);
    expect(result.outFiles).toEqual([]);
  });

  it("the inspector's node started without the permission model → BLOCKED naming node-hardening", async () => {
    const result = await inspectUnder({ ...DEFAULT_PROFILE, node: { ...DEFAULT_PROFILE.node, permissionModel: false } });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/^tki: BLOCKED: .*"node-hardening".*permission model is off/);
    expect(result.outFiles).toEqual([]);
  });
});
