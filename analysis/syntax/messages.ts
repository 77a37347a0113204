import type { RuleId } from './types.js';

/**
 * Every message text, in one place: the ESLint rules put these in `meta.messages` and the
 * detector renders them for tki-guard, so both front-ends print the same words.
 * One sentence each, code in backticks, data in {{placeholders}}, ending with a period.
 */
/** Every rule reports the tki-allow-next-line comments that name it and accepted nothing (analysis/suppress/notes.ts). */
const SUPPRESSION_NOTE = { suppressionNote: '{{note}}.' } as const;

export const RULE_MESSAGES = {
  'no-forbidden-capability': {
    ...SUPPRESSION_NOTE,
    moduleCapability:
      '`{{specifier}}` reaches {{capability}} ({{why}}); remove it, or grant {{capability}} to this file in tki.policy.json (`grants`, with a reason).',
    memberCapability:
      '`{{name}}` reaches {{capability}}; remove it, or grant {{capability}} to this file in tki.policy.json (`grants`, with a reason).',
    globalCapability:
      'The global `{{name}}` reaches {{capability}}; receive what you need as a parameter, or grant {{capability}} to this file in tki.policy.json (`grants`, with a reason).',
    unknownPackage:
      'The package `{{specifier}}` is not on the tki policy allow list (UNKNOWN_PACKAGE); add it to `packages.allow` with a reviewer or remove the import.',
    invalidConfiguration: 'tki cannot check this file: {{problem}}.',
    unanalyzed:
      '`{{name}}` cannot be analyzed statically ({{reason}}), so it counts as UNANALYZED; use a direct reference with literal names instead.',
  },
  'allowed-actions': {
    ...SUPPRESSION_NOTE,
    fileAccess:
      '`{{name}}` {{verb}} files ({{capability}}); grant {{capability}} to this file in tki.policy.json (`grants`, with a reason), or in inspector code move the I/O to the edge module that declares `{{action}}` in `allowedActions`.',
    unknownAction: '`{{action}}` is not in the action universe ({{universe}}); declare only those actions.',
    invalidDeclaration:
      'Declare actions as `export const allowedActions = [...] as const` with string literals only ({{problem}}).',
  },
  'no-dynamic-code': {
    ...SUPPRESSION_NOTE,
    dynamicCode:
      '`{{name}}` compiles or loads code chosen at run time (DYNAMIC_CODE); use static imports and plain functions instead.',
    computedModule:
      '`{{name}}` loads a module whose name is computed, so it counts as UNANALYZED; use a string literal specifier.',
  },
  'no-exit-zero': {
    ...SUPPRESSION_NOTE,
    exitZero: '`{{name}}` can end the process with exit code 0; set a non-zero exit code derived from the verdict instead.',
  },
  'no-positive-verdict-token': {
    ...SUPPRESSION_NOTE,
    verdictToken:
      '`{{token}}` is a positive verdict token that SPEC §4 forbids in inspector code; use a scoped verdict such as `NO_READ_LEVEL_DEFECT_FOUND` or `UNVERIFIED`.',
  },
  'no-raw-sql': {
    ...SUPPRESSION_NOTE,
    rawSql:
      'This string contains SQL statement text (`{{excerpt}}`); the inspector never queries a database, so read the exported packet instead.',
  },
  'no-global-denial-wording': {
    ...SUPPRESSION_NOTE,
    globalDenial: 'This string asserts global absence (`{{excerpt}}`); say that it {{scoped}} instead.',
  },
} as const satisfies Record<RuleId, Record<string, string>>;

export type MessageIdOf<Rule extends RuleId> = keyof (typeof RULE_MESSAGES)[Rule] & string;

export function renderMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => data[key] ?? whole);
}

export function messageFor(ruleId: RuleId, messageId: string, data: Readonly<Record<string, string>>): string {
  const templates: Readonly<Record<string, string>> = RULE_MESSAGES[ruleId];
  const template = templates[messageId];
  if (template === undefined) throw new Error(`no message ${messageId} in rule ${ruleId}`);
  return renderMessage(template, data);
}
