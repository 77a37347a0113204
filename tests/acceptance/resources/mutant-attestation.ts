import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ADDON_RELATIVE_PATH } from '../../../sandbox/runtime/package-root.js';
import { runSandboxed, type ProbeRecord, type SandboxProfile } from '../../../sandbox/index.js';
import { recordRun, type RunLog } from '../evidence.js';
import type { AttestationView } from './sandbox.js';

/**
 * The probe runner of `tki attest` with one difference: the in-process lock is installed from
 * `profile` instead of the built-in default, so a mutated copy of the profile reaches both
 * seccomp stages (the engine's start-up filter and node's own). The runner is a small module
 * placed in the read-only packet mount; the probes themselves are tki's built ones.
 */
function runnerSource(profile: SandboxProfile, repoRoot: string): string {
  const dist = `${repoRoot}/dist/sandbox`;
  return [
    `import { applyExecLock } from '${dist}/lock.js';`,
    `import { runSelfCheck } from '${dist}/self-check/index.js';`,
    `import { runProbes } from '${dist}/probes/index.js';`,
    `const profile = ${JSON.stringify(profile)};`,
    'process.exitCode = 3;',
    'const lock = applyExecLock(profile);',
    'const selfCheck = runSelfCheck(profile);',
    'const probes = await runProbes({ hostPaths: process.argv.slice(2) });',
    'process.stdout.write(`${JSON.stringify({ lock, selfCheck: selfCheck.results, probes })}\\n`);',
    'process.exitCode = 2;',
  ].join('\n');
}

export async function attestWithProfile(log: RunLog, repoRoot: string, label: string, profile: SandboxProfile): Promise<AttestationView> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tki-acceptance-mutant-attest-'));
  const packetDir = path.join(scratch, 'in');
  mkdirSync(packetDir, { mode: 0o755 });
  chmodSync(scratch, 0o755);
  // Only tki's bundles are handed into the sandbox, so the runner is bundled here from the built
  // modules (the same emitted code) into one file in the read-only packet mount.
  const entry = path.join(scratch, 'runner-entry.mjs');
  writeFileSync(entry, runnerSource(profile, repoRoot));
  buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error', outfile: path.join(packetDir, 'runner.mjs') });
  chmodSync(path.join(packetDir, 'runner.mjs'), 0o644);
  // The bundled lock finds the seccomp addon from the nearest package named tki above it: /in.
  writeFileSync(path.join(packetDir, 'package.json'), JSON.stringify({ name: 'tki', type: 'module' }), { mode: 0o644 });
  const addon = path.join(packetDir, ADDON_RELATIVE_PATH);
  mkdirSync(path.dirname(addon), { recursive: true, mode: 0o755 });
  copyFileSync(path.join(repoRoot, ADDON_RELATIVE_PATH), addon);
  chmodSync(addon, 0o644);
  const command = ['runSandboxed', 'bwrap', `profile: ${label}`, 'node /in/runner.mjs (probe runner locked with the same profile)'];
  return recordRun<Omit<AttestationView, 'run_id'>>(log, `attest-${label}`, `the twelve probes under ${label}`, command, async () => {
    try {
      const run = await runSandboxed({ engine: 'bwrap', profile, packetPath: packetDir, packetIsFile: false, nodeArgs: () => ['/in/runner.mjs', repoRoot, homedir(), scratch] });
      const empty = { engine: 'bwrap', probes: [] as ProbeRecord[], self_check: [], exec_lock: undefined, profile_sha256: undefined, evidence_file: undefined };
      if (!run.ok) return { value: { ...empty, exit_code: null, problem: run.line }, exitCode: null, artifacts: [] };
      const line = run.exit.stdout.trim().split('\n').pop() ?? '';
      try {
        const inside = JSON.parse(line) as { lock: AttestationView['exec_lock']; selfCheck: AttestationView['self_check']; probes: ProbeRecord[] };
        return { value: { ...empty, exit_code: run.exit.exitCode, probes: inside.probes, self_check: inside.selfCheck, exec_lock: inside.lock }, exitCode: run.exit.exitCode, artifacts: [] };
      } catch {
        return { value: { ...empty, exit_code: run.exit.exitCode, problem: `no evidence from the runner: ${run.exit.stderr.trim().split('\n').pop() ?? ''}` }, exitCode: run.exit.exitCode, artifacts: [] };
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/** Mutation (a): the default profile with one syscall taken off the seccomp deny list. */
export function withoutSeccompRule(profile: SandboxProfile, syscall: SandboxProfile['seccomp']['deny'][number]): SandboxProfile {
  return { ...profile, seccomp: { ...profile.seccomp, deny: profile.seccomp.deny.filter((name) => name !== syscall) } };
}
