import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where tki's own files are, on its own: the addon loader inside the sandbox needs this and
 * nothing else of runtime discovery, so it must not pull that in (every module it loads is
 * start-up time added to each run).
 */

/** The addon, relative to the package root (built by `npm run build:native`). */
export const ADDON_RELATIVE_PATH = 'sandbox/native/build/Release/tki_seccomp.node';

/** The executable that puts a root operator's bwrap sandbox into its cgroup (sandbox/native/tki_enter_cgroup.c), built beside the addon. */
export const CGROUP_ENTRY_RELATIVE_PATH = 'sandbox/native/build/Release/tki-enter-cgroup';

/** Its exit status when it could not join the cgroup or drop privileges (SETUP_FAILED in the C file). */
export const CGROUP_ENTRY_SETUP_FAILED = 121;

/**
 * The package root of the running tki: the nearest directory above this module holding tki's
 * package.json (this file runs from dist/sandbox/runtime/ and, under vitest, from sandbox/runtime/).
 */
export function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (dirname(directory) !== directory) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'tki') return directory;
    directory = dirname(directory);
  }
  throw new Error('tki package root not found above the sandbox runtime module');
}
