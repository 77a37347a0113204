import { isBuiltin } from 'node:module';
import { dirname } from 'node:path';
import type { FileProbe } from './file-probe.js';

/** What Node's resolution of one specifier ends in. */
export type NodeResult =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'builtin'; readonly specifier: string }
  /** A URL Node hands to a loader other than the file system (`data:`, `https:`). */
  | { readonly kind: 'url'; readonly specifier: string };

/**
 * The condition sets Node uses, for every version the project supports: `module-sync` exists from
 * 20.19 and 22.12 on (not in 22.0–22.11), and `--no-addons` drops `node-addons`. The guard resolves
 * with each set and analyzes every file any of them picks.
 */
export function conditionSets(algorithm: 'require' | 'import', custom: readonly string[] = []): ReadonlyArray<ReadonlySet<string>> {
  const base = ['node', algorithm];
  const sets = [new Set([...base, 'module-sync', 'node-addons']), new Set([...base, 'node-addons']), new Set([...base, 'module-sync'])];
  // A tsconfig's `customConditions` are the `--conditions` the project runs Node with: one more set.
  return custom.length === 0 ? sets : [...sets, new Set([...base, 'module-sync', 'node-addons', ...custom])];
}

/** Bare names Node resolves to a builtin before it looks at any package (`node:test` only with its scheme). */
export function builtinOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return specifier;
  return isBuiltin(specifier) ? `node:${specifier}` : undefined;
}

/** `@scope/name/sub` → name `@scope/name`, subpath `./sub`; undefined for names Node rejects. */
export function parsePackageName(specifier: string): { name: string; subpath: string } | undefined {
  let separator = specifier.indexOf('/');
  if (specifier.startsWith('@')) {
    if (separator === -1) return undefined;
    separator = specifier.indexOf('/', separator + 1);
  }
  const name = separator === -1 ? specifier : specifier.slice(0, separator);
  if (name === '' || /^\.|%|\\/.test(name)) return undefined;
  return { name, subpath: `.${separator === -1 ? '' : specifier.slice(separator)}` };
}

/** Every ancestor directory of `directory`, itself first. */
export function ancestors(directory: string): string[] {
  const list = [directory];
  for (let current = directory, parent = dirname(current); parent !== current; current = parent, parent = dirname(current)) list.push(parent);
  return list;
}

/** A file as Node loads it: symbolic links followed (Node runs without --preserve-symlinks by default). */
export function loadedFile(probe: FileProbe, path: string): NodeResult {
  return { kind: 'file', path: probe.realpath(path) };
}

export function joinPath(directory: string, name: string): string {
  return directory === '/' ? `/${name}` : `${directory}/${name}`;
}
