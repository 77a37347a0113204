import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { SANDBOX_BUNDLES } from './bundle-paths.js';
import { elfInterpreter } from './elf-interpreter.js';
import { ADDON_RELATIVE_PATH, packageRoot } from './package-root.js';
import { recordedRuntimePackages, RUNTIME_PACKAGES_FILE } from './runtime-packages.js';

/** Where node and tki's own files appear inside the sandbox (the profile's runtimeRoot). */
export const SANDBOX_TKI_ROOT = DEFAULT_PROFILE.runtimeRoot;

/** One read-only host path and where it appears inside the sandbox. */
export interface RuntimeBinding {
  readonly source: string;
  readonly target: string;
  /** tki's own files (dist/, package.json, the addon, npm packages): bwrap hands their content in instead of binding the project's path. */
  readonly own?: boolean;
}

export interface RuntimeFiles {
  readonly nodePath: string;
  readonly bindings: readonly RuntimeBinding[];
  /** The tki CLI entry inside the sandbox. */
  readonly cliEntry: string;
  /** The attestation probe runner inside the sandbox. */
  readonly probesEntry: string;
}

export type RuntimeError = { readonly code: 'runtime/missing'; readonly path: string; readonly hint: string };

/**
 * Shared libraries the running node has mapped (from /proc/self/maps). This is what node needs
 * to start, found without running `ldd`; tki's own addon is bound separately.
 */
function mappedSystemLibraries(): string[] {
  const libraries = new Set<string>();
  for (const line of readFileSync('/proc/self/maps', 'utf8').split('\n')) {
    const path = line.slice(line.indexOf('/'));
    if (line.includes('/') && /^\/(usr\/)?lib(64|32|x32)?\//.test(path) && /\.so(\.\d+)*$/.test(path)) libraries.add(path);
  }
  return [...libraries].sort();
}

/**
 * /proc/self/maps shows resolved files (`libstdc++.so.6.0.30`) but the loader asks for the soname
 * (`libstdc++.so.6`): the shorter names that are links to the same file are bound too.
 */
function sonameLinks(library: string): string[] {
  const links: string[] = [];
  let name = library;
  while (/\.so(\.\d+)+$/.test(name)) {
    name = name.replace(/\.\d+$/, '');
    if (existsSync(name) && realpathSync(name) === library) links.push(name);
  }
  return links;
}

/** Everything of the host that the sandbox may see, all read-only. */
export async function discoverRuntime(root: string = packageRoot()): Promise<{ ok: true; runtime: RuntimeFiles } | { ok: false; error: RuntimeError }> {
  // node appears at a neutral path too: wherever the host keeps it (nvm under a home directory,
  // /usr/local, ...), the sandbox shows only the runtime root and the system library directories.
  const hostNode = realpathSync(process.execPath);
  const nodePath = join(SANDBOX_TKI_ROOT, 'bin', 'node');
  const bindings: RuntimeBinding[] = [{ source: hostNode, target: nodePath }];
  const interpreter = await elfInterpreter(hostNode);
  if (interpreter !== undefined) bindings.push({ source: realpathSync(interpreter), target: interpreter });
  for (const library of mappedSystemLibraries()) {
    for (const name of [library, ...sonameLinks(library)]) {
      if (!bindings.some((binding) => binding.target === name)) bindings.push({ source: library, target: name });
    }
  }
  const packages = recordedRuntimePackages(root);
  if (packages === undefined) return { ok: false, error: { code: 'runtime/missing', path: join(root, RUNTIME_PACKAGES_FILE), hint: 'run `npm run build`' } };
  const own: Array<[string, string]> = [
    ['dist', 'run `npm run build`'],
    ['package.json', 'the package root is incomplete'],
    [ADDON_RELATIVE_PATH, 'run `npm run build:native`'],
    ...packages.map((name): [string, string] => [join('node_modules', name), 'run `npm ci`']),
  ];
  for (const [relative, hint] of own) {
    const source = join(root, relative);
    if (!existsSync(source)) return { ok: false, error: { code: 'runtime/missing', path: source, hint } };
    bindings.push({ source, target: join(SANDBOX_TKI_ROOT, relative), own: true });
  }
  return { ok: true, runtime: { nodePath, bindings, cliEntry: join(SANDBOX_TKI_ROOT, SANDBOX_BUNDLES.inspect), probesEntry: join(SANDBOX_TKI_ROOT, SANDBOX_BUNDLES.probes) } };
}
