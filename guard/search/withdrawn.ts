import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { WithdrawnUnless } from '../../analysis/syntax/types.js';
import { importedModule } from './exports-lookup.js';

/**
 * Whether the whole program proves a detector's condition, so that the finding it carries is
 * withdrawn (choice 79). The module the condition names must be one the graph analyzed: a module
 * outside the program (unresolved, not analyzed) proves nothing, and the finding stays. Its
 * exported list must also be this module's alone: any other module of the program that loads it
 * may write into the one exports object every importer shares (`push`, `splice`, an index, a
 * replaced `require.cache` entry: round 19), which the list module's own facts cannot show.
 */
export function isWithdrawn(graph: ModuleGraph, module: ModuleNode, unless: WithdrawnUnless): boolean {
  const listModule = importedModule(graph, module, unless.specifier);
  const list = listModule?.facts?.exports.constantList;
  if (listModule === undefined || list === undefined || list.some((value) => unless.excluded.includes(value))) return false;
  return !loadedByAnother(graph, listModule.file, module.file);
}

function loadedByAnother(graph: ModuleGraph, file: string, loader: string): boolean {
  for (const other of graph.modules.values()) {
    if (other.file === loader) continue;
    if (other.edges.some((edge) => edge.target.kind === 'module' && edge.target.file === file)) return true;
  }
  return false;
}
