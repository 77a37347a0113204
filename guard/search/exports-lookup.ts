import type { ModuleGraph, ModuleNode } from '../graph/types.js';

/** What an exported name turns out to be, after following re-exports and barrels. */
export type ExportValue =
  | { readonly kind: 'constant'; readonly value: string; readonly module: ModuleNode }
  | { readonly kind: 'ambient'; readonly value: 'globalThis' | 'process'; readonly module: ModuleNode }
  | { readonly kind: 'loader'; readonly index: number; readonly module: ModuleNode };

/** The module a specifier written in `from` leads to, if it is one the graph analyzed. */
export function importedModule(graph: ModuleGraph, from: ModuleNode, specifier: string): ModuleNode | undefined {
  const edge = from.edges.find((candidate) => candidate.specifier === specifier && candidate.target.kind === 'module');
  return edge !== undefined && edge.target.kind === 'module' ? graph.modules.get(edge.target.file) : undefined;
}

export function lookupExport(graph: ModuleGraph, module: ModuleNode, name: string, seen = new Set<string>()): ExportValue | undefined {
  const key = `${module.file}#${name}`;
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
    const target = importedModule(graph, module, reExport.specifier);
    if (target === undefined) continue;
    const found = lookupExport(graph, target, reExport.exported === '*' ? name : reExport.imported, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}
