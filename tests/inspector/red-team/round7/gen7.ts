import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHostilePacket, type HostileSpec } from '../packet-gen.js';
import { runInProcess, type RunResult } from '../run.js';

/**
 * Round 7 (rt-packets7): packets from the red team's independent generator (../packet-gen.ts, hashes
 * computed from SPEC §1), inspected through the unsandboxed entry the benchmark uses.
 */
const root = mkdtempSync(path.join(tmpdir(), 'tki-rt-round7-'));
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
  return `# DOS-RT-ROUND7\n\n${lines.join('\n')}\n`;
}

export interface Run7 extends RunResult {
  readonly outDir: string;
  readonly packetDir: string;
}

export async function inspect7(spec: HostileSpec, label: string): Promise<Run7> {
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  writeHostilePacket(packetDir, spec);
  const outDir = path.join(dir, 'out');
  const result = await runInProcess(packetDir, outDir);
  return { ...result, outDir, packetDir };
}

export function flagsOf7(result: RunResult): string[] {
  return [...new Set((result.report?.flags as string[] | undefined) ?? [])].sort();
}

export function summary(result: RunResult): string {
  return `${result.verdict} (exit ${String(result.exitCode)}) [${flagsOf7(result).join(',')}]`;
}

/** Bytes of every file under dir (the packet, or the three reports). */
export function bytesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const name of readdirSync(dir)) {
    const entry = path.join(dir, name);
    total += statSync(entry).isDirectory() ? bytesUnder(entry) : statSync(entry).size;
  }
  return total;
}

export function readText(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
