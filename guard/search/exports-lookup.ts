import type { ModuleGraph, ModuleNode } from '../graph/types.js';

/** What an exported name turns out to be, after following re-exports and barrels. */
export type ExportValue =
  | { readonly kind: 'constant'; readonly value: string; readonly module: ModuleNode }
  | { readonly kind: 'ambient'; readonly value: 'globalThis' | 'process'; readonly module: ModuleNode }
  | { readonly kind: 'loader'; readonly index: number; readonly module: ModuleNode };

/**
 * Per module, each specifier's first edge to a module: asked once per use and per re-export,
 * which made a linear search of a barrel's hundreds of edges quadratic. A node is replaced, never
 * changed (graph/patch.ts), so its index lives as long as it does.
 */
const moduleEdges = new WeakMap<ModuleNode, ReadonlyMap<string, string>>();

function moduleEdgesOf(from: ModuleNode): ReadonlyMap<string, string> {
  let index = moduleEdges.get(from);
  if (index === undefined) {
    const built = new Map<string, string>();
    for (const edge of from.edges) if (edge.target.kind === 'module' && !built.has(edge.specifier)) built.set(edge.specifier, edge.target.file);
    moduleEdges.set(from, (index = built));
  }
  return index;
}

/** The module a specifier written in `from` leads to, if it is one the graph analyzed; `reads` gets the file it leads to, analyzed or not. */
export function importedModule(graph: ModuleGraph, from: ModuleNode, specifier: string, reads?: Set<string>): ModuleNode | undefined {
  const file = moduleEdgesOf(from).get(specifier);
  if (file === undefined) return undefined;
  reads?.add(file);
  return graph.modules.get(file);
}

/** A module's edges to modules as the lookups follow them: specifier → file (part of what a kept search result depends on). */
export function moduleEdgeIndex(module: ModuleNode): ReadonlyMap<string, string> {
  return moduleEdgesOf(module);
}

/** An export's value and every module file its lookup read (facts or edges), analyzed or not. */
export interface TracedExport {
  readonly value: ExportValue | undefined;
  readonly reads: ReadonlySet<string>;
}

/**
 * lookupExport for one search over one graph, each (module, name) followed once: the answer of a
 * first call depends on the graph alone (its `seen` starts empty), and uses of one barrel ask it
 * the same names again and again.
 */
export function memoizedExportLookup(graph: ModuleGraph): (module: ModuleNode, name: string) => TracedExport {
  const answers = new Map<ModuleNode, Map<string, TracedExport>>();
  return (module, name) => {
    let byName = answers.get(module);
    if (byName === undefined) answers.set(module, (byName = new Map()));
    let found = byName.get(name);
    if (found === undefined) {
      const reads = new Set<string>();
      found = { value: lookupExport(graph, module, name, new Set(), reads), reads };
      byName.set(name, found);
    }
    return found;
  };
}

export function lookupExport(graph: ModuleGraph, module: ModuleNode, name: string, seen = new Set<string>(), reads?: Set<string>): ExportValue | undefined {
  const key = `${module.file}#${name}`;
  reads?.add(module.file);
  if (seen.has(key) || module.facts === null) return undefined;
  seen.add(key);
  const { constants, ambient, moduleNameParameters, reExports } = module.facts.exports;
  const constant = constants[name];
  if (constant !== undefined) return { kind: 'constant', value: constant, module };
  const object = ambient[name];
  if (object !== undefined) return { kind: 'ambient', value: object, module };
  const index = moduleNameParameters[name];
  if (index !== undefined) return { kind: 'loader', index, module };
  for (const reExport of reExports) {
    if (reExport.exported !== name && reExport.exported !== '*') continue;
    const target = importedModule(graph, module, reExport.specifier, reads);
    if (target === undefined) continue;
    const found = lookupExport(graph, target, reExport.exported === '*' ? name : reExport.imported, seen, reads);
    if (found !== undefined) return found;
  }
  return undefined;
}
