import { describe, expect, it } from 'vitest';
import { RECOMMENDED_POLICY, STRICT_POLICY } from '../../policy/index.js';
import { policyConfigSchema } from '../../policy/schema.js';

/**
 * policy/config.ts writes the levels' policies out so that a run on the defaults loads no zod
 * (issue #11); the schema stays the one source of truth, and these hold the two equal, key order
 * included (the facts cache's key hashes the policy's JSON).
 */
describe('the levels’ default policies', () => {
  it.each([
    ['recommended', RECOMMENDED_POLICY, 'known'],
    ['strict', STRICT_POLICY, 'unlisted'],
  ] as const)('%s is what the schema makes of its `packages.deny`', (_level, policy, deny) => {
    const parsed = policyConfigSchema.parse({ packages: { deny } });
    expect(policy).toStrictEqual(parsed);
    expect(JSON.stringify(policy)).toBe(JSON.stringify(parsed));
  });

  it('the schema fills an empty file with the recommended defaults', () => {
    expect(JSON.stringify(policyConfigSchema.parse({}))).toBe(JSON.stringify(RECOMMENDED_POLICY));
  });
});
