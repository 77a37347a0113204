import { canonicalBuiltin } from '../../policy/index.js';
import { fileKindOf } from '../load/file-kinds.js';
import type { Edge, ModuleGraph, ModuleNode } from '../graph/types.js';
import type { GuardFinding, Position } from '../types.js';

/**
 * A module of the program the guard did not read: what it runs is unknown, so it may replace any
 * builtin before a module the guard read folds a call of it (docs/choices.md 91). Named by the module
 * that loads it and the specifier, for the message.
 */
export interface UnreadLoad {
  readonly loader: ModuleNode;
  readonly specifier: string;
}

/**
 * Per module, the first load of a module the guard does not read in the part of the program it can
 * share a process with: a package it does not follow (no `--deps`), a reference nothing resolves, a
 * third-party file it could not parse. A Node builtin is read in the sense that matters (Node's own
 * code replaces no builtin); a data file runs nothing. Which module Node runs first is not computed:
 * any unread load among the modules connected to this one by edges (either way) counts, since a
 * module loaded later by one file may have been loaded earlier by another. Modules with no edge
 * path between them are never loaded together by the program (a load the guard cannot follow is
 * itself an unread load of the part it sits in).
 */
export function unreadLoads(graph: ModuleGraph): (module: ModuleNode) => UnreadLoad | undefined {
  const parent = new Map<string, string>();
  const root = (file: string): string => {
    let at = file;
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) at = up;
    parent.set(file, at);
    return at;
  };
  for (const module of graph.modules.values()) {
    for (const edge of module.edges) {
      if (edge.target.kind === 'module' && graph.modules.has(edge.target.file)) parent.set(root(edge.target.file), root(module.file));
    }
  }
  const byPart = new Map<string, UnreadLoad>();
  for (const module of graph.modules.values()) {
    const part = root(module.file);
    if (byPart.has(part)) continue;
    const edge = module.edges.find((candidate) => isUnread(graph, module, candidate));
    if (edge !== undefined) byPart.set(part, { loader: module, specifier: edge.specifier });
  }
  return (module) => byPart.get(root(module.file));
}

function isUnread(graph: ModuleGraph, module: ModuleNode, edge: Edge): boolean {
  const target = edge.target;
  if (target.kind === 'unresolved') return true;
  if (target.kind === 'module') {
    const node = graph.modules.get(target.file);
    return node !== undefined && node.facts === null && fileKindOf(node.file) !== 'data';
  }
  if (canonicalBuiltin(target.specifier) !== undefined) return false;
  // With `--deps` the same reference also has the package's file as a module edge: that file is read.
  return !module.edges.some((other) => other.target.kind === 'module' && other.line === edge.line && other.column === edge.column && other.specifier === edge.specifier);
}

/** The fold sites of a module, each an UNANALYZED finding when the program loads a module the guard does not read. */
export function untrustedFoldFindings(module: ModuleNode, unread: UnreadLoad): Array<GuardFinding & Position & { capability: 'UNANALYZED' }> {
  return (module.facts?.foldedCalls ?? []).map(({ builtin, line, column }) => ({
    file: module.relative,
    line,
    column,
    ruleId: 'cross-module-capability' as const,
    capability: 'UNANALYZED' as const,
    message: `This value is computed trusting \`${builtin}\`, but \`${unread.specifier}\` (loaded by ${unread.loader.relative}) is a module the guard does not read, which may replace it before this runs, so what the value names is unknown.`,
    witness: [module.relative, unread.loader.relative, unread.specifier],
  }));
}
