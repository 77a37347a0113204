import { posix } from 'node:path';
import type { Capability } from './capabilities.js';

/**
 * Paths that are other capabilities in the shape of a file. `/proc/<pid>/environ` (also
 * `/proc/self/task/<tid>/environ`, `/proc/thread-self/environ`) is the process environment as a
 * file: reading it is ENV as well as the FILES_READ of the call that opens it. The string is
 * judged wherever it is written, not only as an fs argument: it has no other use, and a path
 * often reaches the call through a variable, a helper or another runtime's file API.
 *
 * `/proc/<pid>/cmdline` is not here: it holds the arguments, which `process.argv` gives without
 * any capability, so reading it stays FILES_READ (docs/guard.md, "Built-in member table").
 */

/** A path as the detector sees it: constant text, and `null` where a run-time value goes. */
export type PathShape = readonly (string | null)[];

const ENVIRON_PATH = /^\/proc\/[^/]+\/(?:task\/[^/]+\/)?environ$/;

/**
 * What a run-time value may stand for: a pid (`x`), nothing, a separator, or the rest of an
 * environ path. Enough to decide whether some value completes the shape into one.
 */
const HOLE_FILLINGS = ['x', '', '/', 'environ', '/environ', 'self/environ', '/self/environ'];

/** Shapes with more run-time values than this are tried with a pid in each (the common case). */
const MAX_HOLES_EXPANDED = 4;

export function pseudoFileCapabilities(shape: PathShape): readonly Capability[] {
  return someFillingMatches(shape) ? ['ENV'] : [];
}

function someFillingMatches(shape: PathShape): boolean {
  const holes = shape.filter((part) => part === null).length;
  // Cheap exit: an environ path starts with `/proc` or with a run-time value.
  const first = shape[0];
  if (typeof first === 'string' && first !== '' && !posix.normalize(first).startsWith('/proc')) return false;
  const fillings = holes > MAX_HOLES_EXPANDED ? ['x'] : HOLE_FILLINGS;
  const candidates = (index: number, prefix: string): boolean => {
    if (index === shape.length) return ENVIRON_PATH.test(posix.normalize(prefix));
    const part = shape[index];
    if (part !== null && part !== undefined) return candidates(index + 1, prefix + part);
    return fillings.some((filling) => candidates(index + 1, prefix + filling));
  };
  return candidates(0, '');
}
