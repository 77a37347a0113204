import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importClosure } from '../../scripts/pack/closure.js';
import { isTestPath, layoutPackage, manifestOf, readRootManifest } from '../../scripts/pack/layout.js';
import { PACKAGES, type PackageSpec } from '../../scripts/pack/packages.js';

const root = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'tki-layout-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Test files and directories below `directory` (relative paths). */
function testFilesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((entry) => isTestPath(entry));
}

const specOf = (name: string): PackageSpec => PACKAGES.find((spec) => spec.name === name) as PackageSpec;

function laidOut(name: string): { directory: string; manifest: Record<string, unknown>; files: readonly string[] } {
  const laid = layoutPackage(root, specOf(name), out);
  if (!laid.ok) throw new Error(JSON.stringify(laid.error));
  return { directory: laid.directory, manifest: JSON.parse(readFileSync(path.join(laid.directory, 'package.json'), 'utf8')) as Record<string, unknown>, files: laid.files };
}

describe('the package layout (from dist/, by import closure)', () => {
  const rootManifest = readRootManifest(root);

  it('eslint-plugin-tki: ESM and CommonJS entries with their declarations, the shared policy and detector bundled, no sources', () => {
    const { directory, manifest, files } = laidOut('eslint-plugin-tki');
    for (const file of ['dist/eslint-plugin-tki/index.js', 'dist/eslint-plugin-tki/index.d.ts', 'dist/eslint-plugin-tki/index.cjs', 'dist/eslint-plugin-tki/index.d.cts', 'dist/policy/index.js', 'dist/analysis/syntax/index.js', 'schema/tki.policy.schema.json', 'LICENSE', 'README.md']) {
      expect({ file, shipped: files.includes(file) && existsSync(path.join(directory, file)) }).toEqual({ file, shipped: true });
    }
    expect(files.filter((file) => /(?<!\.d)\.[cm]?ts$/.test(file))).toEqual([]);
    expect(files.some((file) => file.startsWith('dist/guard/') || file.startsWith('dist/sandbox/'))).toBe(false);
    expect(manifest).toMatchObject({ name: 'eslint-plugin-tki', version: rootManifest.version, license: 'Apache-2.0', repository: rootManifest.repository, type: 'module' });
    // Derived from what the shipped files import, with the root package.json's ranges.
    const dependencies = manifest['dependencies'] as Record<string, string>;
    expect(Object.keys(dependencies)).toEqual(expect.arrayContaining(['@typescript-eslint/parser', '@typescript-eslint/utils', 'zod']));
    for (const [name, range] of Object.entries(dependencies)) expect({ name, range }).toEqual({ name, range: rootManifest.dependencies[name] });
    // Exactly the TypeScript versions tested (typescript-range.test.ts installs the lowest).
    expect(manifest['peerDependencies']).toEqual({ eslint: '^9.0.0 || ^10.0.0', typescript: '>=5.9.2 <6.1.0' });
  });

  it('tki-guard: the bin and what it imports; its own typescript, never the project’s (ts-morph brings one copy, the analysis must use the same minor)', () => {
    const { manifest, files } = laidOut('tki-guard');
    expect(manifest['bin']).toEqual({ 'tki-guard': 'dist/guard/cli.js' });
    expect(files).toContain('dist/guard/parallel/worker.js');
    expect(files.some((file) => file.startsWith('dist/eslint-plugin-tki/') || file.startsWith('dist/sandbox/'))).toBe(false);
    expect(manifest['dependencies']).toHaveProperty('dependency-cruiser');
    expect(manifest['peerDependencies']).toBeUndefined();
    expect(manifest['dependencies']).toMatchObject({ typescript: rootManifest.dependencies['typescript'], 'ts-morph': rootManifest.dependencies['ts-morph'] });
  });

  it('tki: the CLI, the in-sandbox entries, the prebuilt addon, an example packet, and its one dependency bundled', () => {
    const { directory, manifest, files } = laidOut('tki');
    // Dockerfile.sandbox: what `--engine podman|docker` builds the sandbox image from.
    for (const file of ['dist/cli/tki.js', 'dist/sandbox/probes/main.js', 'dist/sandbox/runtime-packages.json', 'dist/sandbox/runtime-files.json', 'sandbox/native/build/Release/tki_seccomp.node', 'examples/fix7-a/packet.json', 'Dockerfile.sandbox']) {
      expect({ file, shipped: files.includes(file) && existsSync(path.join(directory, file)) }).toEqual({ file, shipped: true });
    }
    expect(readFileSync(path.join(directory, 'Dockerfile.sandbox'), 'utf8')).toBe(readFileSync(path.join(root, 'Dockerfile.sandbox'), 'utf8'));
    // Bundled dependencies ship without their own test suites (zod's src/ has ~200 *.test.ts).
    expect(testFilesUnder(path.join(directory, 'node_modules'))).toEqual([]);
    expect(testFilesUnder(path.join(root, 'node_modules/zod')).length).toBeGreaterThan(0);
    const dependencies = Object.keys(manifest['dependencies'] as object);
    expect(dependencies).toContain('zod');
    expect(manifest).toMatchObject({ bin: { tki: 'dist/cli/tki.js' }, dependencies: { zod: rootManifest.dependencies['zod'] }, bundleDependencies: dependencies });
    // What the sandbox mounts from the package (recorded by the build) is all bundled inside it.
    const mounted = JSON.parse(readFileSync(path.join(directory, 'dist/sandbox/runtime-packages.json'), 'utf8')) as string[];
    for (const name of mounted) expect({ name, bundled: existsSync(path.join(directory, 'node_modules', name, 'package.json')) }).toEqual({ name, bundled: true });
    // Every file bwrap hands in (recorded by the build) ships at the same place in the package.
    const handedIn = JSON.parse(readFileSync(path.join(directory, 'dist/sandbox/runtime-files.json'), 'utf8')) as string[];
    // Since the inside is an esbuild bundle, that is the bundles themselves, not the module tree.
    expect(handedIn.filter((file) => file.startsWith('dist/sandbox/bundle/')).length).toBeGreaterThanOrEqual(2);
    expect(handedIn.filter((file) => !existsSync(path.join(directory, file)))).toEqual([]);
  });

  it('tells test code of a bundled package from its run-time code', () => {
    for (const test of ['src/v4/classic/tests/string.test.ts', 'test/index.js', '__tests__/a.js', 'lib/x.spec.mjs', 'src/__snapshots__/a.snap']) expect({ test, isTest: isTestPath(test) }).toEqual({ test, isTest: true });
    for (const runtime of ['index.js', 'v4/classic/schemas.js', 'lib/testing.js', 'package.json', 'src/latest.ts']) expect({ runtime, isTest: isTestPath(runtime) }).toEqual({ runtime, isTest: false });
  });

  it('derives dependencies from imports, and refuses one the root package.json does not declare', () => {
    const made = manifestOf(specOf('tki-guard'), rootManifest, ['left-pad'], []);
    expect(made).toEqual({ ok: false, error: { code: 'pack/undeclared_dependency', package: 'tki-guard', dependency: 'left-pad' } });
  });

  it('follows static, dynamic and worker imports but not imports quoted in comments', () => {
    const closure = importClosure(root, specOf('tki-guard').entries, false);
    expect(closure.missing).toEqual([]);
    expect(closure.files).toContain('dist/guard/run.js');
    // The bin's bundle reaches its chunks (static and dynamic imports) and the analysis thread's file.
    const bin = importClosure(root, ['dist/guard/cli.js'], false);
    expect(bin.missing).toEqual([]);
    expect(bin.files.filter((file) => file.startsWith('dist/guard/cli-main-chunk-')).length).toBeGreaterThan(1);
    expect(bin.files).toContain('dist/guard/parallel/worker.js');
    expect(closure.packages).not.toContain('x');
  });
});
