import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { classifyModule, type Capability } from '../../policy/index.js';
import type { GuardRun } from '../run.js';
import type { GuardFinding } from '../types.js';

/** A capability a module (or a package) reaches, and one path that shows how. */
export interface Reach {
  readonly capability: Capability;
  /** `module → … → sink`, the guard's witness where it has one. */
  readonly witness: readonly string[];
  /** The module holds it (a grant or a declared action): the policy allows it there. */
  readonly held: boolean;
}

export interface CapabilityMap {
  /** Project-relative module → capability → reach. */
  readonly modules: ReadonlyMap<string, ReadonlyMap<Capability, Reach>>;
  /** Package name (nearest package.json) → capability → reach of its first module that has it. */
  readonly packages: ReadonlyMap<string, ReadonlyMap<Capability, Reach & { readonly module: string }>>;
}

/**
 * Where a module's capability comes from: the witness of its own finding when it has one
 * (transitive and cross-module findings carry the whole path); else the detector's sink for a
 * direct use; else, for a capability the module holds (no finding), the import that carries it.
 */
function witnessOf(run: GuardRun, findings: readonly GuardFinding[], file: string, capability: Capability): readonly string[] {
  const finding = findings.find((candidate) => candidate.capability === capability && candidate.witness !== undefined);
  if (finding?.witness !== undefined) return finding.witness;
  const facts = run.graph.modules.get(resolve(run.result.root, file))?.facts;
  const direct = facts?.findings.find((candidate) => candidate.capability === capability);
  if (direct !== undefined) return [file, direct.sink];
  for (const reference of facts?.references ?? []) {
    if (reference.specifier === null || reference.typeOnly || reference.specifier.startsWith('.')) continue;
    const classified = classifyModule(reference.specifier, run.policy);
    if (classified.capabilities.includes(capability)) return [file, classified.canonical];
  }
  return [file, `${capability} (used in this module)`];
}

function packageResolver(root: string): (file: string) => string {
  const names = new Map<string, string>();
  const fallback = '(project)';
  const nameOf = (directory: string): string => {
    const known = names.get(directory);
    if (known !== undefined) return known;
    let name: string;
    const manifest = join(directory, 'package.json');
    const parsed = existsSync(manifest) ? safeName(manifest) : undefined;
    if (parsed !== undefined) name = parsed;
    else name = directory === root || !directory.startsWith(root) ? fallback : nameOf(dirname(directory));
    names.set(directory, name);
    return name;
  };
  return (file) => nameOf(dirname(join(root, file)));
}

function safeName(manifest: string): string | undefined {
  try {
    const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Every project module's capabilities (held or not) with witnesses, and their roll-up per package. */
export function capabilityMap(run: GuardRun): CapabilityMap {
  const modules = new Map<string, Map<Capability, Reach>>();
  const packages = new Map<string, Map<Capability, Reach & { module: string }>>();
  const packageOf = packageResolver(run.result.root);
  const findingsOf = new Map<string, GuardFinding[]>();
  for (const finding of run.result.findings) {
    const list = findingsOf.get(finding.file);
    if (list === undefined) findingsOf.set(finding.file, [finding]);
    else list.push(finding);
  }
  for (const module of run.result.modules) {
    const reaches = new Map<Capability, Reach>();
    for (const capability of module.capabilities) {
      const reach = { capability, witness: witnessOf(run, findingsOf.get(module.file) ?? [], module.file, capability), held: module.holds.includes(capability) };
      reaches.set(capability, reach);
      const name = packageOf(module.file);
      const rollup = packages.get(name) ?? new Map<Capability, Reach & { module: string }>();
      packages.set(name, rollup);
      const seen = rollup.get(capability);
      // A package holds a capability only where every module that reaches it holds it.
      if (seen === undefined) rollup.set(capability, { ...reach, module: module.file });
      else if (seen.held && !reach.held) rollup.set(capability, { ...reach, module: module.file });
    }
    modules.set(module.file, reaches);
  }
  return { modules, packages };
}
