import { Parser } from 'commonmark';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHostilePacket, type HostileSpec } from '../packet-gen.js';
import { runCli, runInProcess, type RunResult } from '../run.js';

/**
 * Round 9 (rt-packets9): packets from the red team's independent generator (../packet-gen.ts, hashes
 * computed from SPEC §1), inspected through the unsandboxed entry the benchmark uses or `tki run`.
 */
const root = mkdtempSync(path.join(tmpdir(), 'tki-rt-round9-'));
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
  return `# DOS-RT-ROUND9\n\n${lines.join('\n')}\n`;
}

export interface Run9 extends RunResult {
  readonly outDir: string;
  readonly packetDir: string;
}

export async function inspect9(spec: HostileSpec, label: string): Promise<Run9> {
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  writeHostilePacket(packetDir, spec);
  const outDir = path.join(dir, 'out');
  const result = await runInProcess(packetDir, outDir);
  return { ...result, outDir, packetDir };
}

/** `tki run` (bubblewrap) on a fresh packet. */
export function tkiRun9(spec: HostileSpec, label: string): Run9 {
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  writeHostilePacket(packetDir, spec);
  const outDir = path.join(dir, 'out');
  return { ...runCli(packetDir, outDir), outDir, packetDir };
}

export function flagsOf9(result: RunResult): string[] {
  return [...new Set((result.report?.flags as string[] | undefined) ?? [])].sort();
}

export function summary9(result: RunResult): string {
  return `${result.verdict} (exit ${String(result.exitCode)}) [${flagsOf9(result).join(',')}]`;
}

/**
 * What keeps a run from answering as the ASCII prose-only pass does (READ_LEVEL_FAIL, exit 1,
 * FLAG_PROSE_ONLY_PASS), for a judge; undefined when it answers so. Every round's `tki run` checks
 * (the control twin and each look-alike) ask this one question.
 */
export function unlikeFlaggedPass(result: RunResult & { line: string; stderr: string }): string | undefined {
  if (result.exitCode === 1 && flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS')) return undefined;
  return `${summary9(result)}: ${result.line.slice(0, 200)} ${result.stderr.slice(0, 300)}`;
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

/** The ASCII twin's run, inspected once per text (look-alike checks compare each variant with it). */
const twins = new Map<string, Promise<Run9>>();
export function twinOf(text: string): Promise<Run9> {
  let run = twins.get(text);
  if (run === undefined) {
    run = inspect9({ dossierText: dossier(text) }, 'twin');
    twins.set(text, run);
  }
  return run;
}

/** Text a CommonMark reader sees outside code spans and code blocks (what reads as tki's own words); blocks end a line. */
export function unquotedText(markdown: string): string {
  const walker = new Parser().parse(markdown).walker();
  let text = '';
  for (let event = walker.next(); event !== null; event = walker.next()) {
    if (event.entering && event.node.type === 'text') text += event.node.literal ?? '';
    if (event.entering && event.node.type === 'code') text += ' ';
    if (!event.entering && ['paragraph', 'heading', 'item'].includes(event.node.type)) text += '\n';
  }
  return text;
}

const CLI = path.resolve(import.meta.dirname, '../../../../dist/cli/tki.js');
export const FIXTURE = path.resolve(import.meta.dirname, '../../../../fixtures/packets/fix7-a');

/** `tki run …` as an operator types it: exit status and everything printed. */
export function tki(args: readonly string[], cwd?: string): { status: number | null; output: string } {
  const child = spawnSync(process.execPath, [CLI, 'run', ...args], { encoding: 'utf8', timeout: 120_000, cwd });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

/** A copy of the fixture packet the sandbox (another uid) can read, under a directory of the given name. */
export function fixtureCopy(label: string, name = 'pkt'): string {
  const dir = freshDir(label);
  const packet = path.join(dir, name);
  cpSync(FIXTURE, packet, { recursive: true });
  for (const entry of [packet, ...readdirSync(packet, { recursive: true }).map((file) => path.join(packet, String(file)))]) chmodSync(entry, 0o755);
  return packet;
}
