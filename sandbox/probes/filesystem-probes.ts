import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { describeMounts, parseMountInfo } from '../self-check/mountinfo.js';
import { mountTableViolation } from '../self-check/mount-rules.js';
import { errorCode, type Probe } from './types.js';

function attemptWrite(path: string): string {
  try {
    writeFileSync(path, 'tki probe\n', { flag: 'wx' });
    return 'ok';
  } catch (error) {
    return errorCode(error);
  }
}

function attemptRead(path: string): string {
  try {
    readFileSync(path);
    return 'ok';
  } catch (error) {
    if (errorCode(error) !== 'EISDIR') return errorCode(error);
  }
  try {
    readdirSync(path);
    return 'ok';
  } catch (error) {
    return errorCode(error);
  }
}

const { packet } = DEFAULT_PROFILE;

export const WRITE_ROOT_PROBE: Probe = {
  id: 'PR-FS-ESC-1',
  attempt: 'create /tki-probe, /etc/tki-probe and /opt/tki/tki-probe',
  expected: 'EPERM (the lock refuses every open for writing), EROFS or EACCES (or ENOENT for a missing parent) for each',
  run() {
    const paths = ['/tki-probe', '/etc/tki-probe', '/opt/tki/tki-probe'];
    const codes = paths.map(attemptWrite);
    return Promise.resolve({
      observed: paths.map((path, index) => `${path} ${codes[index]}`).join('; '),
      pass: codes.every((code) => code === 'EPERM' || code === 'EROFS' || code === 'EACCES' || code === 'ENOENT'),
    });
  },
};

export const HOST_READ_PROBE: Probe = {
  id: 'PR-FS-ESC-2',
  attempt: 'read /etc/shadow, /root, /home and the host project, home and scratch directories',
  expected: 'ENOENT or EACCES for each',
  run(context) {
    const paths = [...new Set(['/etc/shadow', '/root', '/home', ...context.hostPaths])];
    const codes = paths.map(attemptRead);
    return Promise.resolve({
      observed: paths.map((path, index) => `${path} ${codes[index]}`).join('; '),
      pass: codes.every((code) => code === 'ENOENT' || code === 'EACCES'),
    });
  },
};

export const MOUNT_TABLE_PROBE: Probe = {
  id: 'PR-MOUNT-1',
  attempt: 'read /proc/self/mountinfo and compare with the profile',
  expected: `exactly ${packet.target} ro besides the read-only runtime; no writable host path`,
  run() {
    const parsed = parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8'));
    if (!parsed.ok) return Promise.resolve({ observed: `unparsable: ${parsed.line}`, pass: false });
    const violation = mountTableViolation(parsed.entries, DEFAULT_PROFILE);
    const table = describeMounts(parsed.entries).join(' | ');
    return Promise.resolve({ observed: violation === undefined ? table : `${violation} :: ${table}`, pass: violation === undefined });
  },
};

export const WRITE_IN_PROBE: Probe = {
  id: 'PR-FS-RO-IN',
  attempt: `create ${packet.target}/tki-probe`,
  // Once locked, seccomp answers any open for writing before the mount is consulted; the mount's own
  // read-only flag is what PR-MOUNT-1 and P1's mounts-exact read from mountinfo.
  expected: 'EPERM (the lock refuses the open for writing) or EROFS (the read-only mount)',
  run() {
    const code = attemptWrite(`${packet.target}/tki-probe`);
    return Promise.resolve({ observed: code, pass: code === 'EPERM' || code === 'EROFS' });
  },
};
