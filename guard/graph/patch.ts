import { existsSync } from 'node:fs';
import { matchesAnyGlob } from '../../policy/index.js';
import type { GuardError } from '../errors.js';
import { toRelative } from '../load/inputs.js';
import { localizer, revisit, type GraphRequest } from './build.js';
import { edgesOf, withoutFirstPartyPackages } from './edges.js';
import type { ModuleGraph, ModuleNode } from './types.js';

/**
 * Why a patch cannot stand in for a rebuild: the answer would differ from a fresh walk.
 * `--watch` then runs the whole warm path instead (graph/build.ts), which is always right.
 */
export type PatchRefusal = 'added-or-removed' | 'new-module' | 'module-dropped';

export type PatchOutcome =
  | { readonly kind: 'patched'; readonly graph: ModuleGraph }
  /** A saved entry that does not parse: a tool error, as in a plain run. */
  | { readonly kind: 'failed'; readonly error: GuardError }
  | { readonly kind: 'rebuild'; readonly reason: PatchRefusal };

/** Which of `targets` some module still references. */
function stillReferenced(modules: ReadonlyMap<string, ModuleNode>, targets: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const module of modules.values()) {
    for (const edge of module.edges) if (edge.target.kind === 'module' && targets.has(edge.target.file)) found.add(edge.target.file);
  }
  return found;
}

/**
 * The graph after saves of `files` (absolute paths of source files whose content changed): each
 * is read and analyzed again and its references resolved again, every other module kept as it
 * was. Resolution of the other modules cannot have changed: no file was added or removed (that
 * is refused) and configuration files never come here. A patch is refused, and the caller
 * rebuilds, when the walk would reach a different set of modules: a saved file that is new or
 * gone, a reference to a module the graph does not hold, or a module no longer referenced.
 */
export function patchGraph(request: GraphRequest, graph: ModuleGraph, files: readonly string[]): PatchOutcome {
  const entries = new Set(request.entries);
  const modules = new Map(graph.modules);
  const unmarked = new Set(graph.unmarked);
  const local = localizer(request.root);
  const dropped = new Set<string>();
  let parsed = 0;
  for (const file of files) {
    const before = graph.modules.get(file);
    if (before === undefined || !existsSync(file)) return { kind: 'rebuild', reason: 'added-or-removed' };
    const relative = toRelative(request.root, file);
    const visited = revisit(request, file, relative, entries.has(file));
    if (!visited.ok) return { kind: 'failed', error: visited.error };
    const { facts, text, marked } = visited.value;
    if (visited.value.parsed) parsed += 1;
    if (marked === false) unmarked.add(relative);
    else unmarked.delete(relative);
    let reachesNew = false;
    const enqueue = (target: string, thirdParty: boolean): void => {
      const ignored = !thirdParty && !entries.has(target) && matchesAnyGlob(toRelative(request.root, target), request.policy.ignore);
      if (!modules.has(target) && !ignored) reachesNew = true;
    };
    const { edges, firstPartyPackages } = edgesOf({ deps: request.deps, resolver: request.resolver, local }, file, facts, text, before.thirdParty, enqueue);
    if (reachesNew) return { kind: 'rebuild', reason: 'new-module' };
    const targets = new Set(edges.flatMap((edge) => (edge.target.kind === 'module' ? [edge.target.file] : [])));
    for (const edge of before.edges) if (edge.target.kind === 'module' && !targets.has(edge.target.file) && !entries.has(edge.target.file)) dropped.add(edge.target.file);
    const node: ModuleNode = { ...before, facts: withoutFirstPartyPackages(facts, firstPartyPackages), edges };
    modules.set(file, node);
  }
  if (dropped.size > 0) {
    const kept = stillReferenced(modules, dropped);
    if ([...dropped].some((file) => !kept.has(file))) return { kind: 'rebuild', reason: 'module-dropped' };
  }
  const next: ModuleGraph = { root: graph.root, modules, parsed, cached: [...modules.values()].filter((module) => module.facts !== null).length - parsed, unmarked };
  return { kind: 'patched', graph: next };
}
