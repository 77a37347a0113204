/**
 * package.json `imports` / `exports` targets, resolved the way Node does for the `node`
 * condition: keys of a conditions object are tried in their written order and the first one
 * that is active wins; arrays are fallbacks; `*` patterns substitute once.
 */
export function conditionsFor(kind: string): ReadonlySet<string> {
  return new Set(['node', kind === 'require' ? 'require' : 'import', 'module-sync', 'default']);
}

function pickTarget(target: unknown, conditions: ReadonlySet<string>): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const candidate of target) {
      const picked = pickTarget(candidate, conditions);
      if (picked !== undefined) return picked;
    }
    return undefined;
  }
  if (typeof target === 'object' && target !== null) {
    for (const [key, value] of Object.entries(target)) {
      if (!conditions.has(key)) continue;
      const picked = pickTarget(value, conditions);
      if (picked !== undefined) return picked;
    }
  }
  return undefined;
}

/** The target of `request` (`#net`, `./sub`) in an `imports` or `exports` map, or undefined. */
export function matchSubpath(map: unknown, request: string, conditions: ReadonlySet<string>): string | undefined {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return undefined;
  const entries = map as Record<string, unknown>;
  if (Object.hasOwn(entries, request)) return pickTarget(entries[request], conditions);
  let best: { key: string; substitution: string } | undefined;
  for (const key of Object.keys(entries)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (!request.startsWith(prefix) || !request.endsWith(suffix) || request.length < key.length - 1) continue;
    // Node prefers the longest prefix.
    if (best === undefined || prefix.length > best.key.indexOf('*')) best = { key, substitution: request.slice(prefix.length, request.length - suffix.length) };
  }
  if (best === undefined) return undefined;
  const target = pickTarget(entries[best.key], conditions);
  return target?.replaceAll('*', best.substitution);
}
