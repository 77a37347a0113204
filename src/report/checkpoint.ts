import { markdownValue } from '../text/escape.js';
import { isUsed, itemIdsWhere } from './evidence-groups.js';
import { NO_MUTATION_STATEMENT } from './disclaimer.js';
import type { Report } from './schema.js';

/** `<name>` of checkpoint-<name>.md: lower-case letters, digits and `-` only, never empty. */
export function sanitizeCheckpointName(name: string | undefined): string {
  const cleaned = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64)
    .replace(/-$/, '');
  return cleaned === '' ? 'inspection' : cleaned;
}

/** A short summary: at most this many evidence items are named (a packet may hold 250,000). */
const LISTED_EVIDENCE = 50;

/** checkpoint-<name>.md: what was inspected, the verdict, the evidence used, the no-mutation statement. */
export function renderCheckpoint(report: Report): string {
  // Every packet-supplied value is quoted as a code span (markdownValue): none reads as tki's words.
  const text = (value: string | null): string => markdownValue(value, 120);
  const used = [...new Set(report.claims.flatMap((claim) => itemIdsWhere(claim, isUsed)))];
  return [
    `# Checkpoint: ${report.final_verdict}`,
    '',
    `- Inspected: dossier ${text(report.dossier.document_id)} (revision ${text(report.dossier.revision)}) in packet ${text(report.packet.packet_id)} as of ${text(report.packet.packet_as_of)}`,
    `- Verdict: \`${report.final_verdict}\`, \`${report.article14_status}\`, \`${report.triage_outcome}\``,
    `- Claims: ${report.claims.length}; flags: ${report.flags.length === 0 ? 'none' : report.flags.join(', ')}`,
    `- Evidence used: ${used.length === 0 ? 'none' : used.slice(0, LISTED_EVIDENCE).map((id) => text(id)).join(', ')}${used.length > LISTED_EVIDENCE ? `, … and ${used.length - LISTED_EVIDENCE} more items (report.json lists each claim's evidence)` : ''}`,
    `- ${NO_MUTATION_STATEMENT}`,
    '',
  ].join('\n');
}
