import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { inDirectory } from './remove-tree.js';

/** The file in each of tki's temporary directories that names the process using it. */
export const OWNER_FILE = 'owner.pid';
/** A pid is at most 7 digits on Linux (pid_max ≤ 2^22) plus a newline: the record is never read past this. */
const OWNER_RECORD_MAX_BYTES = 16;

/**
 * The pid recorded in the directory open as `dirFd`, or undefined when there is no readable record. The
 * file is opened O_NOFOLLOW|O_NONBLOCK (a symlink to /dev/zero or a FIFO neither hangs nor floods the
 * launcher), must be a regular file, and only its first bytes are read.
 */
export function readOwnerPid(dirFd: number): number | undefined {
  let fd: number;
  try {
    fd = openSync(inDirectory(dirFd, OWNER_FILE), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(OWNER_RECORD_MAX_BYTES);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, length).toString('latin1').trim();
    if (!/^[0-9]{1,7}$/.test(text)) return undefined;
    return Number(text);
  } finally {
    closeSync(fd);
  }
}
