import type { SandboxProfile } from '../profile/types.js';

/**
 * node's command-line flags for the inspector inside the sandbox, from `profile.node`. The
 * permission model needs `--allow-addons` for the exec-lock addon; its warnings are silenced so
 * that stderr stays the inspector's one-line channel. The probe runner does not get these flags:
 * its attempts must reach the kernel, which is the layer it attests.
 */
export function compileNodeFlags(profile: SandboxProfile): string[] {
  const flags: string[] = [];
  if (profile.node.permissionModel) {
    flags.push(
      '--experimental-permission',
      '--allow-addons',
      // Reads anywhere in the (already minimal) sandbox; no write grant at all: the report leaves
      // over the channel's descriptor, which the permission model does not gate.
      '--allow-fs-read=/',
      '--disable-warning=ExperimentalWarning',
      '--disable-warning=SecurityWarning',
    );
  }
  if (profile.node.preserveSymlinks) flags.push('--preserve-symlinks');
  return [...flags, ...compileInspectorV8Flags(profile)];
}

/**
 * The inspector's flags that V8 itself reads. V8 folds them into a hash that a start-up snapshot
 * carries and refuses a snapshot built under other values (node then exits 14), so the inspector's
 * snapshot is built with exactly these (runtime/inside-snapshot-build.ts) and used only when a
 * run's profile gives the same (runtime/inside-snapshot.ts).
 */
export function compileInspectorV8Flags(profile: SandboxProfile): string[] {
  const flags: string[] = [];
  if (profile.node.disallowCodeGeneration) flags.push('--disallow-code-generation-from-strings');
  // Start-up speed, not a limit: loading the inspector's modules allocates tens of MB of short-lived
  // objects, and V8's young generation starts at 1 MB and grows only after repeated scavenges; a
  // 16 MB start cuts most of them (measured in bench/sandbox-layers.ts: the node flags layer).
  flags.push('--min-semi-space-size=16');
  return [...flags, ...compileLimitFlags(profile)];
}

/**
 * What every process started inside gets (the inspector and the probe runner): no JIT, so the lock
 * can refuse all executable memory (`--no-expose-wasm` is what `--jitless` implies; said
 * explicitly, node does not warn about it on stderr), and the limits node enforces on itself.
 */
export function compileLimitFlags(profile: SandboxProfile): string[] {
  return [...(profile.node.jitless ? ['--jitless', '--no-expose-wasm'] : []), ...(profile.limits.memoryMiB > 0 ? [`--max-old-space-size=${profile.limits.memoryMiB}`] : [])];
}
