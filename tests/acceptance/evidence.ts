import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * What the acceptance run actually ran: one record per subprocess or API call, with the files it
 * produced and their sha256, so the binding report can point at real runs (Article 14: nothing
 * reports success that was not run) and the self-audit can re-hash them afterwards.
 */
export interface Artifact {
  readonly path: string;
  readonly sha256: string;
}

export interface RunRecord {
  readonly id: string;
  readonly what: string;
  /** argv of a subprocess, or the API call and its arguments. */
  readonly command: readonly string[];
  readonly started_at: string;
  readonly duration_ms: number;
  readonly exit_code: number | null;
  /** Input files or directories the run read (the packet), so an audit can re-read them. */
  readonly inputs: readonly string[];
  readonly artifacts: readonly Artifact[];
}

export interface RunLog {
  readonly records: RunRecord[];
  /** A fresh id for a run, unique within this log. */
  nextId(label: string): string;
}

export function createRunLog(): RunLog {
  const records: RunRecord[] = [];
  let counter = 0;
  return {
    records,
    nextId(label) {
      counter += 1;
      return `${String(counter).padStart(3, '0')}-${label.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}`;
    },
  };
}

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function sha256OfText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Every regular file under `directory` (recursively) as an artifact; none when it does not exist. */
export function artifactsUnder(directory: string): Artifact[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .sort()
    .flatMap((entry): Artifact[] => {
      const full = path.join(directory, entry);
      const stat = statSync(full);
      if (stat.isDirectory()) return artifactsUnder(full);
      return stat.isFile() ? [{ path: full, sha256: sha256OfFile(full) }] : [];
    });
}

/** Times `action` and appends its record; the record's exit code and artifacts come from the action. */
export async function recordRun<T>(
  log: RunLog,
  label: string,
  what: string,
  command: readonly string[],
  action: (id: string) => Promise<{ value: T; exitCode: number | null; artifacts: readonly Artifact[]; inputs?: readonly string[] }>,
): Promise<T & { readonly run_id: string }> {
  const id = log.nextId(label);
  const started = new Date();
  const begin = performance.now();
  const { value, exitCode, artifacts, inputs = [] } = await action(id);
  log.records.push({ id, what, command, started_at: started.toISOString(), duration_ms: Math.round(performance.now() - begin), exit_code: exitCode, inputs, artifacts });
  return { ...value, run_id: id };
}
