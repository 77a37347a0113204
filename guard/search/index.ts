import type { Capability } from '../../policy/index.js';
import type { Classifier } from '../classify.js';
import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { GuardFinding, ModuleSummary } from '../types.js';
import type { CrossModuleMemo } from './cross-module-memo.js';
import { directStage } from './direct.js';
import { transitiveStage } from './transitive.js';
import { isWithdrawn } from './withdrawn.js';

export interface SearchResult {
  readonly findings: readonly GuardFinding[];
  readonly modules: readonly ModuleSummary[];
}

/** classify → search: direct findings, cross-module findings, transitive findings with witnesses; `memo` (the run's own classifier only) keeps the cross-module part between runs. */
export function searchGraph(graph: ModuleGraph, classifier: Classifier, memo?: CrossModuleMemo): SearchResult {
  const holdsCache = new Map<string, ReadonlySet<Capability>>();
  const holdsOf = (module: ModuleNode): ReadonlySet<Capability> => {
    let holds = holdsCache.get(module.file);
    if (holds === undefined) {
      holds = classifier.holds(module.relative, module.facts?.declaredActions?.actions ?? []);
      holdsCache.set(module.file, holds);
    }
    return holds;
  };
  const direct = directStage(graph, classifier, holdsOf, memo);
  const transitive = transitiveStage(graph, direct.sources, holdsOf);
  const modules: ModuleSummary[] = [];
  for (const module of graph.modules.values()) {
    if (module.thirdParty || module.facts === null) continue;
    const capabilities = new Set<Capability>(transitive.reached.get(module.file));
    for (const source of direct.sources.get(module.file) ?? []) capabilities.add(source.capability);
    for (const capability of module.facts.reached) capabilities.add(capability);
    for (const { capability, unless } of module.facts.reachedUnless ?? []) if (!isWithdrawn(graph, module, unless)) capabilities.add(capability);
    // What the module reaches itself, held or not, comes from the detector with member precision
    // (`fs.readFile` is not a write); unheld ones are also findings, already in the sources.
    const holds = holdsOf(module);
    modules.push({
      file: module.relative,
      allowedActions: module.facts.declaredActions?.actions ?? [],
      capabilities: [...capabilities].sort(),
      holds: [...holds].sort(),
    });
  }
  modules.sort((a, b) => a.file.localeCompare(b.file));
  return { findings: [...direct.findings, ...transitive.findings], modules };
}
