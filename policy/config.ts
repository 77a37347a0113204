import { z } from 'zod';
import { CAPABILITY_NAMES, type Capability } from './capabilities.js';

/**
 * A project's policy: which packages it allows, which paths hold which capability and why,
 * and which files are inspector code (where the SPEC text rules apply). JSON-serializable, so it
 * can travel as ESLint settings under `--concurrency` and live in `tki.policy.json`.
 */
const capability = z.enum(CAPABILITY_NAMES as [Capability, ...Capability[]]);

export const grantSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1),
  capabilities: z.array(capability).min(1),
  reason: z.string().min(10, 'a grant needs a reason a reviewer can read'),
});

export const policyConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  /** `known`: flag the packages in policy/packages.ts. `unlisted`: flag every package not in `allow`. */
  packages: z
    .strictObject({
      deny: z.enum(['known', 'unlisted']),
      allow: z.array(z.string().min(1)).default([]),
    })
    .default({ deny: 'known', allow: [] }),
  grants: z.array(grantSchema).default([]),
  /** Files where SPEC's inspector rules apply (verdict tokens, raw SQL, global wording, exit 0). */
  inspectorFiles: z.array(z.string().min(1)).default([]),
  /** Files the guard does not analyze at all (generated code, vendored copies). */
  ignore: z.array(z.string().min(1)).default([]),
});

export type PolicyConfig = z.output<typeof policyConfigSchema>;
export type PolicyConfigInput = z.input<typeof policyConfigSchema>;
export type Grant = z.output<typeof grantSchema>;

export const RECOMMENDED_POLICY: PolicyConfig = policyConfigSchema.parse({ packages: { deny: 'known' } });

export const STRICT_POLICY: PolicyConfig = policyConfigSchema.parse({ packages: { deny: 'unlisted' } });
