import type { Capability } from '../../policy/index.js';
import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { GuardFinding, Position } from '../types.js';
import type { DirectSource } from './direct.js';

interface Importer extends Position {
  readonly from: ModuleNode;
  /** Where Node and TypeScript pick different files for the import (graph/edges.ts). */
  readonly note?: string;
}

/** Reverse edges: for each module, who imports it and where. */
function importersOf(graph: ModuleGraph): Map<string, Importer[]> {
  const importers = new Map<string, Importer[]>();
  for (const module of graph.modules.values()) {
    for (const edge of module.edges) {
      if (edge.target.kind !== 'module' || !graph.modules.has(edge.target.file)) continue;
      const list = importers.get(edge.target.file) ?? [];
      list.push({ from: module, line: edge.line, column: edge.column, ...(edge.note === undefined ? {} : { note: edge.note }) });
      importers.set(edge.target.file, list);
    }
  }
  return importers;
}

export interface TransitiveResult {
  readonly findings: GuardFinding[];
  /** Capabilities each module reaches through its imports (not counting what it holds). */
  readonly reached: Map<string, Set<Capability>>;
}

/**
 * A capability flows from a module to its importers, except through a module that holds it
 * (its declared actions or a grant cover it): that module contains it. A breadth-first search
 * from every module that reaches the capability by itself gives each importer its shortest
 * witness path.
 */
export function transitiveStage(graph: ModuleGraph, sources: ReadonlyMap<string, readonly DirectSource[]>, holdsOf: (module: ModuleNode) => ReadonlySet<Capability>): TransitiveResult {
  const importers = importersOf(graph);
  const result: TransitiveResult = { findings: [], reached: new Map() };
  const capabilities = new Set<Capability>();
  for (const list of sources.values()) for (const source of list) capabilities.add(source.capability);

  for (const capability of [...capabilities].sort()) {
    // `next` points one step closer to a module that reaches the capability by itself.
    const next = new Map<string, { via: ModuleNode; at: Position; note?: string } | { sink: string }>();
    const queue: ModuleNode[] = [];
    for (const [file, list] of sources) {
      const source = list.find((candidate) => candidate.capability === capability);
      const module = graph.modules.get(file);
      if (source === undefined || module === undefined) continue;
      next.set(file, { sink: source.sink });
      queue.push(module);
    }
    for (let index = 0; index < queue.length; index += 1) {
      const current = queue[index] as ModuleNode;
      for (const importer of importers.get(current.file) ?? []) {
        if (next.has(importer.from.file) || holdsOf(importer.from).has(capability)) continue;
        next.set(importer.from.file, { via: current, at: { line: importer.line, column: importer.column }, ...(importer.note === undefined ? {} : { note: importer.note }) });
        queue.push(importer.from);
        const reached = result.reached.get(importer.from.file) ?? new Set<Capability>();
        reached.add(capability);
        result.reached.set(importer.from.file, reached);
        if (!importer.from.thirdParty) result.findings.push(transitiveFinding(importer.from, capability, importer, next));
      }
    }
  }
  return result;
}

function transitiveFinding(module: ModuleNode, capability: Capability, at: Position, next: ReadonlyMap<string, { via: ModuleNode; at: Position; note?: string } | { sink: string }>): GuardFinding {
  const witness = [module.relative];
  const notes: string[] = [];
  let step = next.get(module.file);
  while (step !== undefined && 'via' in step) {
    witness.push(step.via.relative);
    if (step.note !== undefined) notes.push(`${step.note}; both are analyzed`);
    step = next.get(step.via.file);
  }
  if (step !== undefined) witness.push(step.sink);
  return {
    file: module.relative,
    line: at.line,
    column: at.column,
    ruleId: 'transitive-capability',
    capability,
    message: `This import reaches \`${capability}\` through \`${witness.slice(1).join(' → ')}\`, and this module does not hold it.${notes.map((note) => ` (${note}.)`).join('')}`,
    witness,
  };
}
