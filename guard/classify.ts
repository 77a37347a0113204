import { analyzeSourceFile } from '../analysis/syntax/index.js';
import type { Detector } from './facts/analyze.js';
import {
  classifyModule,
  globalCapabilities,
  grantedCapabilities,
  isAction,
  processMemberCapabilities,
  type Capability,
  type ModuleClassification,
  type PolicyConfig,
} from '../policy/index.js';

/**
 * Which detector classifies references: the typed classifier whenever there is a tsconfig (the
 * CI default), the syntactic detector for `--fast` and for explicit file lists. Loaded lazily:
 * ts-morph is large and `--fast` runs never need it.
 */
export async function selectDetector(tsconfig: string | null, typed: boolean): Promise<Detector> {
  if (tsconfig === null || !typed) return analyzeSourceFile;
  const { createTypedDetector } = await import('./facts/typed.js');
  return createTypedDetector(tsconfig);
}

/**
 * The classify stage as an interface: the search never reads policy tables itself, so a test
 * can hand it any classification, and the one real implementation is derived from policy/.
 */
export interface Classifier {
  /** An external module (`node:fs`, `pg`, `https://…`). */
  external(specifier: string): ModuleClassification;
  /** A member of the global object (`fetch`) or of `process` (`env`) reached through an alias. */
  ambientMember(object: 'globalThis' | 'process', members: readonly string[]): readonly Capability[];
  /** What a module may hold: its valid declared actions plus the policy's grants for its path. */
  holds(relativePath: string, declaredActions: readonly string[]): ReadonlySet<Capability>;
}

export function createPolicyClassifier(policy: PolicyConfig): Classifier {
  return {
    external: (specifier) => classifyModule(specifier, policy),
    ambientMember(object, members) {
      const [first, second] = members;
      if (first === undefined) return [];
      if (object === 'process') return processMemberCapabilities(first);
      if (first === 'process') return second === undefined ? [] : processMemberCapabilities(second);
      return globalCapabilities(first, second) ?? [];
    },
    holds: (relativePath, declaredActions) => grantedCapabilities(relativePath, policy, declaredActions.filter(isAction)),
  };
}
