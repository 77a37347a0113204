import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EngineCommand, EngineExit } from '../launch/spawn-engine.js';
import type { RuntimeBinding } from '../runtime/runtime-files.js';
import { engineErrorLine, engineRemedy } from '../launch/engine-refusal.js';
import type { EngineName, EngineResult } from './engine-types.js';
import { readSandboxDockerfile } from './sandbox-dockerfile.js';

export const IMAGE_REPOSITORY = 'localhost/tki-sandbox';

/** Every file under a path, with size and mtime, so the tag changes when the runtime does. */
function fingerprintLines(path: string, target: string, lines: string[]): void {
  const stats = statSync(path);
  if (stats.isDirectory()) {
    for (const name of readdirSync(path).sort()) fingerprintLines(join(path, name), join(target, name), lines);
  } else lines.push(`${target} ${stats.size} ${stats.mtimeMs}`);
}

/** `localhost/tki-sandbox:<12 hex>`, derived from the Containerfile and the runtime files, so a stale image is never reused. */
export function localImageTag(bindings: readonly RuntimeBinding[], containerfile: string): string {
  const lines: string[] = [containerfile];
  for (const binding of bindings) fingerprintLines(binding.source, binding.target, lines);
  return `${IMAGE_REPOSITORY}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12)}`;
}

/** The build context: the runtime files at their sandbox paths, and the FROM scratch Containerfile (Dockerfile.sandbox). */
export function writeBuildContext(bindings: readonly RuntimeBinding[], contextDir: string, containerfileText: string): string {
  const rootfs = join(contextDir, 'rootfs');
  for (const directory of ['in', 'out', 'proc', 'dev', 'sys']) mkdirSync(join(rootfs, directory), { recursive: true });
  for (const binding of bindings) {
    const destination = join(rootfs, binding.target);
    mkdirSync(dirname(destination), { recursive: true });
    cpSync(binding.source, destination, { recursive: true, dereference: true });
  }
  const containerfile = join(contextDir, 'Containerfile');
  writeFileSync(containerfile, containerfileText);
  return containerfile;
}

/**
 * Builds the image with the engine when it is not there yet. No registry is involved: the base is
 * `scratch` and the build runs with networking off.
 */
export async function ensureLocalImage(
  executable: string,
  bindings: readonly RuntimeBinding[],
  workDir: string,
  run: (command: EngineCommand) => Promise<EngineExit>,
): Promise<EngineResult<string>> {
  const dockerfile = readSandboxDockerfile();
  if (!dockerfile.ok) return dockerfile;
  const tag = localImageTag(bindings, dockerfile.value);
  const inspect = await run({ executable, args: ['image', 'inspect', '--format', '{{.Id}}', tag] });
  if (inspect.exitCode === 0) return { ok: true, value: tag };
  // The launcher's own failure to start the CLI (e.g. the addon missing) is already one line.
  if (inspect.stderr.startsWith('tki: ')) return { ok: false, error: { code: 'engine/unusable', line: inspect.stderr.trim() } };
  // Anything but "no such image" (docker) / "image not known" (podman) means the engine itself cannot be used (no daemon, no rights).
  if (!/no such image|image not known/i.test(inspect.stderr)) {
    const reason = engineErrorLine(inspect.stderr);
    return { ok: false, error: { code: 'engine/unusable', line: `tki: ${basename(executable)} cannot be used here: ${reason} — what to do: ${engineRemedy(executableName(executable), reason)}` } };
  }
  const contextDir = join(workDir, 'image-context');
  const containerfile = writeBuildContext(bindings, contextDir, dockerfile.value);
  const build = await run({ executable, args: ['build', '--network', 'none', '-q', '-t', tag, '-f', containerfile, contextDir] });
  if (build.exitCode !== 0) {
    const reason = engineErrorLine(build.stderr);
    return { ok: false, error: { code: 'engine/image_build_failed', line: `tki: building the local sandbox image ${tag} failed: ${reason} — what to do: ${engineRemedy(executableName(executable), reason)}` } };
  }
  await removeStaleImages(executable, tag, run);
  return { ok: true, value: tag };
}

/** podman or docker, for the remedy line (a TKI_DOCKER path may have any name). */
function executableName(executable: string): EngineName {
  return basename(executable) === 'podman' ? 'podman' : 'docker';
}

/**
 * Each rebuild of tki makes a new tag; the older ones (~140 MB each) are removed so they do not
 * pile up. Best effort: an image a concurrent run still uses stays, and that is fine.
 */
async function removeStaleImages(executable: string, keep: string, run: (command: EngineCommand) => Promise<EngineExit>): Promise<void> {
  const listed = await run({ executable, args: ['images', '--filter', `reference=${IMAGE_REPOSITORY}`, '--format', '{{.Repository}}:{{.Tag}}'] });
  if (listed.exitCode !== 0) return;
  const stale = listed.stdout.split('\n').map((line) => line.trim()).filter((name) => name.startsWith(`${IMAGE_REPOSITORY}:`) && name !== keep);
  if (stale.length > 0) await run({ executable, args: ['image', 'rm', ...stale] });
}
