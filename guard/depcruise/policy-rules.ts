import {
  BUILTIN_MEMBER_ROWS,
  BUILTIN_MODULE_ROWS,
  CAPABILITIES,
  PACKAGE_ROWS,
  globToRegExp,
  type Action,
  type Capability,
  type PolicyConfig,
} from '../../policy/index.js';

/**
 * dependency-cruiser rules derived from the policy, never written by hand: one rule per set of
 * capabilities that builtins (or known packages) carry, forbidding them from every file that
 * holds none of those capabilities. dependency-cruiser sees modules, not members, so:
 *  - a file holding any capability of the set may import the module (the guard checks members);
 *  - builtins with pure members (`fs.constants`, `module.isBuiltin`, `worker_threads.isMainThread`)
 *    get no module rule at all: importing them is not yet a capability, only the detector can tell;
 *  - inside the inspector, file access is granted by declared actions, which only the analysis
 *    sees: `.dependency-cruiser.cjs` carries a hand-written layering rule for it, and the pure
 *    rules here carve inspector files out of file-only groups.
 */
export interface DepcruiseRule {
  readonly name: string;
  readonly severity: 'error';
  readonly comment: string;
  readonly from: { readonly path?: string | readonly string[]; readonly pathNot?: readonly string[] };
  readonly to: Readonly<Record<string, unknown>>;
}

/** Every generated rule's name starts with this; hand-written layering rules never do. */
export const POLICY_RULE_PREFIX = 'from-policy-';

/** Files that hold capabilities through declared actions (the inspector's edge modules). */
export type ActionHolders = Readonly<Partial<Record<Action, readonly string[]>>>;

const FILE_CAPABILITIES: readonly Capability[] = ['FILES_READ', 'FILES_WRITE'];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const kebab = (capabilities: readonly Capability[]): string => capabilities.map((capability) => capability.toLowerCase().replaceAll('_', '-')).join('+');

function groupBy<T>(items: readonly T[], capabilitiesOf: (item: T) => readonly Capability[]): Map<string, { capabilities: Capability[]; items: T[] }> {
  const groups = new Map<string, { capabilities: Capability[]; items: T[] }>();
  for (const item of items) {
    const capabilities = [...capabilitiesOf(item)].sort();
    if (capabilities.length === 0) continue;
    const key = capabilities.join(',');
    const group = groups.get(key) ?? { capabilities, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** Path patterns (as dependency-cruiser regexes) of the files a grant lets hold one of `capabilities`. */
function grantedFiles(capabilities: readonly Capability[], policy: PolicyConfig): string[] {
  const patterns = new Set<string>();
  for (const grant of policy.grants) {
    if (grant.capabilities.some((capability) => capabilities.includes(capability))) for (const glob of grant.files) patterns.add(globToRegExp(glob).source);
  }
  return [...patterns].sort();
}

function describe(capabilities: readonly Capability[]): string {
  return capabilities.map((capability) => `${capability}: ${CAPABILITIES[capability]}`).join(' ');
}

/**
 * Grants never apply to inspector files (policy/capability-map.ts): outside the inspector a grant
 * exempts a file; inside it nothing does, except actions for file access (see above).
 */
function rulesFor(name: string, comment: string, capabilities: readonly Capability[], to: DepcruiseRule['to'], policy: PolicyConfig): DepcruiseRule[] {
  const inspector = policy.inspectorFiles.map((glob) => globToRegExp(glob).source);
  const outside: DepcruiseRule = { name, severity: 'error', comment, from: { pathNot: [...grantedFiles(capabilities, policy), ...inspector] }, to };
  const fileOnly = capabilities.every((capability) => FILE_CAPABILITIES.includes(capability));
  if (inspector.length === 0 || fileOnly) return [outside];
  const inside: DepcruiseRule = { name: `${name}-in-inspector`, severity: 'error', comment: `${comment} Inspector code never holds it.`, from: { path: inspector }, to };
  return [outside, inside];
}

/** Builtins whose members include a pure one: only the member-precise detector can judge them. */
function hasPureMembers(specifier: string): boolean {
  return BUILTIN_MEMBER_ROWS.some((row) => row.specifier === specifier && row.capabilities.length === 0);
}

export function policyRules(policy: PolicyConfig): DepcruiseRule[] {
  const rules: DepcruiseRule[] = [];
  const builtins = BUILTIN_MODULE_ROWS.filter((row) => !hasPureMembers(row.specifier));
  for (const { capabilities, items } of groupBy(builtins, (row) => row.capabilities).values()) {
    const names = items.map((row) => escapeRegExp(row.specifier.slice('node:'.length)));
    const comment = `Builtins that reach ${capabilities.join(' + ')}; only files that hold one of them may import these. ${describe(capabilities)}`;
    const to = { dependencyTypes: ['core'], path: `^(?:node:)?(?:${names.join('|')})$` };
    rules.push(...rulesFor(`${POLICY_RULE_PREFIX}core-${kebab(capabilities)}`, comment, capabilities, to, policy));
  }
  for (const { capabilities, items } of groupBy(PACKAGE_ROWS, (row) => row.capabilities).values()) {
    const names = items.map((row) => (row.name.endsWith('/*') ? `${escapeRegExp(row.name.slice(0, -2))}/[^/]+` : escapeRegExp(row.name)));
    const comment = `Known packages that reach ${capabilities.join(' + ')}; only files that hold one of them may import these. ${describe(capabilities)}`;
    const to = { path: `(?:^|node_modules/)(?:${names.join('|')})(?:/|$)` };
    rules.push(...rulesFor(`${POLICY_RULE_PREFIX}package-${kebab(capabilities)}`, comment, capabilities, to, policy));
  }
  if (policy.packages.deny === 'unlisted') {
    const allowed = policy.packages.allow.map(escapeRegExp);
    const comment = `The policy denies every package that is not on its allow list. UNKNOWN_PACKAGE: ${CAPABILITIES.UNKNOWN_PACKAGE}`;
    const to = { path: '(?:^|/)node_modules/', ...(allowed.length === 0 ? {} : { pathNot: `(?:^|/)node_modules/(?:${allowed.join('|')})/` }) };
    rules.push(...rulesFor(`${POLICY_RULE_PREFIX}package-not-allowed`, comment, ['UNKNOWN_PACKAGE'], to, policy));
  }
  return rules;
}
