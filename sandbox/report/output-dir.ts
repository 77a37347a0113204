import { lstatSync, mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isReportFileName } from '../../src/io/report-frame.js';

/** The operator's output directory, checked (SPEC §5) and created when missing. */
export interface OutputDirectory {
  /** As the operator typed it: every message names this, never an in-sandbox or resolved path. */
  readonly typed: string;
  /** Absolute path the files are written under. */
  readonly path: string;
  /** A previous run's checkpoint file, removed once the new triplet is in place if its name differs. */
  readonly previousCheckpoint: string | undefined;
}

export type OutputDirectoryResult = { readonly ok: true; readonly value: OutputDirectory } | { readonly ok: false; readonly line: string };

/** The real path `path` would have: the nearest existing ancestor resolved, the missing rest appended. */
function prospectiveRealPath(path: string): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      missing.push(basename(current));
      current = parent;
    }
  }
}

function isSameOrInside(path: string, directory: string): boolean {
  return path === directory || path.startsWith(directory.endsWith(sep) ? directory : `${directory}${sep}`);
}

function previousRunCheckpoint(names: readonly string[]): { ok: true; checkpoint: string | undefined } | { ok: false } {
  if (names.length === 0) return { ok: true, checkpoint: undefined };
  const checkpoints = names.filter((name) => name.startsWith('checkpoint-'));
  const exact = names.length === 3 && names.includes('report.json') && names.includes('report.md') && checkpoints.length === 1 && names.every(isReportFileName);
  return exact ? { ok: true, checkpoint: checkpoints[0] } : { ok: false };
}

/**
 * SPEC §5's rules for `--out`: not the packet directory nor inside it, and either empty (or
 * missing: then created) or holding exactly a previous run's three files — never a mix. For a
 * single-file packet the rule concerns the file itself (its directory is the operator's, not the
 * packet's). Checked before the sandbox starts, so a refused directory costs nothing. `packet` is
 * undefined only where no packet is mounted (the attestation's scratch output, the in-process runner).
 */
export function prepareOutputDirectory(typed: string, packet: { readonly path: string; readonly isFile: boolean } | undefined, command: string): OutputDirectoryResult {
  const refuse = (problem: string): OutputDirectoryResult => ({ ok: false, line: `tki ${command}: BLOCKED: --out ${typed} ${problem}` });
  const absolute = resolve(typed);
  const real = prospectiveRealPath(absolute);
  const packetReal = packet === undefined ? undefined : prospectiveRealPath(resolve(packet.path));
  if (packetReal !== undefined && (packet?.isFile === true ? real === packetReal : isSameOrInside(real, packetReal))) return refuse('is the packet directory or lies inside it; choose a directory outside the packet');
  let names: string[];
  try {
    const stats = lstatSync(absolute, { throwIfNoEntry: false });
    if (stats === undefined) {
      mkdirSync(absolute, { recursive: true, mode: 0o755 });
      return { ok: true, value: { typed, path: absolute, previousCheckpoint: undefined } };
    }
    if (!lstatSync(real).isDirectory()) return refuse('is not a directory');
    names = readdirSync(real);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    return refuse(`cannot be used (${code})`);
  }
  const previous = previousRunCheckpoint(names);
  if (!previous.ok) return refuse(`must be empty or hold exactly a previous run's report.json, report.md and checkpoint-<name>.md; it holds: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`);
  for (const name of names) {
    if (!lstatSync(join(real, name)).isFile()) return refuse(`holds ${name}, which is not a regular file`);
  }
  return { ok: true, value: { typed, path: real, previousCheckpoint: previous.checkpoint } };
}
