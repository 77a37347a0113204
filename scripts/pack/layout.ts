import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { importClosure } from './closure.js';
import type { PackageSpec } from './packages.js';

/** The root package.json fields the published manifests take from it. */
export interface RootManifest {
  readonly version: string;
  readonly license: string;
  readonly engines: Readonly<Record<string, string>>;
  readonly repository: { readonly type: string; readonly url: string; readonly directory?: string };
  readonly homepage: string;
  readonly bugs: { readonly url: string };
  readonly author?: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

export type LayoutError =
  | { readonly code: 'pack/missing_file'; readonly package: string; readonly file: string }
  | { readonly code: 'pack/undeclared_dependency'; readonly package: string; readonly dependency: string };

export function formatLayoutError(error: LayoutError): string {
  return error.code === 'pack/missing_file'
    ? `pack: ${error.package}: ${error.file} is missing (run \`npm run build\` first)`
    : `pack: ${error.package}: imports "${error.dependency}", which the root package.json does not list in dependencies`;
}

export function readRootManifest(root: string): RootManifest {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as RootManifest;
}

/** The published package.json of one package: its data plus the root manifest's shared facts. */
export function manifestOf(spec: PackageSpec, rootManifest: RootManifest, imported: readonly string[], files: readonly string[]): { ok: true; manifest: Record<string, unknown> } | { ok: false; error: LayoutError } {
  const dependencies: Record<string, string> = {};
  for (const name of [...imported, ...spec.extraDependencies].filter((candidate) => spec.peers[candidate] === undefined).sort()) {
    const range = rootManifest.dependencies[name];
    if (range === undefined) return { ok: false, error: { code: 'pack/undeclared_dependency', package: spec.name, dependency: name } };
    dependencies[name] = range;
  }
  const peers = Object.fromEntries(Object.entries(spec.peers).filter(([name]) => imported.includes(name) || name === 'eslint'));
  const manifest: Record<string, unknown> = {
    name: spec.name,
    version: rootManifest.version,
    description: spec.description,
    keywords: spec.keywords,
    license: rootManifest.license,
    ...(rootManifest.author === undefined ? {} : { author: rootManifest.author }),
    repository: rootManifest.repository,
    homepage: rootManifest.homepage,
    bugs: rootManifest.bugs,
    type: 'module',
    engines: rootManifest.engines,
    ...(spec.bin === undefined ? {} : { bin: spec.bin }),
    ...(spec.main === undefined ? {} : { main: spec.main }),
    ...(spec.typesEntry === undefined ? {} : { types: spec.typesEntry }),
    ...(spec.exports === undefined ? {} : { exports: spec.exports }),
    ...(spec.scripts === undefined ? {} : { scripts: spec.scripts }),
    // The directory holds only what ships; `files` names its top-level entries.
    files: [...new Set(files.map((file) => file.split('/')[0] ?? file))].sort(),
    dependencies,
    ...(Object.keys(peers).length === 0 ? {} : { peerDependencies: peers }),
    ...(spec.bundleDependencies ? { bundleDependencies: Object.keys(dependencies) } : {}),
  };
  return { ok: true, manifest };
}

/**
 * Lays out `<out>/<name>/` from the repository's build: the closure of the entry points (with
 * their declarations for a typed package), the copied files, README, LICENSE, the manifest, and
 * bundled dependencies under its own node_modules. Returns the directory.
 */
export function layoutPackage(root: string, spec: PackageSpec, out: string): { ok: true; directory: string; files: readonly string[] } | { ok: false; error: LayoutError } {
  const closure = importClosure(root, spec.entries, spec.types);
  const missing = closure.missing[0];
  if (missing !== undefined) return { ok: false, error: { code: 'pack/missing_file', package: spec.name, file: missing } };
  const copies: Array<[string, string]> = [...Object.entries(spec.copies), [spec.readme, 'README.md'], ['LICENSE', 'LICENSE']];
  for (const [from] of copies) {
    if (!existsSync(join(root, from))) return { ok: false, error: { code: 'pack/missing_file', package: spec.name, file: from } };
  }
  const shipped = [...closure.files, ...copies.map(([, to]) => to)];
  const made = manifestOf(spec, readRootManifest(root), closure.packages, shipped);
  if (!made.ok) return made;
  const directory = join(out, spec.name);
  rmSync(directory, { recursive: true, force: true });
  for (const file of closure.files) copyInto(join(root, file), join(directory, file));
  for (const [from, to] of copies) copyInto(join(root, from), join(directory, to));
  const bundled = (made.manifest['bundleDependencies'] ?? []) as readonly string[];
  for (const name of bundledClosure(root, bundled)) {
    const from = join(root, 'node_modules', name);
    cpSync(from, join(directory, 'node_modules', name), { recursive: true, dereference: true, filter: (source) => !isTestPath(relative(from, source)) });
  }
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify(made.manifest, null, 2)}\n`);
  return { ok: true, directory, files: shipped };
}

/** Directories and files of a bundled package that only its own test suite reads (zod ships 198 `*.test.ts`). */
const TEST_DIRECTORIES = new Set(['test', 'tests', '__tests__', 'spec', 'specs', '__snapshots__']);
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$|\.snap$/;

/** A path inside a bundled package that is test code, never loaded at run time. */
export function isTestPath(path: string): boolean {
  const segments = path.split(sep);
  return segments.some((segment) => TEST_DIRECTORIES.has(segment)) || TEST_FILE.test(segments.at(-1) ?? '');
}

/** The bundled packages and, transitively, the packages they depend on (npm packs those too). */
function bundledClosure(root: string, names: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...names];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    pending.push(...Object.keys(manifest.dependencies ?? {}));
  }
  return [...seen].sort();
}

function copyInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { dereference: true, recursive: true });
}
