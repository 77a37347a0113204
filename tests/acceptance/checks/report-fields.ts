import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ClaimReport, Report } from '../../../src/index.js';
import type { InspectView } from '../resources/inspect.js';

/** The report.json fields a reviewer needs for a row, copied from the real run. */
export function reportFields(view: InspectView): Record<string, unknown> {
  const report = view.report;
  const base = { run_id: view.run_id, via: view.via, packet: view.packet_path, exit_code: view.exit_code, out_files: view.out_files };
  if (report === undefined) return { ...base, report_problem: view.report_problem, stderr: view.stderr.slice(0, 400) };
  return {
    ...base,
    packet_id: report.packet.packet_id,
    final_verdict: report.final_verdict,
    article14_status: report.article14_status,
    triage_outcome: report.triage_outcome,
    flags: report.flags,
    items_usable: `${report.items_usable}/${report.items_total}`,
    inventory_complete: report.inventory_complete,
    blocked_reasons: report.blocked_reasons.map((reason) => `${reason.code} at ${reason.path}`),
    claims: report.claims.map((claim) => `${claim.claim_id} ${claim.claim_type} → ${claim.verdict}${claim.flags.length > 0 ? ` [${claim.flags.join(', ')}]` : ''}`),
  };
}

export function claimById(report: Report | undefined, id: string): ClaimReport | undefined {
  return report?.claims.find((claim) => claim.claim_id === id);
}

export function claimsOfType(report: Report | undefined, types: readonly string[]): ClaimReport[] {
  return report?.claims.filter((claim) => types.includes(claim.claim_type)) ?? [];
}

export const EXECUTION_CLASS = ['EXECUTABLE_RUNS', 'EXECUTION_RESULT', 'HASH_REPRODUCED', 'PROSE_PASS_ASSERTION'] as const;

/** The claims whose dossier entry cites `itemId` (read from the packet itself, not from the report). */
export function dependentClaimIds(packet: PacketJson, itemId: string): string[] {
  return packet.dossier.claims.filter((claim) => claim.evidence_refs.includes(itemId)).map((claim) => claim.claim_id);
}

export interface PacketJson {
  readonly packet_id: string;
  readonly allowed_surfaces: readonly string[];
  readonly dossier: { readonly claims: ReadonlyArray<{ readonly claim_id: string; readonly evidence_refs: readonly string[] }> };
  readonly items: ReadonlyArray<{ readonly item_id: string; readonly source_metadata?: Readonly<Record<string, unknown>>; readonly content_file?: string }>;
}

/** packet.json of a directory packet, or the single-file packet itself. */
export function readPacketJson(packetPath: string): PacketJson {
  const file = statSync(packetPath).isDirectory() ? path.join(packetPath, 'packet.json') : packetPath;
  return JSON.parse(readFileSync(file, 'utf8')) as PacketJson;
}
