import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The official SARIF 2.1.0 schema (draft-04), vendored with its notice in sarif-schema/. */
const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'sarif-schema/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about a log (the first few, as `path message`); empty when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

interface RuleShape {
  readonly id?: string;
  readonly fullDescription?: { readonly text?: string };
  readonly help?: { readonly text?: string; readonly markdown?: string };
  readonly properties?: { readonly tags?: readonly string[]; readonly 'security-severity'?: string };
}

/**
 * What GitHub code scanning needs of every rule to show and rank an alert, as `rule: problem`:
 * a full description, help in text and markdown, tags, and a numeric `security-severity`.
 */
export function sarifRuleProblems(log: unknown): string[] {
  const rules = (log as { readonly runs?: ReadonlyArray<{ readonly tool?: { readonly driver?: { readonly rules?: readonly RuleShape[] } } }> }).runs?.[0]?.tool?.driver?.rules ?? [];
  if (rules.length === 0) return ['no rules in tool.driver.rules'];
  const problems: string[] = [];
  for (const rule of rules) {
    const id = rule.id ?? '(no id)';
    if ((rule.fullDescription?.text ?? '').length < 40) problems.push(`${id}: fullDescription`);
    if ((rule.help?.text ?? '') === '' || (rule.help?.markdown ?? '') === '') problems.push(`${id}: help text and markdown`);
    if ((rule.properties?.tags ?? []).length === 0) problems.push(`${id}: tags`);
    const severity = Number(rule.properties?.['security-severity']);
    if (!(severity > 0 && severity <= 10)) problems.push(`${id}: security-severity`);
  }
  return problems;
}
