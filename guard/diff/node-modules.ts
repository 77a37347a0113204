import { existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { realPathOf } from '../../policy/real-path.js';

/** The two trees a BASE checkout pairs: the user's working tree and the temporary checkout of BASE. */
export interface TreePair {
  /** The working tree's top directory (real path). */
  readonly top: string;
  /** The checkout's top directory (real path). */
  readonly checkout: string;
}

/** `path` relative to `top` when it lies inside it, else undefined. */
function inside(top: string, path: string): string | undefined {
  const within = relative(top, path);
  return within === '' || within.startsWith('..') || isAbsolute(within) ? undefined : within;
}

/**
 * One entry of a node_modules (a package, a `.bin`, a store): a link to the working tree's
 * installed copy, unless it is a link to first-party code of the repository (a workspace
 * package: npm, yarn and pnpm all link those), which then points at BASE's copy of that
 * directory, so that BASE's analysis reads BASE's files only.
 */
function mirrorEntry(source: string, target: string, pair: TreePair, visited: Set<string>): void {
  const stat = lstatSync(source);
  if (!stat.isSymbolicLink()) {
    symlinkSync(source, target, stat.isDirectory() ? 'dir' : 'file');
    return;
  }
  const real = realPathOf(source);
  if (real === undefined) return;
  const within = inside(pair.top, real);
  // Installed code (a package manager's store is itself under node_modules) stays the working tree's.
  if (within === undefined || within.split(sep).includes('node_modules')) {
    symlinkSync(real, target, 'dir');
    return;
  }
  const counterpart = join(pair.checkout, within);
  // Absent in BASE: the link dangles, as an uninstalled package would, and resolves to nothing.
  symlinkSync(counterpart, target, 'dir');
  // The workspace package's own node_modules (dependencies npm did not hoist) is mirrored as well.
  if (existsSync(counterpart)) mirrorNodeModules(join(real, 'node_modules'), join(counterpart, 'node_modules'), pair, visited);
}

/**
 * Lays out `target` (a node_modules of the checkout) after `source` (the working tree's): the
 * checkout has no installed packages, and a tsconfig that extends a package, `--deps` and
 * package imports need them. Scope folders (`@scope/`) are walked one level; nothing is copied.
 */
export function mirrorNodeModules(source: string, target: string, pair: TreePair, visited: Set<string> = new Set()): void {
  if (visited.has(source) || existsSync(target) || !existsSync(source) || !lstatSync(source).isDirectory()) return;
  visited.add(source);
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    const entry = join(source, name);
    if (name.startsWith('@') && !lstatSync(entry).isSymbolicLink() && lstatSync(entry).isDirectory()) {
      mkdirSync(join(target, name));
      for (const scoped of readdirSync(entry)) mirrorEntry(join(entry, scoped), join(target, name, scoped), pair, visited);
    } else mirrorEntry(entry, join(target, name), pair, visited);
  }
}
