/** The security-relevant lines of /proc/<pid>/task/<tid>/status. */
export interface ThreadSecurityStatus {
  readonly seccompMode: number | undefined;
  readonly seccompFilters: number | undefined;
  readonly noNewPrivs: number | undefined;
  /** CapInh, CapPrm, CapEff, CapBnd, CapAmb as hex strings. */
  readonly capabilities: Readonly<Record<string, string>>;
}

const CAPABILITY_FIELDS = ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb'] as const;

export function parseThreadStatus(text: string): ThreadSecurityStatus {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  const number = (name: string): number | undefined => {
    const value = fields.get(name);
    return value === undefined || !/^\d+$/.test(value) ? undefined : Number(value);
  };
  const capabilities: Record<string, string> = {};
  for (const name of CAPABILITY_FIELDS) {
    const value = fields.get(name);
    if (value !== undefined) capabilities[name] = value;
  }
  return { seccompMode: number('Seccomp'), seccompFilters: number('Seccomp_filters'), noNewPrivs: number('NoNewPrivs'), capabilities };
}

/** True only when all five capability sets are present and empty. */
export function hasNoCapabilities(status: ThreadSecurityStatus): boolean {
  return CAPABILITY_FIELDS.every((name) => {
    const value = status.capabilities[name];
    return value !== undefined && /^0+$/.test(value);
  });
}

/** Interface names from /proc/self/net/dev (two header lines, then `name: counters`). */
export function parseNetDev(text: string): string[] {
  return text
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0]?.trim() ?? '')
    .filter((name) => name !== '');
}
