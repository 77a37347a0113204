/**
 * Findings of one kind are one report entry (issue 13, round 9): how many there are, the first
 * `maxListed` locations, and how many were not listed. A dossier of 5,000 "exit 0." paragraphs
 * then costs the report a bounded entry per kind, not ≈ 47 bytes per packet byte; the count stays
 * exact and the first locations say where to look.
 */
export interface FindingGroup<Location> {
  readonly count: number;
  readonly not_listed: number;
  readonly listed: Location[];
}

/** Groups `entries` by `keyOf`, in first-seen order; each group keeps its first `maxListed` locations. */
export function groupFindings<Entry, Head extends object, Location>(
  entries: readonly Entry[],
  keyOf: (entry: Entry) => string,
  headOf: (entry: Entry) => Head,
  locationOf: (entry: Entry) => Location,
  maxListed: number,
): (Head & FindingGroup<Location>)[] {
  const groups = new Map<string, { head: Head; count: number; listed: Location[] }>();
  for (const entry of entries) {
    const key = keyOf(entry);
    let group = groups.get(key);
    if (group === undefined) {
      group = { head: headOf(entry), count: 0, listed: [] };
      groups.set(key, group);
    }
    group.count += 1;
    if (group.listed.length < maxListed) group.listed.push(locationOf(entry));
  }
  return [...groups.values()].map(({ head, count, listed }) => ({ ...head, count, not_listed: count - listed.length, listed }));
}
