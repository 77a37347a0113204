import {
  ACTIONS,
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
 * holds none of those capabilities. dependency-cruiser sees modules, not members, so a file
 * holding any capability of the set may import the module; the guard checks members precisely.
 */
export interface DepcruiseRule {
  readonly name: string;
  readonly severity: 'error';
  readonly comment: string;
  readonly from: { readonly path?: string | readonly string[]; readonly pathNot?: readonly string[] };
  readonly to: Readonly<Record<string, unknown>>;
}

/** Files that hold capabilities through declared actions (the inspector's edge modules). */
export type ActionHolders = Readonly<Partial<Record<Action, readonly string[]>>>;

/** Every generated rule's name starts with this; hand-written layering rules never do. */
export const POLICY_RULE_PREFIX = 'from-policy-';

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

/** Path patterns (as dependency-cruiser regexes) of every file that holds one of `capabilities`. */
function holdersOf(capabilities: readonly Capability[], policy: PolicyConfig, holders: ActionHolders): string[] {
  const patterns = new Set<string>();
  for (const grant of policy.grants) {
    if (!grant.capabilities.some((capability) => capabilities.includes(capability))) continue;
    // Grants never apply to inspector files (policy/capability-map.ts), so they are carved out here too.
    for (const glob of grant.files) patterns.add(globToRegExp(glob).source);
  }
  for (const [action, files] of Object.entries(holders) as Array<[Action, readonly string[]]>) {
    if (capabilities.includes(ACTIONS[action].grants)) for (const file of files) patterns.add(`^${escapeRegExp(file)}$`);
  }
  return [...patterns].sort();
}

function describe(capabilities: readonly Capability[]): string {
  return capabilities.map((capability) => `${capability}: ${CAPABILITIES[capability]}`).join(' ');
}

/**
 * Two rules per group when the policy names inspector files, because grants never apply there:
 * outside the inspector a grant or an action exempts a file; inside it only an action does.
 */
function rulesFor(name: string, comment: string, capabilities: readonly Capability[], to: DepcruiseRule['to'], policy: PolicyConfig, holders: ActionHolders): DepcruiseRule[] {
  const inspector = policy.inspectorFiles.map((glob) => globToRegExp(glob).source);
  const actionHolders = holdersOf(capabilities, { ...policy, grants: [] }, holders);
  const outside: DepcruiseRule = { name, severity: 'error', comment, from: { pathNot: [...holdersOf(capabilities, policy, holders), ...inspector] }, to };
  if (inspector.length === 0) return [outside];
  const inside: DepcruiseRule = { name: `${name}-in-inspector`, severity: 'error', comment: `${comment} Inside the inspector only a declared action grants it.`, from: { path: inspector, pathNot: actionHolders }, to };
  return [outside, inside];
}

export function policyRules(policy: PolicyConfig, holders: ActionHolders): DepcruiseRule[] {
  const rules: DepcruiseRule[] = [];
  for (const { capabilities, items } of groupBy(BUILTIN_MODULE_ROWS, (row) => row.capabilities).values()) {
    const names = items.map((row) => escapeRegExp(row.specifier.slice('node:'.length)));
    const comment = `Builtins that reach ${capabilities.join(' + ')}; only files that hold one of them may import these. ${describe(capabilities)}`;
    const to = { dependencyTypes: ['core'], path: `^(?:node:)?(?:${names.join('|')})$` };
    rules.push(...rulesFor(`${POLICY_RULE_PREFIX}core-${kebab(capabilities)}`, comment, capabilities, to, policy, holders));
  }
  for (const { capabilities, items } of groupBy(PACKAGE_ROWS, (row) => row.capabilities).values()) {
    const names = items.map((row) => (row.name.endsWith('/*') ? `${escapeRegExp(row.name.slice(0, -2))}/[^/]+` : escapeRegExp(row.name)));
    const comment = `Known packages that reach ${capabilities.join(' + ')}; only files that hold one of them may import these. ${describe(capabilities)}`;
    const to = { path: `(?:^|node_modules/)(?:${names.join('|')})(?:/|$)` };
    rules.push(...rulesFor(`${POLICY_RULE_PREFIX}package-${kebab(capabilities)}`, comment, capabilities, to, policy, holders));
  }
  if (policy.packages.deny === 'unlisted') {
    const allowed = policy.packages.allow.map(escapeRegExp);
    const comment = `The policy denies every package that is not on its allow list. UNKNOWN_PACKAGE: ${CAPABILITIES.UNKNOWN_PACKAGE}`;
    const to = { path: '(?:^|/)node_modules/', ...(allowed.length === 0 ? {} : { pathNot: `(?:^|/)node_modules/(?:${allowed.join('|')})/` }) };
    rules.push(...rulesFor(`${POLICY_RULE_PREFIX}package-not-allowed`, comment, ['UNKNOWN_PACKAGE'], to, policy, holders));
  }
  return rules;
}
