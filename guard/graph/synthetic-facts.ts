import { grantedCapabilities, type Capability, type PolicyConfig } from '../../policy/index.js';
import type { ModuleFacts } from '../types.js';

/**
 * Facts for a file in the graph that the detector cannot read: a native addon or WebAssembly
 * module (NATIVE), or a file that does not parse or cannot be read (UNANALYZED). Either one is a
 * capability source like any other, so it flows to every importer that does not hold it; a
 * policy grant for the file's path (`grants`) accepts it explicitly, never silently.
 */
export function opaqueFacts(relative: string, capability: Extract<Capability, 'NATIVE' | 'UNANALYZED'>, why: string, policy: PolicyConfig): ModuleFacts {
  const granted = grantedCapabilities(relative, policy, []).has(capability);
  const message =
    capability === 'NATIVE'
      ? `\`${relative}\` is native code (${why}), so it reaches NATIVE; the guard cannot look inside it.`
      : `\`${relative}\` cannot be analyzed (${why}), so it counts as UNANALYZED; grant UNANALYZED to this path in the policy to accept it.`;
  return {
    references: [],
    declaredActions: null,
    findings: granted ? [] : [{ ruleId: 'no-forbidden-capability', messageId: capability === 'NATIVE' ? 'moduleCapability' : 'unanalyzed', capability, message, sink: relative, line: 1, column: 1 }],
    reached: [capability],
    imports: [],
    uses: [],
    exports: { constants: {}, ambient: {}, moduleNameParameters: {}, reExports: [] },
  };
}
