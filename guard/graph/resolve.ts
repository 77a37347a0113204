import { dirname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { canonicalBuiltin, packageNameOf } from '../../policy/index.js';
import { conditionsFor, matchSubpath } from './conditions.js';
import type { FileProbe } from './file-probe.js';

/** Where a reference leads: a file the guard analyzes, or an external module the policy classifies. */
export type Resolution =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'external'; readonly specifier: string }
  | { readonly kind: 'unresolved' };

const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
const TRY_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];

/** A path as TypeScript and Node would find it: `.js` written for a `.ts` source, extensionless, directory index. */
export function resolveLocalPath(probe: FileProbe, absolute: string): string | undefined {
  const extension = /\.[cm]?jsx?$/.exec(absolute)?.[0];
  if (extension !== undefined) {
    const stem = absolute.slice(0, -extension.length);
    for (const replacement of TS_FOR_JS[extension] ?? []) if (probe.isFile(stem + replacement)) return stem + replacement;
  }
  if (probe.isFile(absolute)) return absolute;
  for (const candidate of TRY_EXTENSIONS) if (probe.isFile(absolute + candidate)) return absolute + candidate;
  if (probe.isDirectory(absolute)) {
    const manifest = probe.packageJson(absolute);
    const main = manifest?.['main'];
    if (typeof main === 'string') {
      const found = resolveLocalPath(probe, join(absolute, main));
      if (found !== undefined) return found;
    }
    for (const candidate of TRY_EXTENSIONS) if (probe.isFile(join(absolute, `index${candidate}`))) return join(absolute, `index${candidate}`);
  }
  return undefined;
}

/** The nearest package.json (walking up) that satisfies `accept`, with its directory. */
function nearestPackage(probe: FileProbe, from: string, accept: (manifest: Record<string, unknown>) => boolean): { directory: string; manifest: Record<string, unknown> } | undefined {
  let directory = dirname(from);
  for (;;) {
    const manifest = probe.packageJson(directory);
    if (manifest !== null && accept(manifest)) return { directory, manifest };
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

export function resolveSpecifier(probe: FileProbe, specifier: string, fromFile: string, referenceKind: string): Resolution {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const found = resolveLocalPath(probe, resolvePath(dirname(fromFile), specifier));
    return found === undefined ? { kind: 'unresolved' } : { kind: 'file', path: found };
  }
  if (specifier.startsWith('#')) {
    // package.json `imports`, with the `node` condition: `#net` may well map to `node:net`.
    const owner = nearestPackage(probe, fromFile, (manifest) => manifest['imports'] !== undefined);
    const target = owner === undefined ? undefined : matchSubpath(owner.manifest['imports'], specifier, conditionsFor(referenceKind));
    if (owner === undefined || target === undefined) return { kind: 'unresolved' };
    if (target.startsWith('./')) {
      const found = resolveLocalPath(probe, join(owner.directory, target));
      return found === undefined ? { kind: 'unresolved' } : { kind: 'file', path: found };
    }
    return resolveSpecifier(probe, target, join(owner.directory, 'package.json'), referenceKind);
  }
  return { kind: 'external', specifier };
}

/**
 * The file a package specifier runs (for `--deps`): its `exports` with the `node` condition, else
 * `main`, else `index.js`, found in the nearest `node_modules`. Builtins have no file.
 */
export function resolvePackageFile(probe: FileProbe, specifier: string, fromFile: string, referenceKind: string): string | undefined {
  if (canonicalBuiltin(specifier) !== undefined || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) return undefined;
  const name = packageNameOf(specifier);
  const subpath = `.${specifier.slice(name.length)}`;
  let directory = dirname(fromFile);
  for (;;) {
    const packageDirectory = join(directory, 'node_modules', name);
    if (probe.isDirectory(packageDirectory)) {
      const manifest = probe.packageJson(packageDirectory);
      const exportsField = manifest?.['exports'];
      if (exportsField !== undefined) {
        const map = typeof exportsField === 'string' || Object.keys(exportsField as object).every((key) => !key.startsWith('.')) ? { '.': exportsField } : exportsField;
        const target = matchSubpath(map, subpath, conditionsFor(referenceKind));
        return target === undefined ? undefined : resolveLocalPath(probe, join(packageDirectory, target));
      }
      return resolveLocalPath(probe, join(packageDirectory, subpath));
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
