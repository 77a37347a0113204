import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import textBytes from '../load/text-bytes.cjs';
import { join } from 'node:path';
import userCache from '../load/user-cache.cjs';

/**
 * The guard's caches live where the analyzed project can write (`node_modules/.cache/tki`), and
 * their keys are hashes anyone can compute: a change under review could ship a cache that says
 * its files hold nothing. So every cache file is sealed with an HMAC under a secret that lives
 * outside the project, in the user's cache directory (created 0600 by this user, checked to be
 * theirs and private); a file whose seal does not verify is ignored, as a damaged one is.
 * Without a usable secret the run is uncached: correct, only slower.
 */
export interface CacheSeal {
  /** The text with its seal in front, as written to disk. */
  seal(text: string): string;
  /** A sealed file's text if its seal verifies, else undefined; a missing or unreadable file throws, as reading it does. */
  openFile(file: string): string | undefined;
}

const HEADER = 'tki-sealed-1 ';
const SECRET_BYTES = 32;

function readSecret(file: string): Buffer | undefined {
  if (!userCache.isPrivateToMe(file, 'file', 0o077)) return undefined;
  const secret = readFileSync(file);
  return secret.length === SECRET_BYTES ? secret : undefined;
}

/** This user's secret, made on first use; undefined when it cannot be made or is not private. */
export function loadCacheSecret(base: string = userCache.tkiUserCacheDirectory()): Buffer | undefined {
  try {
    if (!userCache.makePrivateDirectory(base)) return undefined;
    const file = join(base, 'cache-secret');
    try {
      return readSecret(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    }
    // Written whole under a name of its own, then linked into place: created in place, the file
    // was empty for a moment, and a run reading it then (parallel test workers, CI's first runs)
    // went uncached and so missed every cache, dependency-cruiser's violations included.
    const secret = randomBytes(SECRET_BYTES);
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const descriptor = openSync(temporary, 'wx', 0o600);
      try {
        writeSync(descriptor, secret);
      } finally {
        closeSync(descriptor);
      }
      linkSync(temporary, file);
      return secret;
    } catch {
      // Another run made it first: use theirs.
      return readSecret(file);
    } finally {
      rmSync(temporary, { force: true });
    }
  } catch {
    return undefined;
  }
}

export function createCacheSeal(secret: Buffer): CacheSeal {
  const mac = (text: string | Buffer): string => createHmac('sha256', secret).update(text).digest('base64url');
  const header = Buffer.from(HEADER);
  /**
   * The seal is checked on the file's bytes and only the text behind it is decoded: hashing the
   * decoded string made Node encode the shards back to UTF-8 first (the facts cache is ~5 MB on
   * the bench corpus, read by every warm run). A text's UTF-8 bytes are what `seal` hashed.
   */
  const openBytes = (sealed: Buffer): string | undefined => {
    const newline = sealed.indexOf(0x0a);
    if (newline < 0 || !sealed.subarray(0, header.length).equals(header)) return undefined;
    const given = sealed.subarray(header.length, newline);
    const body = sealed.subarray(newline + 1);
    const expected = Buffer.from(mac(body));
    return given.length === expected.length && timingSafeEqual(given, expected) ? textBytes.decodeText(body) : undefined;
  };
  return {
    seal: (text) => `${HEADER}${mac(text)}\n${text}`,
    openFile: (file) => openBytes(readFileSync(file)),
  };
}

/** The seal of this user's caches; undefined when the secret cannot be made or is not private (the run is uncached). */
export function sealOfThisUser(): CacheSeal | undefined {
  const secret = loadCacheSecret();
  return secret === undefined ? undefined : createCacheSeal(secret);
}
