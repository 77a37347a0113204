// zod's jitless switch before the schema exists (policy/zod-jitless.ts).
import '../../policy/zod-jitless.js';
import { z } from 'zod';
import { CAPABILITY_NAMES } from '../../policy/index.js';
import { BASELINE_VERSION, NO_CAPABILITY } from './format.js';

/**
 * The schema of a baseline file (guard/baseline/format.ts says what it holds). Its own module,
 * imported only when a baseline file is read: a run without one never loads zod (issue #11).
 */
const capabilityKey = z.union([z.enum(CAPABILITY_NAMES as [string, ...string[]]), z.literal(NO_CAPABILITY)]);
const counts = z.partialRecord(capabilityKey, z.number().int().positive());

export const baselineSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(BASELINE_VERSION),
  findings: z.record(z.string().min(1), z.record(z.string().min(1), counts)),
});

export type BaselineFileOutput = z.output<typeof baselineSchema>;
