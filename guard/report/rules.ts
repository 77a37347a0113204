import type { RuleId } from '../../analysis/syntax/index.js';
import type { GuardRuleId, ReportedRuleId } from '../types.js';
import { docAddress, ownRepositoryWebRoot } from './repository.js';

/**
 * Rule metadata for reports. SARIF `ruleId`s never change once published. A detector rule's
 * `short` text and `level` equal the ESLint rule's `meta.docs.description` and
 * `meta.docs.recommended` (tests/guard/sarif-rules.test.ts holds them equal), so the two
 * enforcers describe and select rules the same way.
 */
export type RuleLevel = 'recommended' | 'strict';

export const RULE_LEVELS: readonly RuleLevel[] = ['recommended', 'strict'];

export interface RuleMetadata {
  readonly short: string;
  /** What the rule protects and when it fires, for SARIF `fullDescription`. */
  readonly full: string;
  /** What to do about a finding. */
  readonly fix: string;
  /** `strict` rules run only at `--level strict` (the plugin's `configs.strict`). */
  readonly level: RuleLevel;
  /** GitHub code scanning's `security-severity` (0–10). */
  readonly severity: number;
  readonly tags: readonly string[];
  /** The rule's documentation: a path in the repository, with an anchor where it is a section. */
  readonly doc: string;
}

const GRANT_FIX = 'Remove the use, or move it to a module that holds the capability: in an application, grant it in `tki.policy.json` (`grants`: files, capabilities and a reason); in inspector code, declare the matching action in `allowedActions`.';

export const DETECTOR_RULES: Readonly<Record<RuleId, RuleMetadata>> = {
  'no-forbidden-capability': {
    short: 'Disallow modules, members and globals that reach a capability the file does not hold (network, exec, env, native, database, unknown packages, unanalyzable references).',
    full: 'A module imports a builtin or package, reads a member or uses a global that reaches a capability (NETWORK, EXEC, ENV, …) which neither a policy grant nor a declared action lets this file hold. Anything the analysis cannot follow is UNANALYZED and reported too.',
    fix: GRANT_FIX,
    level: 'recommended',
    severity: 8.0,
    tags: ['security', 'capability'],
    doc: 'docs/rules/no-forbidden-capability.md',
  },
  'allowed-actions': {
    short: 'Require a well-formed `allowedActions` declaration inside the action universe, and file access only in modules whose declared action grants it.',
    full: 'File access (FILES_READ, FILES_WRITE) happens only in modules that hold it; `allowedActions` declarations are string literals inside the action universe.',
    fix: GRANT_FIX,
    level: 'recommended',
    severity: 6.5,
    tags: ['security', 'capability', 'filesystem'],
    doc: 'docs/rules/allowed-actions.md',
  },
  'no-dynamic-code': {
    short: 'Disallow code compiled or loaded at run time: `eval`, the `Function` family, `vm`, string timers, Worker `eval`, `data:` imports and computed module names.',
    full: 'Code compiled or a module chosen at run time cannot be analyzed: it may reach any capability (DYNAMIC_CODE, UNANALYZED).',
    fix: 'Use static imports with literal specifiers and plain functions instead of compiling strings.',
    level: 'recommended',
    severity: 8.8,
    tags: ['security', 'dynamic-code'],
    doc: 'docs/rules/no-dynamic-code.md',
  },
  'no-exit-zero': {
    short: 'Disallow `process.exit(0)`, `process.exit()` and `process.exitCode = 0`, so that no guarded process ends with exit code 0 by accident.',
    full: 'A process whose exit code carries a verdict must never end with 0 by accident; only the strict level checks this.',
    fix: 'Derive a non-zero exit code from the verdict and set `process.exitCode` to it.',
    level: 'strict',
    severity: 4.0,
    tags: ['correctness', 'exit-code'],
    doc: 'docs/rules/no-exit-zero.md',
  },
  'no-positive-verdict-token': {
    short: 'Disallow positive verdict tokens (`PASS` and the others SPEC §4 forbids) in inspector code.',
    full: 'Inspector code (the policy\'s `inspectorFiles`) never carries a positive verdict token such as `PASS`.',
    fix: 'Use a scoped verdict such as `NO_READ_LEVEL_DEFECT_FOUND` or `UNVERIFIED`.',
    level: 'strict',
    severity: 3.0,
    tags: ['inspector', 'wording'],
    doc: 'docs/rules/no-positive-verdict-token.md',
  },
  'no-raw-sql': {
    short: 'Disallow SQL statement text in string literals of inspector code.',
    full: 'Inspector code never queries a database, so SQL statement text in its strings is a defect.',
    fix: 'Read the exported evidence packet instead of querying.',
    level: 'strict',
    severity: 5.0,
    tags: ['inspector', 'database'],
    doc: 'docs/rules/no-raw-sql.md',
  },
  'no-global-denial-wording': {
    short: 'Disallow string literals in inspector code that assert global absence (such as "does not exist" or "absent everywhere").',
    full: 'Inspector output may only deny within the packet\'s scope, never globally.',
    fix: 'Say that something is not evidenced in the packet\'s allowed surfaces as of its export.',
    level: 'strict',
    severity: 2.0,
    tags: ['inspector', 'wording'],
    doc: 'docs/rules/no-global-denial-wording.md',
  },
};

