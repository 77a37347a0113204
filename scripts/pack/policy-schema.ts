import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { policyConfigSchema } from '../../policy/schema.js';

/** Where the schema lives in the repository and in the packages that read tki.policy.json. */
export const POLICY_SCHEMA_PATH = 'schema/tki.policy.schema.json';

/**
 * The JSON Schema of tki.policy.json, generated from the zod schema the tools validate with (one
 * source of truth). `io: 'input'`: what a user writes, so fields with defaults are optional.
 */
export function policyJsonSchema(): string {
  const schema = z.toJSONSchema(policyConfigSchema, { io: 'input', target: 'draft-7' });
  return `${JSON.stringify({ ...schema, title: 'tki policy (tki.policy.json)' }, null, 2)}\n`;
}

// `npm run schema:policy` rewrites the file; a test keeps it equal to the generated text.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(join(import.meta.dirname, '../../..', POLICY_SCHEMA_PATH), policyJsonSchema());
}
