import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHostilePacket, type HostileItem, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { runInProcess, type RunResult } from '../run.js';

/**
 * Round 4 (rt-packets4): packet shapes built on the earlier red team's independent generator
 * (../packet-gen.ts, hashes from SPEC §1), plus the few items every round-4 attack needs.
 */
export const SUBJECT = 'tools/canon.py';
export const PIN = 'a'.repeat(64);
export const OTHER_HASH = 'b'.repeat(64);

export function listingItem(entries: string, itemId = 'listing'): HostileItem {
  return { item_id: itemId, kind: 'ARTIFACT_LISTING', path: 'tools/', media_type: 'text/plain', surface: 'pg:dot_tools', content: entries };
}

export function recordItem(kind: string, content: string, itemId: string, extra: Partial<HostileItem> = {}): HostileItem {
  return { item_id: itemId, kind, path: `runs/${itemId}.log`, media_type: 'text/plain', surface: 'pg:dot_tools', content, ...extra };
}

export function claim(claimId: string, claimType: string, text: string, refs: readonly string[], subject: string | undefined = SUBJECT): JsonObject {
  return { claim_id: claimId, text, claim_type: claimType, ...(subject === undefined ? {} : { subject }), evidence_refs: [...refs] };
}

export function dossier(...lines: string[]): string {
  return `# DOS-RT-ROUND4\n\n${lines.join('\n')}\n`;
}

const root = mkdtempSync(path.join(tmpdir(), 'tki-rt-round4-'));
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
  return dir;
}

/** Write the packet (optionally rewriting packet.json's text) and inspect it unsandboxed. */
export interface Run4 extends RunResult {
  readonly outDir: string;
  readonly packetDir: string;
  /** checkpoint-<name>.md, which ../run.ts does not read. */
  readonly checkpointText: string | undefined;
}

export function readCheckpoint(outDir: string): string | undefined {
  const name = existsSync(outDir) ? readdirSync(outDir).find((file) => file.startsWith('checkpoint-')) : undefined;
  return name === undefined ? undefined : readFileSync(path.join(outDir, name), 'utf8');
}

export async function inspect4(spec: HostileSpec, label: string, options: { edit?: (text: string) => string; limits?: Record<string, number> } = {}): Promise<Run4> {
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  writeHostilePacket(packetDir, spec);
  if (options.edit !== undefined) {
    const file = path.join(packetDir, 'packet.json');
    writeFileSync(file, options.edit(readFileSync(file, 'utf8')));
  }
  const outDir = path.join(dir, 'out');
  const result = await runInProcess(packetDir, outDir, options.limits ?? {});
  return { ...result, outDir, packetDir, checkpointText: readCheckpoint(outDir) };
}

export function verdictOf(result: RunResult, claimId: string): string {
  const claims = (result.report?.claims as JsonObject[] | undefined) ?? [];
  return String(claims.find((entry) => entry.claim_id === claimId)?.verdict ?? 'none');
}

export function flagsOf4(result: RunResult): string[] {
  return [...new Set(((result.report?.flags as string[] | undefined) ?? []))].sort();
}
