import { noForbiddenCapability } from './no-forbidden-capability.js';
import { allowedActionsRule } from './allowed-actions.js';
import { noDynamicCode } from './no-dynamic-code.js';
import { noExitZero } from './no-exit-zero.js';
import { noPositiveVerdictToken } from './no-positive-verdict-token.js';
import { noRawSql } from './no-raw-sql.js';
import { noGlobalDenialWording } from './no-global-denial-wording.js';

/** Every rule, keyed by its id (= file name = doc name = test name; a meta-test checks it). */
export const rules = {
  'no-forbidden-capability': noForbiddenCapability,
  'allowed-actions': allowedActionsRule,
  'no-dynamic-code': noDynamicCode,
  'no-exit-zero': noExitZero,
  'no-positive-verdict-token': noPositiveVerdictToken,
  'no-raw-sql': noRawSql,
  'no-global-denial-wording': noGlobalDenialWording,
} as const;

export type TkiRuleName = keyof typeof rules;
