import { z } from 'zod';
import { CAPABILITY_NAMES, type Capability } from './capabilities.js';

/**
 * A project's policy: which packages it allows, which paths hold which capability and why,
 * and which files are inspector code (where the SPEC text rules apply). JSON-serializable, so it
 * can travel as ESLint settings under `--concurrency` and live in `tki.policy.json`.
 */
const capability = z.enum(CAPABILITY_NAMES as [Capability, ...Capability[]]);

export const grantSchema = z
  .strictObject({
    files: z.array(z.string().min(1)).min(1).describe('Globs of the files that hold the capabilities, relative to the project root (where tki.policy.json usually is).'),
    capabilities: z.array(capability).min(1).describe('The capabilities these files may reach.'),
    reason: z.string().regex(/^\s*\S[\s\S]{8,}\S\s*$/, 'a grant needs a reason a reviewer can read (10 characters or more, not counting spaces around them)').describe('Why these files need these capabilities, for a reviewer (10 characters or more).'),
  })
  .describe('Capabilities that some files hold, and why.');

export const policyConfigSchema = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema of this file, for editor completion.'),
  /** `known`: flag the packages in policy/packages.ts. `unlisted`: flag every package not in `allow`. */
  packages: z
    .strictObject({
      deny: z.enum(['known', 'unlisted']).describe('`known`: flag the packages tki knows to reach a capability. `unlisted`: flag every package not in `allow`.'),
      allow: z.array(z.string().min(1)).default([]).describe('Package names that are allowed (with `deny: "unlisted"`).'),
    })
    .default({ deny: 'known', allow: [] })
    .describe('Which npm packages a module may import.'),
  grants: z.array(grantSchema).default([]).describe('Capabilities granted to files, each with a reason.'),
  /** Files where SPEC's inspector rules apply (verdict tokens, raw SQL, global wording, exit 0). */
  inspectorFiles: z.array(z.string().min(1)).default([]).describe('Globs of inspector code, where the inspector-only rules apply (verdict tokens, raw SQL, global wording).'),
  /** Files the guard does not analyze at all (generated code, vendored copies). */
  ignore: z.array(z.string().min(1)).default([]).describe('Globs of files that are not analyzed at all (generated code, vendored copies).'),
});

export type PolicyConfig = z.output<typeof policyConfigSchema>;
export type PolicyConfigInput = z.input<typeof policyConfigSchema>;
export type Grant = z.output<typeof grantSchema>;

export const RECOMMENDED_POLICY: PolicyConfig = policyConfigSchema.parse({ packages: { deny: 'known' } });

export const STRICT_POLICY: PolicyConfig = policyConfigSchema.parse({ packages: { deny: 'unlisted' } });
