import type { Capability } from './capabilities.js';

/**
 * Open-mode precision for the fs members whose flags decide between reading and writing.
 * Their member rows (builtins.ts) say FILES_READ + FILES_WRITE: that is what the value can do
 * when its flags are unseen (passed on, stored, `.call`ed). A direct call whose flags evaluate
 * statically to a read-only open reaches FILES_READ only. The detector reads the flags
 * expression; which flags are read-only is decided here, once.
 */

/** Where a member takes its flags: a positional argument, or a property of an options object. */
export type FlagsPosition =
  | { readonly kind: 'positional'; readonly index: number }
  /** A string in the options position is an encoding, so the flag stays the default. */
  | { readonly kind: 'options'; readonly index: number; readonly property: string };

export interface OpenModeRow {
  readonly specifier: string;
  readonly member: string;
  readonly flags: FlagsPosition;
  /**
   * Node's callback API: the callback is required and last, so an argument in the flags
   * position that is the last one is the callback (`fs.readFile(p, done)` opens with 'r').
   */
  readonly callback?: boolean;
}

const positional = (index: number): FlagsPosition => ({ kind: 'positional', index });
const options = (index: number, property: string): FlagsPosition => ({ kind: 'options', index, property });

export const OPEN_MODE_ROWS: readonly OpenModeRow[] = [
  { specifier: 'node:fs', member: 'open', flags: positional(1), callback: true },
  { specifier: 'node:fs', member: 'openSync', flags: positional(1) },
  { specifier: 'node:fs', member: 'readFile', flags: options(1, 'flag'), callback: true },
  { specifier: 'node:fs', member: 'readFileSync', flags: options(1, 'flag') },
  { specifier: 'node:fs', member: 'createReadStream', flags: options(1, 'flags') },
  // `new fs.ReadStream(p, { flags: 'w' })` opens like createReadStream.
  { specifier: 'node:fs', member: 'ReadStream', flags: options(1, 'flags') },
  { specifier: 'node:fs/promises', member: 'open', flags: positional(1) },
  { specifier: 'node:fs/promises', member: 'readFile', flags: options(1, 'flag') },
];

/** What Node uses when the flags are absent, `undefined` or `null`. */
export const DEFAULT_OPEN_FLAG = 'r';

/** String flags that open without creating, truncating or writing (`rs`/`sr` add O_SYNC to 'r'). */
export const READ_ONLY_FLAG_STRINGS: readonly string[] = ['r', 'rs', 'sr'];

/**
 * String flags that open for writing only (O_WRONLY): nothing can be read through the descriptor,
 * so the open is FILES_WRITE alone. A '+' (read and write) or any other string is not here.
 */
export const WRITE_ONLY_FLAG_STRINGS: readonly string[] = ['w', 'wx', 'xw', 'a', 'ax', 'xa', 'as', 'sa'];

/**
 * `O_*` constants that may join O_WRONLY and still leave the descriptor write-only. Allow list: an
 * unknown name (or O_RDWR) keeps the open counted as read and write.
 */
export const WRITE_ONLY_OPEN_COMPANIONS: readonly string[] = ['O_CREAT', 'O_TRUNC', 'O_APPEND', 'O_EXCL'];

/**
 * `O_*` constants that keep an open read-only when or-ed onto O_RDONLY. Allow list: any other
 * name (O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND, O_EXCL, …) counts as a write. O_CLOEXEC is
 * not here because Node's `fs.constants` has no such key (it sets close-on-exec itself).
 */
export const READ_ONLY_OPEN_CONSTANTS: readonly string[] = [
  'O_RDONLY', 'O_NOFOLLOW', 'O_NONBLOCK', 'O_NOATIME', 'O_DIRECTORY', 'O_NOCTTY', 'O_SYNC', 'O_DSYNC', 'O_DIRECT',
];

/** Where `O_*` constants come from: a member (`constants` of `node:fs`) or a whole module (`node:constants`). */
export const OPEN_CONSTANT_SOURCES: { readonly members: ReadonlyArray<readonly [specifier: string, member: string]>; readonly modules: readonly string[] } = {
  members: [['node:fs', 'constants'], ['node:fs/promises', 'constants']],
  modules: ['node:constants'],
};

/** Flags as the detector evaluated them: one string, or `O_*` names or-ed together (none = literal 0 = O_RDONLY). */
export type OpenFlags = { readonly kind: 'string'; readonly value: string } | { readonly kind: 'numeric'; readonly names: readonly string[] };

export const DEFAULT_OPEN_FLAGS: OpenFlags = { kind: 'string', value: DEFAULT_OPEN_FLAG };

const READ: readonly Capability[] = ['FILES_READ'];
const WRITE: readonly Capability[] = ['FILES_WRITE'];
const READ_WRITE: readonly Capability[] = ['FILES_READ', 'FILES_WRITE'];

/** `undefined` flags could not be evaluated statically: deny by default, they count as read and write. */
export function openModeCapabilities(flags: OpenFlags | undefined): readonly Capability[] {
  if (flags === undefined) return READ_WRITE;
  if (flags.kind === 'string') {
    if (READ_ONLY_FLAG_STRINGS.includes(flags.value)) return READ;
    return WRITE_ONLY_FLAG_STRINGS.includes(flags.value) ? WRITE : READ_WRITE;
  }
  if (flags.names.every((name) => READ_ONLY_OPEN_CONSTANTS.includes(name))) return READ;
  return isWriteOnlyCombination(flags.names) ? WRITE : READ_WRITE;
}

/** O_WRONLY or-ed with creation/append companions and read-only-safe modifiers, and nothing else. */
function isWriteOnlyCombination(names: readonly string[]): boolean {
  const companion = (name: string): boolean => name === 'O_WRONLY' || WRITE_ONLY_OPEN_COMPANIONS.includes(name) || READ_ONLY_OPEN_CONSTANTS.includes(name);
  return names.includes('O_WRONLY') && names.every(companion);
}

/** The row of a flag-sensitive member; `specifier` must already be canonical (`node:fs`). */
export function openModeRow(specifier: string, member: string): OpenModeRow | undefined {
  return OPEN_MODE_ROWS.find((row) => row.specifier === specifier && row.member === member);
}

export function isOpenConstantSource(specifier: string, member?: string): boolean {
  if (member === undefined) return OPEN_CONSTANT_SOURCES.modules.includes(specifier);
  return OPEN_CONSTANT_SOURCES.members.some(([source, name]) => source === specifier && name === member);
}
