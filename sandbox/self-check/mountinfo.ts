/** One line of /proc/self/mountinfo, the fields P1 and the attestation need. */
export interface MountEntry {
  readonly mountPoint: string;
  /** The root of the mount within its filesystem (for a bind mount: the host path bound). */
  readonly root: string;
  readonly readOnly: boolean;
  readonly fsType: string;
  readonly source: string;
}

/** mountinfo escapes space, tab, newline and backslash as octal (`\040`). */
function unescapeOctal(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/**
 * Parses `/proc/<pid>/mountinfo` (proc(5)): `id parent major:minor root mountpoint options
 * [optional...] - fstype source superoptions`. A line that does not fit is returned as an error
 * so that P1 reports the table as unverifiable instead of skipping it.
 */
export function parseMountInfo(text: string): { ok: true; entries: MountEntry[] } | { ok: false; line: string } {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.split(' ');
    const separator = fields.indexOf('-');
    const root = fields[3];
    const mountPoint = fields[4];
    const options = fields[5];
    const fsType = fields[separator + 1];
    const source = fields[separator + 2];
    if (separator < 6 || root === undefined || mountPoint === undefined || options === undefined || fsType === undefined || source === undefined) {
      return { ok: false, line };
    }
    entries.push({
      mountPoint: unescapeOctal(mountPoint),
      root: unescapeOctal(root),
      readOnly: options.split(',').includes('ro'),
      fsType,
      source: unescapeOctal(source),
    });
  }
  return { ok: true, entries };
}

/** The table as short lines for evidence: `<mount point> <ro|rw> <fstype> <root>`. */
export function describeMounts(entries: readonly MountEntry[]): string[] {
  return entries.map((entry) => `${entry.mountPoint} ${entry.readOnly ? 'ro' : 'rw'} ${entry.fsType} ${entry.root}`);
}
