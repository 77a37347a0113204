import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { inspectorError, type InspectorError } from '../errors.js';
import { contentPathProblem } from '../packet/content-path.js';
import { sha256Ref } from '../packet/manifest.js';

/**
 * The read edge (SPEC §1, §2 step 4): the only module of the inspector that reads files, and
 * only inside the packet root. Every file is opened first and judged on its descriptor (fstat),
 * so what is judged is exactly what is read: no lstat-then-open window. packet.json is read
 * whole (bounded); content files are hashed as they are read, through one reused buffer, and
 * their text is kept only when a later stage needs it.
 */
export const allowedActions = ['READ_PACKET_ITEM'] as const;

/**
 * Read-only, and: O_NOFOLLOW, a symlink as the last component fails (ELOOP) instead of being
 * followed; O_NONBLOCK, a FIFO swapped in opens at once and is refused, never waited on.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Content is read in pieces of at most this size: memory stays bounded whatever a file's size. */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** The reused buffer starts here and grows (up to CHUNK_BYTES) to the largest file seen. */
const INITIAL_BUFFER_BYTES = 64 * 1024;

export type PacketDocument =
  | { readonly ok: true; readonly root: string; readonly packetFile: string; readonly text: string }
  | { readonly ok: false; readonly error: InspectorError };

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

type OpenedFile = { readonly ok: true; readonly fd: number; readonly size: number } | { readonly ok: false; readonly problem: 'symlink' | 'not_regular' };

/** Opens without following a final symlink; the descriptor's own fstat decides what it is. */
function openRegularFile(file: string): OpenedFile {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    if (errnoCode(error) === 'ELOOP') return { ok: false, problem: 'symlink' };
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (info.isFile()) return { ok: true, fd, size: info.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  closeSync(fd);
  return { ok: false, problem: 'not_regular' };
}

/** Fills `target[0, length)` from the file's start; fewer bytes only when the file ended sooner. */
function readAt(fd: number, target: Buffer, length: number, position: number): number {
  let filled = 0;
  while (filled < length) {
    const count = readSync(fd, target, filled, length - filled, position + filled);
    if (count === 0) break;
    filled += count;
  }
  return filled;
}

/** `packetPath` is a directory holding packet.json or a single .json file. */
export function readPacketDocument(packetPath: string, maxBytes: number): PacketDocument {
  try {
    // The operator names the packet, so a symlinked packet path is followed; packet.json inside a
    // packet directory is packet content and must be a regular file, never a link.
    const packetFile = statSync(packetPath).isDirectory() ? path.join(realpathSync(packetPath), 'packet.json') : realpathSync(packetPath);
    // Errors name the packet file by its name, never by its absolute path: inside the sandbox that
    // is /in/…, which the operator never typed (the launcher's line names the operator's path).
    const shown = path.basename(packetFile);
    const opened = openRegularFile(packetFile);
    if (!opened.ok) return { ok: false, error: inspectorError('packet/not_a_regular_file', shown) };
    let bytes: Buffer;
    try {
      if (opened.size > maxBytes) return { ok: false, error: inspectorError('packet/too_large', shown, `${opened.size} bytes > ${maxBytes}`) };
      bytes = Buffer.allocUnsafe(opened.size);
      bytes = bytes.subarray(0, readAt(opened.fd, bytes, opened.size, 0));
    } finally {
      closeSync(opened.fd);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: inspectorError('packet/invalid_utf8', shown) };
    }
    return { ok: true, root: path.dirname(packetFile), packetFile, text };
  } catch (error) {
    const code = errnoCode(error);
    const errorCode = code === 'ENOENT' || code === 'ENOTDIR' ? 'packet/not_found' : 'packet/unreadable';
    return { ok: false, error: inspectorError(errorCode, packetPath, code) };
  }
}

export type ContentRead =
  | { readonly ok: true; readonly sha256: string; readonly bytes: number; readonly text: string | undefined }
  | { readonly ok: false; readonly error: InspectorError };

export interface ContentReadOptions {
  readonly maxBytes: number;
  /** Keep the decoded text (for analysis) when the file is at most this many bytes; 0 keeps none. */
  readonly retainTextUpTo: number;
}

export interface ContentReader {
  read(relativePath: string, jsonPath: () => string, options: ContentReadOptions): ContentRead;
}

function inside(root: string, candidate: string): boolean {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return candidate.startsWith(prefix);
}

/**
 * A reader bound to one packet root. Directory realpaths are cached, so a file costs an open,
 * an fstat, its reads and a close. The calls are synchronous on purpose: a packet holds many
 * small items, and a thread-pool round trip per call costs more than the read itself.
 */
