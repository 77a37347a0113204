import { closeSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeBinding } from '../runtime/runtime-files.js';

/** One file of tki's own runtime, its content handed to bwrap on a descriptor (`--file FD DEST`). */
export interface HandedInFile {
  readonly fd: number;
  readonly target: string;
}

/** What node loads from dist/ and npm packages: modules, their manifests and the addon. Types and maps stay out. */
const LOADED = /\.(?:js|mjs|cjs|json|node)$/;

function filesOf(source: string, target: string, into: Array<{ source: string; target: string }>): void {
  const stats = statSync(source);
  if (stats.isDirectory()) {
    for (const name of readdirSync(source)) filesOf(join(source, name), join(target, name), into);
  } else if (stats.isFile() && LOADED.test(source)) {
    into.push({ source, target });
  }
}

/**
 * tki's own runtime as open descriptors, numbered from `firstFd`: bwrap copies each into its
 * private tmpfs root (made read-only with the rest of it), so no mount inside has the project
 * directory (or a home holding it) as its source — /proc/self/mountinfo shows no host path of
 * tki's. The caller passes the descriptors to bwrap and closes them once it has started.
 */
export function openOwnRuntimeFiles(bindings: readonly RuntimeBinding[], firstFd: number): { files: HandedInFile[]; sources: number[] } {
  const listed: Array<{ source: string; target: string }> = [];
  for (const binding of bindings) if (binding.own === true) filesOf(binding.source, binding.target, listed);
  const sources: number[] = [];
  try {
    for (const file of listed) sources.push(openSync(file.source, 'r'));
  } catch (error) {
    for (const fd of sources) closeSync(fd);
    throw error;
  }
  return { files: listed.map((file, index) => ({ fd: firstFd + index, target: file.target })), sources };
}
