import type { RuleId } from '../../analysis/syntax/index.js';
import type { GuardRuleId, ReportedRuleId } from '../types.js';

/**
 * Rule metadata for reports: stable ids (SARIF `ruleId`s never change once published), a
 * one-line description and a help page. Detector rules document themselves in docs/rules/.
 */
export const DOCS_ROOT = 'https://github.com/tki-project/tki/blob/main/docs';

const DETECTOR_RULES: Readonly<Record<RuleId, string>> = {
  'no-forbidden-capability': 'A module reaches a capability that its policy grants do not cover.',
  'allowed-actions': 'Declared actions stay inside the action universe; only declaring modules touch files.',
  'no-dynamic-code': 'No code or module chosen at run time.',
  'no-exit-zero': 'Inspector code never ends the process with exit code 0.',
  'no-positive-verdict-token': 'Inspector code never carries a forbidden positive verdict token.',
  'no-raw-sql': 'Inspector code carries no SQL statement text.',
  'no-global-denial-wording': 'Inspector strings never assert global absence.',
};

const GUARD_RULES: Readonly<Record<GuardRuleId, string>> = {
  'transitive-capability': 'A module reaches, through its imports, a capability it does not hold.',
  'cross-module-capability': 'A module name, loader or global object handed across modules reaches a capability.',
  'unresolved-module': 'A relative or package.json-imports reference that resolves to no file.',
};

export interface RuleDescription {
  readonly id: ReportedRuleId;
  readonly description: string;
  readonly helpUri: string;
}

export function describeRule(id: ReportedRuleId): RuleDescription {
  if (Object.hasOwn(DETECTOR_RULES, id)) {
    return { id, description: DETECTOR_RULES[id as RuleId], helpUri: `${DOCS_ROOT}/rules/${id}.md` };
  }
  if (Object.hasOwn(GUARD_RULES, id)) {
    return { id, description: GUARD_RULES[id as GuardRuleId], helpUri: `${DOCS_ROOT}/guard.md#${id}` };
  }
  return { id, description: `dependency-cruiser rule \`${id.slice('depcruise/'.length)}\` from .dependency-cruiser.cjs.`, helpUri: `${DOCS_ROOT}/guard.md#dependency-cruiser-rules` };
}
