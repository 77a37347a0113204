import { DEFAULT_LIMITS } from '../pipeline/limits.js';
import { markdownValue, ownNotationEscaped } from '../text/escape.js';
import { digestClaims, type ClaimsDigest } from './claims-digest.js';
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

/** checkpoint-<name>.md of a report held whole. */
export function renderCheckpoint(report: Report, maxListed = DEFAULT_LIMITS.maxListedClaims): string {
  return renderCheckpointOf(report, digestClaims(report, maxListed));
}

/**
 * checkpoint-<name>.md: what was inspected, the verdict, the evidence used (the digest names the
 * first LISTED_DIGEST_ENTRIES of the distinct items claims rest on; a packet may hold 250,000), the
 * no-mutation statement. `report.claims` is not read.
 */
export function renderCheckpointOf(report: Omit<Report, 'claims'>, digest: ClaimsDigest): string {
  // Every packet-supplied value is quoted as a code span (markdownValue): none reads as tki's words;
  // free text enters tki's notation here, once (choices 82), ids cannot hold a `{`.
  const text = (value: string | null): string => markdownValue(value, 120);
  const used = digest.usedItems;
  return [
    `# Checkpoint: ${report.final_verdict}`,
    '',
    `- Inspected: dossier ${text(report.dossier.document_id)} (revision ${text(ownNotationEscaped(report.dossier.revision))}) in packet ${text(report.packet.packet_id)} as of ${text(ownNotationEscaped(report.packet.packet_as_of))}`,
    `- Verdict: \`${report.final_verdict}\`, \`${report.article14_status}\`, \`${report.triage_outcome}\``,
    `- Claims: ${digest.count}; flags: ${report.flags.length === 0 ? 'none' : report.flags.join(', ')}`,
    `- Evidence used: ${used.count === 0 ? 'none' : used.listed.map((id) => text(id)).join(', ')}${used.count > used.listed.length ? `, … and ${used.count - used.listed.length} more items (report.json lists each claim's evidence)` : ''}`,
    `- ${NO_MUTATION_STATEMENT}`,
    '',
  ].join('\n');
}