export const GUARD_RULES: Readonly<Record<GuardRuleId, RuleMetadata>> = {
  'transitive-capability': {
    short: 'A module reaches, through its imports, a capability it does not hold.',
    full: 'A capability flows from a module to its importers until a module that holds it (a grant or a declared action) contains it; every module on the way that does not hold it is reported, with the shortest witness path.',
    fix: `${GRANT_FIX} Granting the module that uses it directly contains the capability for every importer.`,
    level: 'recommended',
    severity: 7.5,
    tags: ['security', 'capability', 'whole-program'],
    doc: 'docs/guard.md#transitive-capability',
  },
  'cross-module-capability': {
    short: 'A module name, loader or global object handed across modules reaches a capability.',
    full: 'A module name held in a constant exported elsewhere, a loader that takes its module name from a caller, `globalThis`/`process` handed across modules, or a package.json `imports` subpath leads to a capability no single file shows.',
    fix: GRANT_FIX,
    level: 'recommended',
    severity: 7.5,
    tags: ['security', 'capability', 'whole-program'],
    doc: 'docs/guard.md#cross-module-capability',
  },
  'unresolved-module': {
    short: 'A relative or package.json-imports reference that resolves to no file.',
    full: 'What an unresolvable reference reaches is unknown, so it counts as UNANALYZED and flows like any capability.',
    fix: 'Fix the specifier, or add the missing file.',
    level: 'recommended',
    severity: 5.0,
    tags: ['security', 'unanalyzed'],
    doc: 'docs/guard.md#unresolved-module',
  },
};

const DEPCRUISE_RULE: Omit<RuleMetadata, 'short'> = {
  full: 'A violation that dependency-cruiser found with the rules of the project\'s .dependency-cruiser.cjs (layering rules, and rules generated from the tki policy).',
  fix: 'Follow the rule\'s comment in .dependency-cruiser.cjs.',
  level: 'recommended',
  severity: 5.0,
  tags: ['architecture', 'dependency-cruiser'],
  doc: 'docs/guard.md#dependency-cruiser-rules',
};

export function ruleMetadata(id: ReportedRuleId): RuleMetadata {
  if (Object.hasOwn(DETECTOR_RULES, id)) return DETECTOR_RULES[id as RuleId];
  if (Object.hasOwn(GUARD_RULES, id)) return GUARD_RULES[id as GuardRuleId];
  return { ...DEPCRUISE_RULE, short: `dependency-cruiser rule \`${id.slice('depcruise/'.length)}\` from .dependency-cruiser.cjs.` };
}

/** Whether a rule runs at a level: `strict` runs everything, `recommended` its own rules only. */
export function ruleRunsAt(id: ReportedRuleId, level: RuleLevel): boolean {
  return level === 'strict' || ruleMetadata(id).level === 'recommended';
}

export interface RuleDescription {
  readonly id: ReportedRuleId;
  readonly description: string;
  /** Absent when tki's package.json names no repository to derive it from. */
  readonly helpUri?: string;
}

export function describeRule(id: ReportedRuleId): RuleDescription {
  const webRoot = ownRepositoryWebRoot();
  const rule = ruleMetadata(id);
  return { id, description: rule.short, ...(webRoot === null ? {} : { helpUri: docAddress(webRoot, rule.doc) }) };
}
