import type { Capability } from '../../policy/index.js';
import type { Classifier } from '../classify.js';
import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { GuardFinding, ModuleSummary } from '../types.js';
import { directStage } from './direct.js';
import { transitiveStage } from './transitive.js';

export interface SearchResult {
  readonly findings: readonly GuardFinding[];
  readonly modules: readonly ModuleSummary[];
}

/** classify → search: direct findings, cross-module findings, transitive findings with witnesses. */
export function searchGraph(graph: ModuleGraph, classifier: Classifier): SearchResult {
  const holdsCache = new Map<string, ReadonlySet<Capability>>();
  const holdsOf = (module: ModuleNode): ReadonlySet<Capability> => {
    let holds = holdsCache.get(module.file);
    if (holds === undefined) {
      holds = classifier.holds(module.relative, module.facts?.declaredActions?.actions ?? []);
      holdsCache.set(module.file, holds);
    }
    return holds;
  };
  const direct = directStage(graph, classifier, holdsOf);
  const transitive = transitiveStage(graph, direct.sources, holdsOf);
  const modules: ModuleSummary[] = [];
  for (const module of graph.modules.values()) {
    if (module.thirdParty || module.facts === null) continue;
    const capabilities = new Set<Capability>(transitive.reached.get(module.file));
    for (const source of direct.sources.get(module.file) ?? []) capabilities.add(source.capability);
    // An external import can only add what the module holds: anything it does not hold would be
    // a detector finding (already in the sources), and member precision (`fs.readFile` is not a
    // write) is the detector's, so the module-level classification is cut down to the holdings.
    const holds = holdsOf(module);
    for (const edge of module.edges) {
      if (edge.target.kind !== 'external') continue;
      for (const capability of classifier.external(edge.target.specifier).capabilities) if (holds.has(capability)) capabilities.add(capability);
    }
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
