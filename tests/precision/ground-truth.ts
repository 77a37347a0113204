/**
 * The hand-checked ground truth of fixtures/precision/packages/*.json (README.md there says how it was
 * written): per npm package, the files `require`/`import` of it load and the capabilities its own code
 * has, each with the file:line that proves it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The capability names of docs/capabilities.md that a package's code can have (UNKNOWN_PACKAGE is a policy verdict, not scored). */
export const SCORED_CAPABILITIES = [
  'NETWORK', 'EXEC', 'FILES_READ', 'FILES_WRITE', 'ENV', 'DYNAMIC_CODE', 'NATIVE', 'WORKER', 'SYSTEM',
  'DATABASE', 'KNOWLEDGE_BASE', 'UNANALYZED',
] as const;
export type ScoredCapability = (typeof SCORED_CAPABILITIES)[number];

export interface Evidence {
  /** `file:line`, relative to the package directory. */
  readonly at: string;
  readonly why: string;
}

export interface PackageTruth {
  readonly package: string;
  readonly version: string;
  readonly note?: string;
  /** Files of the package, relative to its directory, that `require(name)` and `import(name)` load. */
  readonly entries: readonly string[];
  readonly capabilities: Readonly<Partial<Record<ScoredCapability, Evidence>>>;
  /** Look-alikes in the package's code that are not capabilities (the ground truth's rule, written down). */
  readonly notCapabilities: readonly { readonly at: string; readonly what: string; readonly why: string }[];
}

export function loadGroundTruth(dir: string): PackageTruth[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as PackageTruth);
}

export function isScoredCapability(name: string): name is ScoredCapability {
  return (SCORED_CAPABILITIES as readonly string[]).includes(name);
}
