// zod's jitless switch before any schema of tki's exists (policy/zod-jitless.ts).
import './zod-jitless.js';
import { z } from 'zod';
import { CAPABILITY_NAMES, type Capability } from './capabilities.js';

/**
 * The schema of a project's policy (policy/config.ts says what it holds), the one source of truth
 * for validating tki.policy.json and inline ESLint settings and for the published JSON Schema. Its
 * own entry, outside policy/index.ts: zod (about 95 modules) loads only where a policy is
 * validated, not in a run that uses the defaults (issue #11: a warm tki-guard run's start-up).
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

export type PolicyConfigOutput = z.output<typeof policyConfigSchema>;
export type PolicyConfigInput = z.input<typeof policyConfigSchema>;
export type GrantOutput = z.output<typeof grantSchema>;
