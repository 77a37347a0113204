import { spawnSync } from 'node:child_process';

/**
 * A sandbox test that cannot run must fail, never pass or skip: this throws with what to install
 * when the engine is missing, so the failure says why.
 */
export function requireEngine(engine: 'bwrap' | 'podman'): void {
  const probe = spawnSync(engine, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const hint = engine === 'bwrap' ? 'apt-get install bubblewrap' : 'apt-get install podman runc uidmap';
    throw new Error(`${engine} is not usable here (${probe.error?.message ?? probe.stderr.trim()}); this sandbox test cannot run: ${hint} (scripts/setup.sh does it)`);
  }
}