export function createContentReader(root: string): ContentReader {
  const realDirectories = new Map<string, string>();
  const realDirectory = (relativeDirectory: string): string => {
    let cached = realDirectories.get(relativeDirectory);
    if (cached === undefined) {
      cached = realpathSync(relativeDirectory === '' ? root : path.join(root, relativeDirectory));
      realDirectories.set(relativeDirectory, cached);
    }
    return cached;
  };
  let buffer = Buffer.allocUnsafe(INITIAL_BUFFER_BYTES);
  const bufferFor = (size: number): Buffer => {
    if (size > buffer.length) buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(size, buffer.length * 2)));
    return buffer;
  };

  const escape = (jsonPath: () => string, why: string): { ok: false; error: InspectorError } => ({ ok: false, error: inspectorError('provenance/path_escape', jsonPath(), why) });
  const NOT_REGULAR = 'not a regular file';

  /** The open descriptor of a regular file inside the root, or why there is none. */
  const open = (relativePath: string, jsonPath: () => string): { ok: true; fd: number; size: number } | { ok: false; error: InspectorError } => {
    // contentPathProblem has refused absolute paths and `..`, so plain string splitting is safe here.
    const slash = relativePath.lastIndexOf('/');
    const directory = realDirectory(slash < 0 ? '' : relativePath.slice(0, slash));
    if (directory !== root && !inside(root, directory)) return escape(jsonPath, 'a directory symlink leaves the packet directory');
    const file = `${directory}${directory.endsWith(path.sep) ? '' : path.sep}${relativePath.slice(slash + 1)}`;
    const opened = openRegularFile(file);
    if (opened.ok) return opened;
    if (opened.problem === 'not_regular') return escape(jsonPath, NOT_REGULAR);
    // A symlink: followed only when its target is a regular file inside the packet directory.
    const target = realpathSync(file);
    if (!inside(root, target)) return escape(jsonPath, 'a symlink leaves the packet directory');
    const resolved = openRegularFile(target);
    return resolved.ok ? resolved : escape(jsonPath, resolved.problem === 'not_regular' ? NOT_REGULAR : 'a symlink changed while it was read');
  };

  return {
    read(relativePath, jsonPath, options) {
      const problem = contentPathProblem(relativePath);
      if (problem !== undefined) return escape(jsonPath, problem);
      try {
        const opened = open(relativePath, jsonPath);
        if (!opened.ok) return opened;
        try {
          if (opened.size > options.maxBytes) {
            return { ok: false, error: inspectorError('provenance/content_too_large', jsonPath(), `${opened.size} bytes > ${options.maxBytes}`) };
          }
          return hashOpenFile(opened.fd, opened.size, options, bufferFor);
        } finally {
          closeSync(opened.fd);
        }
      } catch (error) {
        return { ok: false, error: inspectorError('provenance/content_unreadable', jsonPath(), errnoCode(error)) };
      }
    },
  };
}

/**
 * UTF-8 text of content bytes; all-ASCII bytes (listings, logs) are copied as they are, without
 * UTF-8 decoding. Latin-1 of all-ASCII bytes is the same text, and Node copies it as it is, where
 * its 'ascii' decoder masks every byte (206 MiB: 471 against 542 CPU-ms, one loaded run).
 */
function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * The file's sha256 and, when asked and small enough, its text. Everything passes through the
 * reader's reused buffer, a chunk at a time (text to keep is decoded from it).
 */
function hashOpenFile(fd: number, size: number, options: ContentReadOptions, bufferFor: (size: number) => Buffer): ContentRead {
  if (size <= options.retainTextUpTo) {
    // The text is a copy in V8's heap either way: the bytes can pass through the reused buffer.
    const target = size <= CHUNK_BYTES ? bufferFor(size) : Buffer.allocUnsafe(size);
    const bytes = target.subarray(0, readAt(fd, target, size, 0));
    return { ok: true, sha256: sha256Ref(bytes), bytes: bytes.length, text: decodeText(bytes) };
  }
  if (size <= CHUNK_BYTES) {
    const target = bufferFor(size);
    const bytes = target.subarray(0, readAt(fd, target, size, 0));
    return { ok: true, sha256: sha256Ref(bytes), bytes: bytes.length, text: undefined };
  }
  const hash = createHash('sha256');
  const chunk = bufferFor(CHUNK_BYTES);
  let total = 0;
  while (total < size) {
    const count = readAt(fd, chunk, Math.min(CHUNK_BYTES, size - total), total);
    if (count === 0) break;
    hash.update(chunk.subarray(0, count));
    total += count;
  }
  return { ok: true, sha256: `sha256:${hash.digest('hex')}`, bytes: total, text: undefined };
}
