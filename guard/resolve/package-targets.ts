import type { FileProbe } from './file-probe.js';

/**
 * package.json `exports` and `imports`, as Node's resolution algorithm specifies them
 * (PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_EXPORTS_RESOLVE, PACKAGE_TARGET_RESOLVE): an exact key
 * first, else the most specific `*` pattern (PATTERN_KEY_COMPARE: longest prefix, then longest
 * key), conditions tried in the order they are written, arrays as fallbacks for invalid targets
 * only. Targets are URLs, so `%74` in them is decoded when they become paths.
 */

/** A bare target of an `imports` entry (`"#dep": "dep-pkg"`), resolved as a package from the package.json. */
export type BareResolver = (specifier: string, packageJsonUrl: URL) => TargetResult;

export type TargetResult = URL | { readonly builtin: string } | null | undefined;

/** Keys the algorithm rejects (`..`, `.`, `node_modules` segments, also percent-encoded). */
const INVALID_SEGMENT = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;

class InvalidTarget extends Error {}

export function patternKeyCompare(a: string, b: string): number {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const aBase = aStar === -1 ? a.length : aStar + 1;
  const bBase = bStar === -1 ? b.length : bStar + 1;
  if (aBase > bBase) return -1;
  if (bBase > aBase) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

function isUrl(text: string): boolean {
  return URL.canParse(text);
}

function targetString(packageJsonUrl: URL, target: string, patternMatch: string | null, isImports: boolean, bare: BareResolver): TargetResult {
  if (!target.startsWith('./')) {
    if (isImports && !target.startsWith('../') && !target.startsWith('/')) {
      // Node refuses a URL target (`node:net`) here; the guard still follows it, so that a
      // version of Node that accepts it cannot load something unseen.
      if (isUrl(target)) return target.startsWith('node:') ? { builtin: target } : null;
      return bare(patternMatch === null ? target : target.replaceAll('*', patternMatch), packageJsonUrl);
    }
    throw new InvalidTarget(target);
  }
  if (INVALID_SEGMENT.test(target.slice(2))) throw new InvalidTarget(target);
  const resolved = new URL(target, packageJsonUrl);
  const packagePath = new URL('.', packageJsonUrl).pathname;
  if (!resolved.pathname.startsWith(packagePath)) throw new InvalidTarget(target);
  if (patternMatch === null) return resolved;
  if (INVALID_SEGMENT.test(patternMatch)) throw new InvalidTarget(target);
  return new URL(target.replaceAll('*', patternMatch), packageJsonUrl);
}

function targetResolve(packageJsonUrl: URL, target: unknown, patternMatch: string | null, isImports: boolean, conditions: ReadonlySet<string>, bare: BareResolver): TargetResult {
  if (typeof target === 'string') return targetString(packageJsonUrl, target, patternMatch, isImports, bare);
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastInvalid: unknown = undefined;
    for (const candidate of target as unknown[]) {
      let resolved: TargetResult;
      try {
        resolved = targetResolve(packageJsonUrl, candidate, patternMatch, isImports, conditions, bare);
      } catch (error) {
        if (!(error instanceof InvalidTarget)) throw error;
        lastInvalid = error;
        continue;
      }
      if (resolved === undefined) continue;
      if (resolved === null) {
        lastInvalid = null;
        continue;
      }
      return resolved;
    }
    if (lastInvalid === undefined || lastInvalid === null) return lastInvalid;
    throw lastInvalid;
  }
  if (typeof target === 'object' && target !== null) {
    for (const [key, value] of Object.entries(target)) {
      if (key !== 'default' && !conditions.has(key)) continue;
      const resolved = targetResolve(packageJsonUrl, value, patternMatch, isImports, conditions, bare);
      if (resolved === undefined) continue;
      return resolved;
    }
    return undefined;
  }
  if (target === null) return null;
  throw new InvalidTarget(String(target));
}

/** PACKAGE_IMPORTS_EXPORTS_RESOLVE; `undefined`/`null` when nothing matches or the match maps to nothing. */
function importsExportsResolve(matchKey: string, matchObject: Record<string, unknown>, packageJsonUrl: URL, isImports: boolean, conditions: ReadonlySet<string>, bare: BareResolver): TargetResult {
  if (Object.hasOwn(matchObject, matchKey) && !matchKey.includes('*')) {
    return targetResolve(packageJsonUrl, matchObject[matchKey], null, isImports, conditions, bare);
  }
  let bestKey = '';
  let bestMatch = '';
  for (const key of Object.keys(matchObject)) {
    const star = key.indexOf('*');
    if (star === -1 || key.lastIndexOf('*') !== star || !matchKey.startsWith(key.slice(0, star))) continue;
    const trailer = key.slice(star + 1);
    if (matchKey.length >= key.length && matchKey.endsWith(trailer) && patternKeyCompare(bestKey, key) === 1) {
      bestKey = key;
      bestMatch = matchKey.slice(star, matchKey.length - trailer.length);
    }
  }
  if (bestKey === '') return null;
  return targetResolve(packageJsonUrl, matchObject[bestKey], bestMatch, isImports, conditions, bare);
}

function guarded(run: () => TargetResult): TargetResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidTarget) return null;
    throw error;
  }
}

/** PACKAGE_EXPORTS_RESOLVE for `subpath` (`.` or `./x`); `null` when the package does not export it. */
export function exportsResolve(packageJsonUrl: URL, subpath: string, exportsField: unknown, conditions: ReadonlySet<string>, bare: BareResolver): TargetResult {
  return guarded(() => {
    const isConditionSugar = typeof exportsField === 'string' || Array.isArray(exportsField) || (typeof exportsField === 'object' && exportsField !== null && Object.keys(exportsField).every((key) => !key.startsWith('.')));
    if (subpath === '.') {
      const main = isConditionSugar ? exportsField : (exportsField as Record<string, unknown>)['.'];
      return main === undefined ? null : targetResolve(packageJsonUrl, main, null, false, conditions, bare);
    }
    if (isConditionSugar || typeof exportsField !== 'object' || exportsField === null) return null;
    return importsExportsResolve(subpath, exportsField as Record<string, unknown>, packageJsonUrl, false, conditions, bare);
  });
}

/** PACKAGE_IMPORTS_RESOLVE inside the package whose package.json is `packageJsonUrl`. */
export function importsResolve(specifier: string, packageJsonUrl: URL, importsField: unknown, conditions: ReadonlySet<string>, bare: BareResolver): TargetResult {
  if (specifier === '#' || typeof importsField !== 'object' || importsField === null || Array.isArray(importsField)) return null;
  return guarded(() => importsExportsResolve(specifier, importsField as Record<string, unknown>, packageJsonUrl, true, conditions, bare));
}

type Scope = { directory: string; manifest: Record<string, unknown> } | undefined;
const scopes = new WeakMap<FileProbe, Map<string, Scope>>();

/** The nearest package.json above `file`, not crossing a node_modules folder (LOOKUP_PACKAGE_SCOPE); memoized per folder. */
export function packageScope(probe: FileProbe, file: string): Scope {
  let byFolder = scopes.get(probe);
  if (byFolder === undefined) scopes.set(probe, (byFolder = new Map()));
  const folder = file.slice(0, Math.max(file.lastIndexOf('/'), 0)) || '/';
  if (byFolder.has(folder)) return byFolder.get(folder);
  let scope: Scope;
  if (!folder.endsWith('/node_modules')) {
    const manifest = probe.packageJson(folder);
    scope = manifest !== null ? { directory: folder, manifest } : folder === '/' ? undefined : packageScope(probe, folder);
  }
  byFolder.set(folder, scope);
  return scope;
}
