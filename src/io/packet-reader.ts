import { constants, createReadStream, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { inspectorError, type InspectorError } from '../errors.js';
import { contentPathProblem } from '../packet/content-path.js';
import { sha256Ref } from '../packet/manifest.js';

/**
 * The read edge (SPEC §1, §2 step 4): the only module of the inspector that reads files, and
 * only inside the packet root. packet.json is read whole (bounded); content files are hashed as
 * they are read, and their text is kept only when a later stage needs it.
 */
export const allowedActions = ['READ_PACKET_ITEM'] as const;

/** O_NOFOLLOW: the final component must not be a symlink at open time; O_NONBLOCK: a FIFO swapped in never hangs the read. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
/** fs.open accepts numeric flags everywhere; the typings of readFileSync and createReadStream only list strings. */
const OPEN_FLAGS_OPTION = OPEN_FLAGS as unknown as string;

/** Files up to this size are read in one call; larger ones are streamed in chunks of this size. */
const WHOLE_READ_LIMIT = 8 * 1024 * 1024;

export type PacketDocument =
  | { readonly ok: true; readonly root: string; readonly packetFile: string; readonly text: string }
  | { readonly ok: false; readonly error: InspectorError };

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** `packetPath` is a directory holding packet.json or a single .json file. */
export async function readPacketDocument(packetPath: string, maxBytes: number): Promise<PacketDocument> {
  try {
    const target = await stat(packetPath);
    const packetFile = target.isDirectory() ? path.join(await realpath(packetPath), 'packet.json') : await realpath(packetPath);
    const info = await lstat(packetFile);
    if (!info.isFile()) return { ok: false, error: inspectorError('packet/not_a_regular_file', packetFile) };
    if (info.size > maxBytes) return { ok: false, error: inspectorError('packet/too_large', packetFile, `${info.size} bytes > ${maxBytes}`) };
    const bytes = await readFile(packetFile, { flag: OPEN_FLAGS });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: inspectorError('packet/invalid_utf8', packetFile) };
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

/** A regular file above the single-read size: the caller streams it with `stream`. */
export interface LargeContent {
  readonly ok: 'large';
  readonly file: string;
}

export interface ContentReader {
  /** Synchronous for the common small file; a large one comes back as LargeContent to stream. */
  read(relativePath: string, jsonPath: () => string, options: ContentReadOptions): ContentRead | LargeContent;
  stream(large: LargeContent, jsonPath: () => string, options: ContentReadOptions): Promise<ContentRead>;
}

function inside(root: string, candidate: string): boolean {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return candidate.startsWith(prefix);
}

/**
 * A reader bound to one packet root; directory realpaths are cached so each file costs one
 * lstat and one read. Small files use the synchronous calls on purpose: a packet holds many
 * small items, and a thread-pool round trip per call costs more than the read itself.
 */
export function createContentReader(root: string): ContentReader {
  const realDirectories = new Map<string, string>();
  const realDirectory = (directory: string): string => {
    let cached = realDirectories.get(directory);
    if (cached === undefined) {
      cached = realpathSync(directory);
      realDirectories.set(directory, cached);
    }
    return cached;
  };

  const escape = (jsonPath: () => string, why: string): ContentRead => ({ ok: false, error: inspectorError('provenance/path_escape', jsonPath(), why) });

  return {
    read(relativePath, jsonPath, options) {
      const problem = contentPathProblem(relativePath);
      if (problem !== undefined) return escape(jsonPath, problem);
      try {
        // contentPathProblem has refused absolute paths and `..`, so plain string splitting is safe here.
        const slash = relativePath.lastIndexOf('/');
        const directory = realDirectory(slash < 0 ? root : path.join(root, relativePath.slice(0, slash)));
        if (directory !== root && !inside(root, directory)) return escape(jsonPath, 'a directory symlink leaves the packet directory');
        let file = `${directory}${directory.endsWith(path.sep) ? '' : path.sep}${relativePath.slice(slash + 1)}`;
        let info = lstatSync(file);
        if (info.isSymbolicLink()) {
          file = realpathSync(file);
          if (!inside(root, file)) return escape(jsonPath, 'a symlink leaves the packet directory');
          info = lstatSync(file);
        }
        if (!info.isFile()) return escape(jsonPath, 'not a regular file');
        if (info.size > options.maxBytes) {
          return { ok: false, error: inspectorError('provenance/content_too_large', jsonPath(), `${info.size} bytes > ${options.maxBytes}`) };
        }
        return info.size <= WHOLE_READ_LIMIT ? readWhole(file, options) : { ok: 'large', file };
      } catch (error) {
        return { ok: false, error: inspectorError('provenance/content_unreadable', jsonPath(), errnoCode(error)) };
      }
    },
    async stream(large, jsonPath, options) {
      try {
        return await readStreamed(large.file, jsonPath, options);
      } catch (error) {
        return { ok: false, error: inspectorError('provenance/content_unreadable', jsonPath(), errnoCode(error)) };
      }
    },
  };
}

function readWhole(file: string, options: ContentReadOptions): ContentRead {
  const bytes = readFileSync(file, { flag: OPEN_FLAGS_OPTION });
  const sha256 = sha256Ref(bytes);
  const text = bytes.length <= options.retainTextUpTo ? bytes.toString('utf8') : undefined;
  return { ok: true, sha256, bytes: bytes.length, text };
}

/** Large files: hash chunk by chunk so memory stays bounded by the chunk size, not the file size. */
async function readStreamed(file: string, jsonPath: () => string, options: ContentReadOptions): Promise<ContentRead> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let bytes = 0;
  const stream = createReadStream(file, { flags: OPEN_FLAGS_OPTION, highWaterMark: WHOLE_READ_LIMIT });
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    if (bytes > options.maxBytes) {
      stream.destroy();
      return { ok: false, error: inspectorError('provenance/content_too_large', jsonPath(), `more than ${options.maxBytes} bytes`) };
    }
    if (bytes <= options.retainTextUpTo) kept.push(buffer);
  }
  const text = bytes <= options.retainTextUpTo ? Buffer.concat(kept).toString('utf8') : undefined;
  return { ok: true, sha256: `sha256:${hash.digest('hex')}`, bytes, text };
}
