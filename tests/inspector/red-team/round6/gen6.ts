import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHostilePacket, type HostileSpec } from '../packet-gen.js';
import { runInProcess, type RunResult } from '../run.js';

/**
 * Round 6 (rt-packets6): packets from the earlier red team's independent generator (../packet-gen.ts,
 * hashes computed from SPEC §1), inspected through the unsandboxed entry the benchmark uses.
 */
const root = mkdtempSync(path.join(tmpdir(), 'tki-rt-round6-'));
// The sandbox runs as nobody: the packets must be readable by it.
chmodSync(root, 0o755);
let counter = 0;

export function roundRoot(): string {
  return root;
}

export function freshDir(label: string): string {
  counter += 1;
  const dir = path.join(root, `${String(counter)}-${label.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60)}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}

export function dossier(...lines: string[]): string {
  return `# DOS-RT-ROUND6\n\n${lines.join('\n')}\n`;
}

export interface Run6 extends RunResult {
  readonly outDir: string;
  readonly packetDir: string;
  readonly checkpointText: string | undefined;
}

export function readCheckpoint(outDir: string): string | undefined {
  const name = existsSync(outDir) ? readdirSync(outDir).find((file) => file.startsWith('checkpoint-')) : undefined;
  return name === undefined ? undefined : readFileSync(path.join(outDir, name), 'utf8');
}

export async function inspect6(spec: HostileSpec, label: string): Promise<Run6> {
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  writeHostilePacket(packetDir, spec);
  const outDir = path.join(dir, 'out');
  const result = await runInProcess(packetDir, outDir);
  return { ...result, outDir, packetDir, checkpointText: readCheckpoint(outDir) };
}

export function flagsOf6(result: RunResult): string[] {
  return [...new Set((result.report?.flags as string[] | undefined) ?? [])].sort();
}

export function summary(result: RunResult): string {
  return `${result.verdict} (exit ${String(result.exitCode)}) [${flagsOf6(result).join(',')}]`;
}
