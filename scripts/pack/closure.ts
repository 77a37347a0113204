import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * Import and export declarations at the start of a line (tsc prints one per statement), literal
 * dynamic imports and `new URL('./x.js', import.meta.url)` (worker files). Anchored so that an
 * import written inside a comment or a string is not taken for one.
 */
const SPECIFIERS = [
  /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

/** CommonJS output (`.cjs`, compiled from `.cts`): its literal `require('./x.cjs')` calls load files too. */
const REQUIRE = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Block comments and whole-line comments, where documentation quotes imports. */
const COMMENTS = /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm;

function specifiersIn(source: string, commonJs: boolean): string[] {
  const text = source.replace(COMMENTS, '');
  const patterns = commonJs ? [...SPECIFIERS, REQUIRE] : SPECIFIERS;
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''));
}

export interface Closure {
  /** Files reached, relative to the build root, `/`-separated and sorted. */
  readonly files: readonly string[];
  /** npm package names imported by those files (bare specifiers), sorted. */
  readonly packages: readonly string[];
  /** Relative imports that name no file: a broken build, reported instead of shipped. */
  readonly missing: readonly string[];
}

export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** `x.js` -> `x.d.ts`, `x.cjs` -> `x.d.cts`, `x.mjs` -> `x.d.mts`. */
function declarationOf(file: string): string | undefined {
  const match = /\.(c|m)?js$/.exec(file);
  return match === null ? undefined : `${file.slice(0, match.index)}.d.${match[1] ?? ''}ts`;
}

/**
 * Everything the entry files load, followed through relative imports. With `types`, each
 * `x.js` reached brings its `x.d.ts` and the type-only imports that tsc erased from the JS.
 */
export function importClosure(root: string, entries: readonly string[], types: boolean): Closure {
  const files = new Set<string>();
  const packages = new Set<string>();
  const missing = new Set<string>();
  const queue = entries.map((entry) => resolve(root, entry));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const name = relative(root, file).split('\\').join('/');
    if (files.has(name)) continue;
    if (!existsSync(file)) {
      missing.add(name);
      continue;
    }
    files.add(name);
    const declaration = declarationOf(file);
    if (types && declaration !== undefined && existsSync(declaration)) queue.push(declaration);
    for (const specifier of specifiersIn(readFileSync(file, 'utf8'), file.endsWith('.cjs'))) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        queue.push(/\.d\.[cm]?ts$/.test(file) ? (declarationOf(target) ?? target) : target);
      } else if (!specifier.startsWith('node:') && !specifier.startsWith('/')) {
        packages.add(packageNameOf(specifier));
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort(), missing: [...missing].sort() };
}
