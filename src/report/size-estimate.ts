import type { InspectionResult } from '../pipeline/result.js';
import { echoedPath, listedEvidence } from './build.js';

/**
 * A lower bound of report.json's compact size, from the decided result alone: no object is built
 * and nothing is serialized. A packet whose report cannot fit maxReportBytes is refused before the
 * report is built, linted, checked and serialized (issue 13, round 4: a 277 KB packet spent 6 s CPU
 * and 934 MiB building a report only to be refused for its size).
 *
 * Only a lower bound may refuse: each string counts its length once per place it is echoed (JSON
 * escaping only adds), each record counts less than its keys and non-gating stamps alone take
 * (a claim's record with no evidence is over 1,000 bytes; a group of steps 4 and 5 over 100 each;
 * an item of `evidence_items` over 100), and report.md and the checkpoint count nothing. A listed
 * item's id is in both steps' groups; an item's path, surface and problems are in evidence_items once.
 */
const CLAIM_RECORD_MIN_BYTES = 700;
const GROUP_RECORD_MIN_BYTES = 100;
const EVIDENCE_ITEM_MIN_BYTES = 100;

export function reportJsonLowerBound(result: InspectionResult): number {
  const surfaces = result.header?.allowed_surfaces ?? [];
  let scope = (result.summary.packet_id?.length ?? 0) + (result.summary.packet_as_of?.length ?? 0);
  for (const surface of surfaces) scope += surface.length;
  let total = 0;
  const items = new Set<string>();
  for (const { claim, evidence, adequacy } of result.claims) {
    total += CLAIM_RECORD_MIN_BYTES + scope + 2 * claim.claim_id.length + claim.text.length + (claim.subject?.length ?? 0);
    for (const reason of adequacy.reasons) total += reason.length;
    let listed = 0;
    for (const entry of listedEvidence(evidence)) {
      if (!entry.resolved) continue;
      listed += 1;
      total += 2 * (entry.item_id.length + 2);
      if (items.has(entry.item_id)) continue;
      items.add(entry.item_id);
      total += EVIDENCE_ITEM_MIN_BYTES + entry.item_id.length + (echoedPath(entry.path)?.length ?? 0) + (entry.governed_surface?.length ?? 0);
      for (const problem of entry.problems) total += problem.length;
      for (const quote of entry.problem_quotes ?? []) total += quote?.length ?? 0;
    }
    if (listed > 0) total += 2 * GROUP_RECORD_MIN_BYTES;
  }
  return total;
}
