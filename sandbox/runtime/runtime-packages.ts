import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Static and literal dynamic import specifiers in emitted ESM (tsc output: one statement per import). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

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

/** The entry points that run inside the sandbox: `tki inspect` and the attestation probes. */
export const SANDBOX_ENTRIES = ['dist/cli/tki.js', 'dist/sandbox/probes/main.js'] as const;

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
