import { basename, dirname, sep } from 'node:path';

/** A `.` or `..` segment, an empty one (`//`) or a trailing separator: what `path.normalize` changes and `path.relative` normalizes away. */
export const UNNORMALIZED = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/;

/** An absolute POSIX path that `path.normalize` returns unchanged, other than the root `/` itself. */
export function isNormalAbsolute(path: string): boolean {
  return sep === '/' && path.charCodeAt(0) === 0x2f && !UNNORMALIZED.test(path);
}

/**
 * `[path.dirname(path), path.basename(path)]`. Replaying saved resolutions asks this for thousands
 * of paths (every name a resolution tried and every real path), and for a normal absolute POSIX
 * path both are one slice at the last `/`: the long way (`path.dirname` and `path.basename` walk
 * the string from its end, character by character) was a third of the replay.
 */
export function parentAndName(path: string): readonly [parent: string, name: string] {
  if (!isNormalAbsolute(path)) return [dirname(path), basename(path)];
  const slash = path.lastIndexOf('/');
  return [slash === 0 ? '/' : path.slice(0, slash), path.slice(slash + 1)];
}
