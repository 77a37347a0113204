import { readdirSync, readFileSync } from 'node:fs';
import { loadSeccompAddon } from '../native/addon.js';
import type { SelfCheckObservation } from './invariants.js';

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function threadStatuses(): string[] | undefined {
  try {
    return readdirSync('/proc/self/task').map((tid) => readFileSync(`/proc/self/task/${tid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Looks at this process from the inside: kernel-reported tables only, plus two real attempts
 * (execve of an impossible path, socket()) whose errno tells whether the filter is in force.
 */
export function observeSelf(): SelfCheckObservation {
  const addon = loadSeccompAddon();
  return {
    mountInfo: readOrUndefined('/proc/self/mountinfo'),
    threadStatuses: threadStatuses(),
    netDev: readOrUndefined('/proc/self/net/dev'),
    env: { ...process.env },
    execErrno: addon.ok ? addon.addon.attemptSyscall('execve') : undefined,
    socketErrno: addon.ok ? addon.addon.attemptSyscall('socket') : undefined,
  };
}
