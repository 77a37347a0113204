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
 * The first load of a module the guard does not read: a package it does not follow (no `--deps`),
 * a reference nothing resolves, a third-party file it could not parse. A Node builtin is read in
 * the sense that matters (Node's own code replaces no builtin); a data file runs nothing. Which
 * module Node runs first is not computed: any unread module anywhere in the program counts, since a
 * module loaded later by one file may have been loaded earlier by another.
 */
export function firstUnreadLoad(graph: ModuleGraph): UnreadLoad | undefined {
  for (const module of graph.modules.values()) {
    for (const edge of module.edges) {
      if (isUnread(graph, module, edge)) return { loader: module, specifier: edge.specifier };
    }
  }
  return undefined;
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
