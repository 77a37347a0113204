import { dirname, isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { FileProbe } from './file-probe.js';
import type { TypeScriptLayout } from './tsconfig.js';

/**
 * The source file TypeScript reads for a specifier (moduleResolution bundler/node16 with allowJs):
 * `.js` written for `.ts`, extensionless and directory imports, `paths`/`baseUrl`, `rootDirs`, and
 * compiled output of a referenced project mapped back to its source. Declaration files carry no
 * code and are never returned. Packages are Node's business (see node-esm.ts / node-cjs.ts).
 */
const SOURCE_FOR_OUTPUT: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};
const EXTENSIONLESS = ['.ts', '.tsx', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs'];

function within(directory: string, path: string): string | undefined {
  const inside = relative(directory, path);
  return inside.startsWith('..') || isAbsolute(inside) ? undefined : inside;
}

/**
 * One file name TypeScript tries, with `moduleSuffixes` applied as TypeScript applies them: each
 * suffix in order between the name and its extension (`net` + `.server` + `.ts`), `""` the name itself.
 */
function tryFile(probe: FileProbe, stem: string, extension: string, layout: TypeScriptLayout | undefined): string | undefined {
  const suffixes = layout === undefined || layout.moduleSuffixes.length === 0 ? [''] : layout.moduleSuffixes;
  for (const suffix of suffixes) if (probe.isFile(stem + suffix + extension)) return stem + suffix + extension;
  return undefined;
}

function tryExtensions(probe: FileProbe, stem: string, extensions: readonly string[], layout: TypeScriptLayout | undefined): string | undefined {
  for (const extension of extensions) {
    const found = tryFile(probe, stem, extension, layout);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** TypeScript's file lookup for one absolute candidate path. */
function loadModule(probe: FileProbe, candidate: string, layout: TypeScriptLayout | undefined, depth = 0): string | undefined {
  const extension = /\.[cm]?jsx?$/.exec(candidate)?.[0];
  const typeScriptExtension = /\.[cm]?tsx?$/.exec(candidate)?.[0];
  if (extension !== undefined) {
    const found = tryExtensions(probe, candidate.slice(0, -extension.length), SOURCE_FOR_OUTPUT[extension] ?? [], layout);
    if (found !== undefined) return found;
  } else if (typeScriptExtension !== undefined && !/\.d\.[cm]?ts$/.test(candidate)) {
    const found = tryFile(probe, candidate.slice(0, -typeScriptExtension.length), typeScriptExtension, layout);
    if (found !== undefined) return found;
  } else {
    const found = tryExtensions(probe, candidate, EXTENSIONLESS, layout);
    if (found !== undefined) return found;
  }
  if (probe.isDirectory(candidate)) {
    const manifest = probe.packageJson(candidate);
    for (const field of ['types', 'typings', 'main']) {
      const target = manifest?.[field];
      if (typeof target !== 'string' || depth > 2) continue;
      const found = loadModule(probe, resolvePath(candidate, target.replace(/\.d\.([cm]?)ts$/, '.$1js')), layout, depth + 1);
      if (found !== undefined) return found;
    }
    const index = tryExtensions(probe, join(candidate, 'index'), EXTENSIONLESS, layout);
    if (index !== undefined) return index;
  }
  return depth > 2 ? undefined : fromOutput(probe, candidate, layout, depth);
}

/** `packages/a/dist/x.js` of a referenced project → `packages/a/src/x.ts`. */
function fromOutput(probe: FileProbe, candidate: string, layout: TypeScriptLayout | undefined, depth: number): string | undefined {
  for (const { outDir, rootDir } of layout?.outputs ?? []) {
    const inside = within(outDir, candidate);
    if (inside === undefined || outDir === rootDir) continue;
    const found = loadModule(probe, join(rootDir, inside.replace(/\.d\.([cm]?)ts$/, '.$1js')), layout, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The same relative path under every other `rootDirs` entry: they form one virtual directory. */
function rootDirAlternatives(candidate: string, fromDirectory: string, layout: TypeScriptLayout | undefined): string[] {
  const roots = layout?.rootDirs ?? [];
  const home = roots.find((root) => within(root, fromDirectory) !== undefined);
  const inside = home === undefined ? undefined : within(home, candidate);
  return inside === undefined ? [] : roots.filter((root) => root !== home).map((root) => join(root, inside));
}

function matchPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier ? '' : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix) ? specifier.slice(prefix.length, specifier.length - suffix.length) : undefined;
}

/** `paths`: the matching pattern with the longest prefix; its targets in order, first found wins. */
function viaPaths(probe: FileProbe, specifier: string, layout: TypeScriptLayout): string | undefined {
  let best: { targets: readonly string[]; match: string; prefix: number } | undefined;
  for (const { pattern, targets } of layout.paths) {
    const match = matchPattern(pattern, specifier);
    const prefix = pattern.includes('*') ? pattern.indexOf('*') : Number.MAX_SAFE_INTEGER;
    if (match !== undefined && (best === undefined || prefix > best.prefix)) best = { targets, match, prefix };
  }
  for (const target of best?.targets ?? []) {
    const found = loadModule(probe, target.replace('*', best?.match ?? ''), layout);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function typeScriptView(probe: FileProbe, specifier: string, fromFile: string, layout: TypeScriptLayout | undefined): string | undefined {
  const fromDirectory = dirname(fromFile);
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || specifier.startsWith('/')) {
    const candidate = resolvePath(fromDirectory, specifier);
    const direct = loadModule(probe, candidate, layout);
    if (direct !== undefined) return direct;
    for (const alternative of rootDirAlternatives(candidate, fromDirectory, layout)) {
      const found = loadModule(probe, alternative, layout);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  // A `#` name goes through `paths` (and baseUrl) too: tsc tries them before package.json `imports`
  // (tests/guard/resolve-hash-alias.test.ts checks the order against `tsc --traceResolution`).
  if (layout === undefined || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) return undefined;
  const mapped = viaPaths(probe, specifier, layout);
  if (mapped !== undefined) return mapped;
  return layout.baseUrl === undefined ? undefined : loadModule(probe, join(layout.baseUrl, specifier.split('/').join(sep)), layout);
}
