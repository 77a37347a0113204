import type { Capability } from '../../policy/index.js';
import type { CapabilityMap, Reach } from './capabilities.js';

export interface Change {
  readonly capability: Capability;
  readonly witness: readonly string[];
  /** Gained only: the policy lets this module hold it. Lost: as it was at BASE. */
  readonly held: boolean;
}

export interface ScopeDiff {
  /** A module path or a package name. */
  readonly name: string;
  readonly gained: readonly Change[];
  readonly lost: readonly Change[];
}

export interface CapabilityDiff {
  readonly modules: readonly ScopeDiff[];
  readonly packages: readonly ScopeDiff[];
  /** Gained somewhere the policy does not allow it: exit 1. */
  readonly disallowed: number;
}

const change = ({ capability, witness, held }: Reach): Change => ({ capability, witness, held });

function compareScopes(base: ReadonlyMap<string, ReadonlyMap<Capability, Reach>>, head: ReadonlyMap<string, ReadonlyMap<Capability, Reach>>): ScopeDiff[] {
  const names = [...new Set([...base.keys(), ...head.keys()])].sort();
  const diffs: ScopeDiff[] = [];
  for (const name of names) {
    const before = base.get(name) ?? new Map<Capability, Reach>();
    const after = head.get(name) ?? new Map<Capability, Reach>();
    const gained = [...after.values()].filter((reach) => !before.has(reach.capability)).map(change);
    const lost = [...before.values()].filter((reach) => !after.has(reach.capability)).map(change);
    const byName = (a: Change, b: Change): number => a.capability.localeCompare(b.capability);
    if (gained.length > 0 || lost.length > 0) diffs.push({ name, gained: gained.sort(byName), lost: lost.sort(byName) });
  }
  return diffs;
}

/**
 * capslock's compare mode, per module and per package: a capability present at HEAD (the
 * working tree) and absent at BASE is gained, the reverse is lost. Both sides were analyzed
 * under the working tree's policy, so a policy edit in the same change cannot hide a gain.
 * A module that is new or renamed gains everything it reaches; the package view shows whether
 * that is new to the package.
 */
export function compareCapabilities(base: CapabilityMap, head: CapabilityMap): CapabilityDiff {
  const modules = compareScopes(base.modules, head.modules);
  const packages = compareScopes(base.packages, head.packages);
  const disallowed = modules.reduce((count, module) => count + module.gained.filter((gain) => !gain.held).length, 0);
  return { modules, packages, disallowed };
}
