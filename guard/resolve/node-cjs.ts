import { dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileProbe } from './file-probe.js';
import { packageResolve } from './node-esm.js';
import { ancestors, builtinOf, joinPath, loadedFile, type NodeResult } from './node-shared.js';
import { exportsResolve, importsResolve, packageScope, type TargetResult } from './package-targets.js';

/** The extensions `require` tries, in order: Node 20's list. */
export const CJS_EXTENSIONS = ['.js', '.json', '.node'] as const;
/** The list on Node versions that strip types (22.18+, 23.6+, 24): the guard resolves with both and analyzes both answers. */
export const CJS_EXTENSIONS_TYPE_STRIPPING = [...CJS_EXTENSIONS, '.ts', '.cts', '.mts'] as const;

/** `require('./x')` with a request ending in `/`, `/.`, `/..` (or `.`, `..`) skips the file steps. */
function hasTrailingSlash(request: string): boolean {
  return request.endsWith('/') || request === '.' || request === '..' || request.endsWith('/.') || request.endsWith('/..');
}

function isRelative(request: string): boolean {
  return request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../');
}

/**
 * Node's CommonJS resolution (Module._resolveFilename): builtins, `#imports`, self-reference,
 * then the file, its extensions, and the directory (package.json `main`, then `index`), in the
 * importer's directory or each node_modules folder above it (`exports` first when a package has
 * it). Any file is loadable: CommonJS runs an unknown extension as JavaScript.
 */
export function cjsResolve(probe: FileProbe, request: string, parentFile: string, conditions: ReadonlySet<string>, extensions: readonly string[] = CJS_EXTENSIONS): NodeResult | undefined {
  if (request === '') return undefined;
  const builtin = builtinOf(request);
  if (builtin !== undefined) return { kind: 'builtin', specifier: builtin };
  const scope = packageScope(probe, parentFile);
  const bare = (target: string, from: URL): TargetResult => packageResolve(probe, target, from, conditions);
  if (request.startsWith('#') && scope !== undefined && scope.manifest['imports'] != null) {
    return finalizeEsm(probe, importsResolve(request, pathToFileURL(joinPath(scope.directory, 'package.json')), scope.manifest['imports'], conditions, bare));
  }
  const name = scope?.manifest['name'];
  if (scope !== undefined && typeof name === 'string' && scope.manifest['exports'] != null && (request === name || request.startsWith(`${name}/`))) {
    const subpath = `.${request.slice(name.length)}`;
    return finalizeEsm(probe, exportsResolve(pathToFileURL(joinPath(scope.directory, 'package.json')), subpath, scope.manifest['exports'], conditions, bare));
  }
  if (isAbsolute(request) || isRelative(request)) return findPath(probe, resolvePath(dirname(parentFile), request), hasTrailingSlash(request), extensions);
  for (const directory of ancestors(dirname(parentFile))) {
    if (directory.endsWith('/node_modules') || directory === '/node_modules') continue;
    const modules = joinPath(directory, 'node_modules');
    if (!probe.isDirectory(modules)) continue;
    const exported = resolveExports(probe, modules, request, conditions, bare);
    if (exported !== 'no-exports') return exported;
    const found = findPath(probe, resolvePath(modules, request), hasTrailingSlash(request), extensions);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A package in `modules` that has `exports` decides alone: its answer, or nothing. */
function resolveExports(probe: FileProbe, modules: string, request: string, conditions: ReadonlySet<string>, bare: (target: string, from: URL) => TargetResult): NodeResult | undefined | 'no-exports' {
  const match = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(request);
  if (match === null) return 'no-exports';
  const packageDirectory = resolvePath(modules, match[1] as string);
  const manifest = probe.packageJson(packageDirectory);
  if (manifest === null || manifest['exports'] == null) return 'no-exports';
  const url = pathToFileURL(joinPath(packageDirectory, 'package.json'));
  return finalizeEsm(probe, exportsResolve(url, `.${match[2] ?? ''}`, manifest['exports'], conditions, bare));
}

/** finalizeEsmResolution: the URL an `exports`/`imports` map gave must be an existing file. */
function finalizeEsm(probe: FileProbe, resolved: TargetResult): NodeResult | undefined {
  if (resolved === null || resolved === undefined) return undefined;
  if ('builtin' in resolved) return { kind: 'builtin', specifier: resolved.builtin };
  if (resolved.protocol !== 'file:' || /%2f|%5c/i.test(resolved.pathname)) return undefined;
  const path = fileURLToPath(resolved);
  return probe.isFile(path) ? loadedFile(probe, path) : undefined;
}

function tryExtensions(probe: FileProbe, base: string, extensions: readonly string[]): NodeResult | undefined {
  for (const extension of extensions) if (probe.isFile(base + extension)) return loadedFile(probe, base + extension);
  return undefined;
}

/** Module._findPath for one base path. */
function findPath(probe: FileProbe, base: string, trailingSlash: boolean, extensions: readonly string[]): NodeResult | undefined {
  if (!trailingSlash) {
    if (probe.isFile(base)) return loadedFile(probe, base);
    const withExtension = tryExtensions(probe, base, extensions);
    if (withExtension !== undefined) return withExtension;
  }
  return probe.isDirectory(base) ? tryPackage(probe, base, extensions) : undefined;
}

/** A directory: its package.json `main` (as a file, with extensions, as a directory index), else `index`. */
function tryPackage(probe: FileProbe, directory: string, extensions: readonly string[]): NodeResult | undefined {
  const main = probe.packageJson(directory)?.['main'];
  if (typeof main === 'string' && main !== '') {
    const file = resolvePath(directory, main);
    if (probe.isFile(file)) return loadedFile(probe, file);
    const found = tryExtensions(probe, file, extensions) ?? tryExtensions(probe, resolvePath(file, 'index'), extensions);
    if (found !== undefined) return found;
  }
  return tryExtensions(probe, resolvePath(directory, 'index'), extensions);
}
