import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildHostilePacket, type HostileSpec, type JsonObject } from '../packet-gen.js';

/** Helpers for round 20's `tki run` checks (the operator's command, bubblewrap). */
export const CLI = path.resolve(import.meta.dirname, '../../../../dist/cli/tki.js');
export const STACK_TRACE = /\n\s+at .+:\d+:\d+|node:internal|Error: .*\n\s+at /;

export interface Typed {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly output: string;
}

/** `tki run …` with the given arguments (strings, or raw bytes through a shell when a Buffer). */
export function tkiRun(args: readonly string[], cwd?: string, timeout = 150_000): Typed {
  const child = spawnSync(process.execPath, [CLI, 'run', ...args], { encoding: 'utf8', timeout, cwd, maxBuffer: 64 * 1024 * 1024 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, output: `${child.stdout}${child.stderr}` };
}

/** `tki run` through bash, so an argument can hold bytes that are not UTF-8 (`$'\xff'`). */
export function tkiRunShell(script: string, cwd?: string): Typed {
  const child = spawnSync('bash', ['-c', `exec "${process.execPath}" "${CLI}" run ${script}`], { encoding: 'utf8', timeout: 150_000, cwd });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, output: `${child.stdout}${child.stderr}` };
}

/** The generated packet as one .json file (every content inline) at `file`; returns its text. */
export function writeSingleFilePacket(file: string, spec: HostileSpec): string {
  const { packet, files } = buildHostilePacket(spec);
  for (const item of packet.items as JsonObject[]) {
    if (typeof item.content_file === 'string') {
      item.content = String(files.get(item.content_file));
      delete item.content_file;
    }
  }
  const text = JSON.stringify(packet);
  writeFileSync(file, text);
  chmodSync(file, 0o644);
  return text;
}

/** Every entry under dir, with its kind and (for files) its bytes: what a run must leave alone. */
export function snapshot(dir: string): string {
  if (!existsSync(dir)) return '(none)';
  return readdirSync(dir, { recursive: true }).map(String).sort().map((name) => {
    const entry = path.join(dir, name);
    const stat = lstatSync(entry);
    if (stat.isSymbolicLink()) return `${name}@`;
    if (stat.isDirectory()) return `${name}/`;
    return `${name}=${readFileSync(entry).toString('base64').slice(0, 64)}:${String(stat.size)}`;
  }).join(',');
}

/** Problems of a run that must be refused (exit 3, no stack trace) with `watched` left as it was. */
export function refusedLeaving(run: Typed, watched: readonly string[], before: readonly string[]): string[] {
  const problems: string[] = [];
  if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
  if (STACK_TRACE.test(run.output)) problems.push(`a stack trace: ${JSON.stringify(run.output.slice(0, 200))}`);
  watched.forEach((dir, index) => {
    if (snapshot(dir) !== before[index]) problems.push(`${path.basename(dir)} changed: ${snapshot(dir).slice(0, 160)}`);
  });
  if (problems.length > 0) problems.push(JSON.stringify(run.output.slice(0, 240)));
  return problems;
}
