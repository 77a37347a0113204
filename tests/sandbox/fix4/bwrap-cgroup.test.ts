import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planSandboxCgroup } from '../../../sandbox/launch/cgroup.js';
import { runSandboxed } from '../../../sandbox/launch/run-sandboxed.js';
import { DEFAULT_PROFILE } from '../../../sandbox/profile/default-profile.js';
import { removeScratchDirs, scratchDir } from '../helpers/cli.js';
import { writePacketDir } from '../helpers/packet.js';

/** Round four (issue 12, MEM): a root operator's bwrap sandbox runs in a memory + pids cgroup of its own. */
afterAll(removeScratchDirs);

describe("bwrap's cgroup (root operator)", () => {
  it('the inside is in tki-sandbox-<launcher pid>-* for memory and pids from its first instruction (bwrap held until it was placed); the cgroup is gone afterwards', async () => {
    if (process.getuid?.() !== 0) throw new Error('this test needs a root operator (CI runs the suite as root)');
    const plan = planSandboxCgroup();
    if (!plan.ok) throw new Error(`this host offers no cgroup: ${plan.reason}`);
    const packet = writePacketDir(join(scratchDir('fix4-cgroup'), 'packet'));
    const script = "process.stderr.write(require('fs').readFileSync('/proc/self/cgroup', 'utf8'))";
    const run = await runSandboxed({ engine: 'bwrap', profile: DEFAULT_PROFILE, packetPath: packet, packetIsFile: false, nodeArgs: () => ['-e', script] });
    if (!run.ok) throw new Error(run.line);
    expect(run.exit.exitCode).toBe(0);
    const name = new RegExp(`tki-sandbox-${process.pid}-[0-9a-f]{12}$`);
    const lines = run.exit.stderr.split('\n');
    for (const controller of plan.version === 1 ? ['memory', 'pids'] : ['']) {
      const line = lines.find((entry) => entry.split(':')[1] === controller);
      expect(line, run.exit.stderr).toMatch(name);
      const dir = join(plan.version === 1 ? (controller === 'memory' ? plan.memoryRoot : plan.pidsRoot) : plan.root, /tki-sandbox-[^/]+$/.exec(line ?? '')?.[0] ?? 'missing');
      expect(existsSync(dir)).toBe(false);
    }
  }, 120_000);
});
