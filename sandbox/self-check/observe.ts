import { closeSync, constants, existsSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { loadSeccompAddon } from '../native/addon.js';
import type { OpenFd, SelfCheckObservation } from './invariants.js';

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

function openFds(): OpenFd[] | undefined {
  try {
    const fds: OpenFd[] = [];
    for (const name of readdirSync('/proc/self/fd')) {
      let target: string;
      try {
        target = readlinkSync(`/proc/self/fd/${name}`);
      } catch {
        continue; // the directory's own descriptor, closed once listed
      }
      fds.push({ fd: Number(name), target, pathVisible: !target.startsWith('/') || existsSync(target.replace(/ \(deleted\)$/, '')) });
    }
    return fds;
  } catch {
    return undefined;
  }
}

/** A real attempt to open a sysctl for writing (opening changes nothing; nothing is written). */
function procSysWrite(): string {
  try {
    closeSync(openSync('/proc/sys/kernel/core_pattern', constants.O_WRONLY));
    return 'ok';
  } catch (error) {
    return error instanceof Error && 'code' in error ? String(error.code) : 'error';
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
    openFds: openFds(),
    limits: readOrUndefined('/proc/self/limits'),
    uidMap: readOrUndefined('/proc/self/uid_map'),
    procSysWrite: procSysWrite(),
  };
}
