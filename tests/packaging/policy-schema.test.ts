import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_NAMES } from '../../policy/capabilities.js';
import { POLICY_SCHEMA_PATH, policyJsonSchema } from '../../scripts/pack/policy-schema.js';

const root = path.resolve(import.meta.dirname, '../..');

interface SchemaNode {
  readonly properties?: Record<string, SchemaNode>;
  readonly items?: SchemaNode;
  readonly enum?: readonly string[];
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
}

describe('the JSON Schema of tki.policy.json', () => {
  const committed = readFileSync(path.join(root, POLICY_SCHEMA_PATH), 'utf8');

  it('is the one generated from the zod schema (run `npm run schema:policy` after changing policy/config.ts)', () => {
    expect(committed).toBe(policyJsonSchema());
  });

  it('offers every capability and key that the validator accepts, and no other key', () => {
    const schema = JSON.parse(committed) as SchemaNode;
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(['$schema', 'grants', 'ignore', 'inspectorFiles', 'packages']);
    expect(schema.additionalProperties).toBe(false);
    const grant = schema.properties?.['grants']?.items;
    expect(grant?.required).toEqual(['files', 'capabilities', 'reason']);
    expect(grant?.properties?.['capabilities']?.items?.enum).toEqual([...CAPABILITY_NAMES]);
  });

  it("is what this repository's own policy names", () => {
    const policy = JSON.parse(readFileSync(path.join(root, 'tki.policy.json'), 'utf8')) as { $schema?: string };
    expect(policy.$schema).toBe(`./${POLICY_SCHEMA_PATH}`);
  });
});
