import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { WithdrawnUnless } from '../../analysis/syntax/types.js';
import { importedModule } from './exports-lookup.js';

/**
 * Whether the whole program proves a detector's condition, so that the finding it carries is
 * withdrawn (choice 79). The module the condition names must be one the graph analyzed: a module
 * outside the program (unresolved, not analyzed) proves nothing, and the finding stays.
 */
export function isWithdrawn(graph: ModuleGraph, module: ModuleNode, unless: WithdrawnUnless): boolean {
  const list = importedModule(graph, module, unless.specifier)?.facts?.exports.constantList;
  return list !== undefined && !list.some((value) => unless.excluded.includes(value));
}
