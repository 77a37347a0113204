import type { GrantOutput, PolicyConfigInput, PolicyConfigOutput } from './schema.js';

/**
 * A project's policy: which packages it allows, which paths hold which capability and why,
 * and which files are inspector code (where the SPEC text rules apply). JSON-serializable, so it
 * can travel as ESLint settings under `--concurrency` and live in `tki.policy.json`. Its schema is
 * policy/schema.ts; this module holds no zod, so a run on the defaults never loads it.
 */
export type PolicyConfig = PolicyConfigOutput;
export type { PolicyConfigInput };
export type Grant = GrantOutput;

/**
 * What the schema makes of `{ packages: { deny: 'known' } }` and `{ packages: { deny: 'unlisted' } }`,
 * written out (keys in the schema's order: the facts cache's key hashes the policy's JSON) so that a
 * run without a policy file validates nothing; tests/policy/config-defaults.test.ts holds them equal
 * to the schema's output.
 */
export const RECOMMENDED_POLICY: PolicyConfig = { packages: { deny: 'known', allow: [] }, grants: [], inspectorFiles: [], ignore: [] };

export const STRICT_POLICY: PolicyConfig = { packages: { deny: 'unlisted', allow: [] }, grants: [], inspectorFiles: [], ignore: [] };
