/**
 * "Not host root" (SPEC §6 L3) from /proc/self/uid_map and the status Uid line. Each map line is
 * `inside outside count`; an id with no line is unmapped (the kernel shows it as the overflow uid).
 * Read from inside, `outside` is the id in the parent user namespace: with bwrap's single user
 * namespace (the launcher keeps it single: no devpts), and with rootful podman, that parent is the
 * host's. Returns the host ids of the real, effective, saved and filesystem uids, or undefined
 * when the text is not a map.
 */
export function hostUids(uidMap: string, statusUidLine: string): { ids: number[]; host: Array<number | undefined> } | undefined {
  const ranges: Array<[number, number, number]> = [];
  for (const line of uidMap.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.trim().split(/\s+/).map(Number);
    if (fields.length !== 3 || fields.some((value) => !Number.isSafeInteger(value) || value < 0)) return undefined;
    ranges.push(fields as [number, number, number]);
  }
  const ids = statusUidLine.trim().split(/\s+/).map(Number);
  if (ranges.length === 0 || ids.length !== 4 || ids.some((value) => !Number.isSafeInteger(value))) return undefined;
  const host = ids.map((id) => {
    const range = ranges.find(([inside, , count]) => id >= inside && id < inside + count);
    return range === undefined ? undefined : range[1] + (id - range[0]);
  });
  return { ids, host };
}

/** The status file's `Uid:` line (real, effective, saved, filesystem). */
export function statusUidLine(status: string): string | undefined {
  return status.split('\n').find((line) => line.startsWith('Uid:'))?.slice(4);
}
