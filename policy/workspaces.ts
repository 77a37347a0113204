import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matchesAnyGlob } from './glob.js';

/** What the workspace lookup reads: injectable, so the rule is tested without a file system. */
export interface WorkspaceFiles {
  readonly exists: (file: string) => boolean;
  /** The file's text, or undefined when it cannot be read (then it declares no workspace). */
  readonly read: (file: string) => string | undefined;
}

/** Reads a manifest for the workspace lookup; an unreadable one declares nothing. */
export function readWorkspaceText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** npm and yarn: `"workspaces": [globs]` or `"workspaces": { "packages": [globs] }`. */
function packageJsonWorkspaces(text: string): readonly string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const field = (manifest as { workspaces?: unknown } | null)?.workspaces;
  const list = Array.isArray(field) ? field : (field as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * pnpm: the `packages:` list of pnpm-workspace.yaml. Only the block-list form pnpm documents
 * (`packages:` then `- 'glob'` lines) is read: no YAML library ships in the plugin for one list.
 */
function pnpmWorkspaces(text: string): readonly string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^packages\s*:\s*$/.test(line)) inPackages = true;
    else if (inPackages && /^\s*-\s*/.test(line)) globs.push(line.replace(/^\s*-\s*/, '').replace(/\s+#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2'));
    else if (inPackages && /^\S/.test(line)) inPackages = false;
  }
  return globs;
}

/** Whether `member` (relative, `/`-separated) is listed; `!glob` entries exclude, as in npm and pnpm. */
function listed(member: string, globs: readonly string[]): boolean {
  const normalize = (glob: string): string => glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const include = globs.filter((glob) => !glob.startsWith('!')).map(normalize);
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => normalize(glob.slice(1)));
  return matchesAnyGlob(member, include) && !matchesAnyGlob(member, exclude);
}

/**
 * The workspace root that lists `packageDirectory` as a member, if any: the nearest enclosing
 * directory with a package.json or a pnpm-workspace.yaml decides (an enclosing package that
 * does not list it makes it a separate project).
 */
export function workspaceMember(packageDirectory: string, files: WorkspaceFiles): string | undefined {
  for (let directory = path.dirname(packageDirectory); ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    const pnpm = path.join(directory, 'pnpm-workspace.yaml');
    const hasManifest = files.exists(manifest);
    const hasPnpm = files.exists(pnpm);
    if (hasManifest || hasPnpm) {
      const member = path.relative(directory, packageDirectory).split(path.sep).join('/');
      const globs = [
        ...(hasManifest ? packageJsonWorkspaces(files.read(manifest) ?? '') : []),
        ...(hasPnpm ? pnpmWorkspaces(files.read(pnpm) ?? '') : []),
      ];
      return listed(member, globs) ? directory : undefined;
    }
    if (path.dirname(directory) === directory) return undefined;
  }
}
