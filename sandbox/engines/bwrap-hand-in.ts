import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../runtime/package-root.js';
import { RUNTIME_FILES_FILE } from '../runtime/runtime-packages.js';
import type { RuntimeBinding } from '../runtime/runtime-files.js';

/** One file of tki's own runtime, its content handed to bwrap on a descriptor (`--file FD DEST`). */
export interface HandedInFile {
  readonly fd: number;
  readonly target: string;
}

/** The files the sandbox entries load, as the build recorded them (relative to the package root). */
function recordedFiles(root: string): string[] {
  const value: unknown = JSON.parse(readFileSync(join(root, RUNTIME_FILES_FILE), 'utf8'));
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) throw Object.assign(new Error('malformed'), { path: join(root, RUNTIME_FILES_FILE), code: 'run `npm run build`' });
  return value as string[];
}

function filesOf(binding: RuntimeBinding, recorded: readonly string[], root: string, into: Array<{ source: string; target: string }>): void {
  if (statSync(binding.source).isFile()) {
    into.push({ source: binding.source, target: binding.target });
    return;
  }
  for (const relative of recorded) {
    const source = join(root, relative);
    if (source.startsWith(`${binding.source}/`)) into.push({ source, target: join(binding.target, source.slice(binding.source.length + 1)) });
  }
}

/**
 * tki's own runtime — the files the build recorded as loaded by the sandbox entries, and the
 * addon and package.json — as open descriptors, numbered from `firstFd`: bwrap copies each into its
 * private tmpfs root (made read-only with the rest of it), so no mount inside has the project
 * directory (or a home holding it) as its source — /proc/self/mountinfo shows no host path of
 * tki's. `extra`: more of tki's own files this run's node is told to load (relative to the package
 * root: the inspector's start-up snapshot). The caller passes the descriptors to bwrap and closes
 * them once it has started.
 */
export function openOwnRuntimeFiles(bindings: readonly RuntimeBinding[], firstFd: number, root: string = packageRoot(), extra: readonly string[] = []): { files: HandedInFile[]; sources: number[] } {
  const recorded = [...recordedFiles(root), ...extra];
  const listed: Array<{ source: string; target: string }> = [];
  for (const binding of bindings) if (binding.own === true) filesOf(binding, recorded, root, listed);
  const sources: number[] = [];
  try {
    for (const file of listed) sources.push(openSync(file.source, 'r'));
  } catch (error) {
    for (const fd of sources) closeSync(fd);
    throw error;
  }
  return { files: listed.map((file, index) => ({ fd: firstFd + index, target: file.target })), sources };
}
