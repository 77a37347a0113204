import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SANDBOX_BUNDLES } from './bundle-paths.js';

/** Static and literal dynamic import specifiers in emitted ESM (tsc output: one statement per import). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;
/** The same plus CommonJS `require('…')`, for the files of npm packages. */
const ANY_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Dependencies a package itself declares, so they are mounted too. */
function dependenciesOf(root: string, name: string): string[] {
  const manifest = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return [];
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(parsed.dependencies ?? {});
}

/** What runs inside the sandbox: `tki inspect`, the attestation probes and the inside library, each bundled into one file at build time (bundle-sandbox.ts). */
export const SANDBOX_ENTRIES = [SANDBOX_BUNDLES.inspect, SANDBOX_BUNDLES.probes, SANDBOX_BUNDLES.insideLibrary] as const;

/**
 * Where the build records the packages the sandbox entries reach (`npm run build` runs
 * record-runtime-packages.js after tsc): each `tki run` reads this one small file instead of
 * scanning dist/ again, which would add its time to every run. A test keeps it equal to a scan.
 */
export const RUNTIME_PACKAGES_FILE = 'dist/sandbox/runtime-packages.json';

/** The recorded package names, or undefined when the build did not record them (or they are malformed). */
export function recordedRuntimePackages(root: string): string[] | undefined {
  const file = join(root, RUNTIME_PACKAGES_FILE);
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && parsed.every((name) => typeof name === 'string' && /^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(name)) ? (parsed as string[]) : undefined;
}

/**
 * The npm packages the given entry files reach, following relative imports through dist/ and then
 * each package's declared dependencies. Derived rather than listed, so that the sandbox mounts
 * exactly what the inspector imports today — no more, and never too little.
 */
export function runtimePackages(root: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((entry) => resolve(entry));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:') && !specifier.startsWith('/')) packages.add(packageName(specifier));
    }
  }
  const pending = [...packages];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const dependency of dependenciesOf(root, name)) {
      if (!packages.has(dependency)) {
        packages.add(dependency);
        pending.push(dependency);
      }
    }
  }
  return [...packages].sort();
}

/** Where the build records the files the sandbox entries load (relative to the package root): bwrap hands exactly these in. */
export const RUNTIME_FILES_FILE = 'dist/sandbox/runtime-files.json';

/** A package's file for `specifier` (`zod`, `zod/v4`): its `exports` import/default condition, else `module`/`main`. */
function packageFile(root: string, specifier: string): string[] {
  const name = packageName(specifier);
  const directory = join(root, 'node_modules', name);
  const manifestPath = join(directory, 'package.json');
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: unknown; module?: string; main?: string };
  const subpath = `.${specifier.slice(name.length)}`;
  const exported = typeof manifest.exports === 'object' && manifest.exports !== null ? (manifest.exports as Record<string, unknown>)[subpath === '.' ? '.' : subpath] : subpath === '.' ? manifest.exports : undefined;
  const pick = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'object' && value !== null ? pick((value as Record<string, unknown>).import ?? (value as Record<string, unknown>).default) : undefined);
  const target = pick(exported) ?? (subpath === '.' ? (manifest.module ?? manifest.main ?? 'index.js') : subpath);
  return [manifestPath, resolve(directory, target)];
}

/**
 * Every file the given entries load: dist/ modules through relative imports, then each package's
 * entry for the specifiers they import and the package's own relative imports and requires, with
 * the package manifests. Relative to `root`, sorted. A test keeps it in step with a real run: a
 * file missing from it is missing inside the sandbox.
 */
export function runtimeFiles(root: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => resolve(entry));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!/\.(?:js|mjs|cjs)$/.test(file)) continue;
    const pattern = file.includes('/node_modules/') ? ANY_SPECIFIER : SPECIFIER;
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:') && !specifier.startsWith('/')) queue.push(...packageFile(root, specifier));
    }
  }
  return [...seen].map((file) => file.slice(resolve(root).length + 1)).sort();
}
