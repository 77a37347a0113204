import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileProbe } from './file-probe.js';
import { ancestors, builtinOf, joinPath, loadedFile, parsePackageName, type NodeResult } from './node-shared.js';
import { exportsResolve, importsResolve, packageScope, type TargetResult } from './package-targets.js';

/**
 * Node's ESM resolution (ESM_RESOLVE) for `import`, `export … from` and `import()`: URL
 * semantics (percent-decoding, `?query`/`#hash` dropped, no extension search, no directory
 * index), `imports`, self-reference, `exports`, and the legacy `main` fallback of packages
 * without `exports`. `undefined` means Node throws: nothing is loaded.
 */
export function esmResolve(probe: FileProbe, specifier: string, parentFile: string, conditions: ReadonlySet<string>): NodeResult | undefined {
  const parentUrl = pathToFileURL(parentFile);
  const resolved = esmTarget(probe, specifier, parentUrl, conditions);
  if (resolved === null || resolved === undefined) return undefined;
  if ('builtin' in resolved) return { kind: 'builtin', specifier: resolved.builtin };
  if (resolved.protocol !== 'file:') return { kind: 'url', specifier: resolved.href };
  return finalize(probe, resolved);
}

function isRelativeOrAbsolute(specifier: string): boolean {
  if (specifier.startsWith('/')) return true;
  if (specifier[0] !== '.') return false;
  return specifier.length === 1 || specifier[1] === '/' || (specifier[1] === '.' && (specifier.length === 2 || specifier[2] === '/'));
}

function esmTarget(probe: FileProbe, specifier: string, parentUrl: URL, conditions: ReadonlySet<string>): TargetResult {
  if (specifier === '') return null;
  if (isRelativeOrAbsolute(specifier)) return new URL(specifier, parentUrl);
  if (specifier.startsWith('#')) return packageImports(probe, specifier, parentUrl, conditions);
  if (URL.canParse(specifier)) {
    const url = new URL(specifier);
    return url.protocol === 'node:' ? { builtin: specifier } : url;
  }
  return packageResolve(probe, specifier, parentUrl, conditions);
}

/** FINALIZE: no encoded separators, an existing file (not a directory), its real path. */
function finalize(probe: FileProbe, url: URL): NodeResult | undefined {
  if (/%2f|%5c/i.test(url.pathname)) return undefined;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return undefined;
  }
  // Node refuses `./a.js/` (a directory import); a later Node might strip the slash, so the guard looks at both.
  if (path.endsWith('/') && path.length > 1) path = path.slice(0, -1);
  return probe.isFile(path) ? loadedFile(probe, path) : undefined;
}

function packageImports(probe: FileProbe, specifier: string, parentUrl: URL, conditions: ReadonlySet<string>): TargetResult {
  if (specifier.endsWith('/')) return null;
  const scope = packageScope(probe, fileURLToPath(parentUrl));
  if (scope === undefined) return null;
  const packageJsonUrl = pathToFileURL(joinPath(scope.directory, 'package.json'));
  return importsResolve(specifier, packageJsonUrl, scope.manifest['imports'], conditions, (bare, from) => packageResolve(probe, bare, from, conditions));
}

/** PACKAGE_RESOLVE: builtins, then the package itself through its own `exports`, then node_modules. */
export function packageResolve(probe: FileProbe, specifier: string, parentUrl: URL, conditions: ReadonlySet<string>): TargetResult {
  const builtin = builtinOf(specifier);
  if (builtin !== undefined) return { builtin };
  const parsed = parsePackageName(specifier);
  if (parsed === undefined) return null;
  const bare = (target: string, from: URL): TargetResult => packageResolve(probe, target, from, conditions);
  const scope = packageScope(probe, fileURLToPath(parentUrl));
  if (scope !== undefined && scope.manifest['name'] === parsed.name && scope.manifest['exports'] != null) {
    return exportsResolve(pathToFileURL(joinPath(scope.directory, 'package.json')), parsed.subpath, scope.manifest['exports'], conditions, bare);
  }
  for (const directory of ancestors(dirname(fileURLToPath(parentUrl)))) {
    const packageDirectory = joinPath(directory, `node_modules/${parsed.name}`);
    if (!probe.isDirectory(packageDirectory)) continue;
    const packageJsonUrl = pathToFileURL(joinPath(packageDirectory, 'package.json'));
    const manifest = probe.packageJson(packageDirectory) ?? {};
    if (manifest['exports'] != null) return exportsResolve(packageJsonUrl, parsed.subpath, manifest['exports'], conditions, bare);
    if (parsed.subpath === '.') return legacyMainResolve(probe, packageJsonUrl, manifest);
    return new URL(parsed.subpath, packageJsonUrl);
  }
  return null;
}

const MAIN_SUFFIXES = ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node'];
const INDEX_FILES = ['./index.js', './index.json', './index.node'];

/** A package without `exports` imported by name: `main` with a fixed list of suffixes, else index. */
function legacyMainResolve(probe: FileProbe, packageJsonUrl: URL, manifest: Record<string, unknown>): TargetResult {
  const main = manifest['main'];
  const guesses = typeof main === 'string' ? MAIN_SUFFIXES.map((suffix) => `./${main}${suffix}`) : [];
  for (const guess of [...guesses, ...INDEX_FILES]) {
    const url = new URL(guess, packageJsonUrl);
    try {
      if (probe.isFile(fileURLToPath(url))) return url;
    } catch {
      continue;
    }
  }
  return null;
}
