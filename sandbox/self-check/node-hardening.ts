import type { SandboxProfile } from '../profile/types.js';
import type { InvariantResult } from './invariants.js';

/** The parts of `process` this check reads, so a test can hand in its own. */
export interface NodeProcessView {
  readonly permission?: { has(scope: string, reference?: string): boolean };
  readonly execArgv: readonly string[];
}

/**
 * The inspector's extra layer (profile.node), confirmed from inside: with the permission model
 * on, writing to the packet, starting a process or a worker must be refused by node itself; the
 * code-generation ban is read back from node's own arguments. Not part of P1 proper: the probe
 * runner runs without these flags so that its attempts reach the kernel.
 */
export function judgeNodeHardening(profile: SandboxProfile, view: NodeProcessView): InvariantResult {
  const problems: string[] = [];
  if (profile.node.permissionModel) {
    const permission = view.permission;
    if (permission === undefined) problems.push('the permission model is off');
    else {
      if (permission.has('fs.write', `${profile.packet.target}/x`)) problems.push(`${profile.packet.target} is writable for node`);
      if (permission.has('fs.write', '/tmp/x') || permission.has('fs.write', '/')) problems.push('node may write files');
      if (permission.has('child')) problems.push('child processes are allowed');
      if (permission.has('worker')) problems.push('workers are allowed');
    }
  }
  if (profile.node.disallowCodeGeneration && !view.execArgv.includes('--disallow-code-generation-from-strings')) problems.push('code generation from strings is allowed');
  // Without --jitless the lock could not refuse executable memory (lock.ts, lockedRules).
  if (profile.node.jitless && !view.execArgv.includes('--jitless')) problems.push('the JIT is on, so memory may still become executable');
  return { id: 'node-hardening', confirmed: problems.length === 0, observed: problems.length === 0 ? `permission model on (no file writes, no child processes, no workers), no code generation from strings${profile.node.jitless ? ', no JIT (no executable memory once locked)' : ''}` : problems.join('; ') };
}
