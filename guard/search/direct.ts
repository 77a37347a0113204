import type { Capability } from '../../policy/index.js';
import type { Classifier } from '../classify.js';
import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { GuardFinding, LocatedFinding, Position } from '../types.js';
import { crossModuleFindings } from './cross-module.js';
import type { CrossModuleMemo } from './cross-module-memo.js';
import { envChildFindings } from './env-children.js';
import { memoizedExportLookup } from './exports-lookup.js';
import { isWithdrawn } from './withdrawn.js';
import { unreadLoads, untrustedFoldFindings } from './untrusted-folds.js';

/** A capability a module reaches by itself, outside what it holds: where, and what it points at. */
export interface DirectSource extends Position {
  readonly capability: Capability;
  readonly sink: string;
}

/**
 * Whether a detector finding means "this module reaches that capability" (and so flows to its
 * importers). The SPEC text rules, exit codes and malformed action declarations reach nothing,
 * even when they name a capability for the reader.
 */
function reaches(finding: LocatedFinding): finding is LocatedFinding & { capability: Capability } {
  if (finding.capability === null) return false;
  if (finding.ruleId === 'allowed-actions') return finding.messageId === 'fileAccess';
  return finding.ruleId === 'no-forbidden-capability' || finding.ruleId === 'no-dynamic-code';
}

export interface DirectResult {
  readonly findings: GuardFinding[];
  readonly sources: Map<string, DirectSource[]>;
}

/**
 * A package.json `imports` subpath that maps (under the `node` condition) to a builtin or a
 * package: the detector sees only `#name`, the guard sees where it leads.
 */
function subpathFindings(module: ModuleNode, classifier: Classifier, holds: ReadonlySet<Capability>, into: DirectResult): void {
  for (const edge of module.edges) {
    if (edge.target.kind !== 'external' || !edge.specifier.startsWith('#')) continue;
    const classified = classifier.external(edge.target.specifier);
    for (const capability of classified.capabilities) {
      if (holds.has(capability)) continue;
      addSource(into, module, { capability, sink: classified.canonical, line: edge.line, column: edge.column });
      if (module.thirdParty) continue;
      into.findings.push({
        file: module.relative,
        line: edge.line,
        column: edge.column,
        ruleId: 'cross-module-capability',
        capability,
        message: `\`${edge.specifier}\` maps to \`${edge.target.specifier}\` through package.json \`imports\` (node condition): it reaches \`${capability}\`, which this module does not hold.`,
        witness: [module.relative, edge.specifier, classified.canonical],
      });
    }
  }
}

function addSource(into: DirectResult, module: ModuleNode, source: DirectSource): void {
  // A dependency's own use of packages that the project's allow list does not name is followed
  // with --deps (or is opaque without it); it is not the project's UNKNOWN_PACKAGE.
  if (module.thirdParty && source.capability === 'UNKNOWN_PACKAGE') return;
  const list = into.sources.get(module.file) ?? [];
  list.push(source);
  into.sources.set(module.file, list);
}

/** Per-module findings (the detector's, plus cross-module uses and unresolved modules) and the sources they start; `memo` keeps the cross-module part between runs. */
export function directStage(graph: ModuleGraph, classifier: Classifier, holdsOf: (module: ModuleNode) => ReadonlySet<Capability>, memo?: CrossModuleMemo): DirectResult {
  const result: DirectResult = { findings: [], sources: new Map() };
  const lookup = memoizedExportLookup(graph);
  const unreadFor = unreadLoads(graph);
  for (const module of graph.modules.values()) {
    const facts = module.facts;
    if (facts === null) continue;
    const unread = facts.foldedCalls === undefined ? undefined : unreadFor(module);
    if (unread !== undefined && !holdsOf(module).has('UNANALYZED')) {
      for (const finding of untrustedFoldFindings(module, unread)) {
        addSource(result, module, { capability: finding.capability, sink: finding.witness?.at(-1) ?? '', line: finding.line, column: finding.column });
        if (!module.thirdParty) result.findings.push(finding);
      }
    }
    for (const finding of facts.findings) {
      if (finding.unless !== undefined && isWithdrawn(graph, module, finding.unless)) continue;
      if (reaches(finding)) addSource(result, module, finding);
      if (!module.thirdParty) {
        const { ruleId, capability, message, line, column } = finding;
        result.findings.push({ file: module.relative, line, column, ruleId, capability, message });
      }
    }
    subpathFindings(module, classifier, holdsOf(module), result);
    if (!holdsOf(module).has('UNANALYZED')) {
      for (const { sink, finding } of envChildFindings(graph, module)) {
        addSource(result, module, { capability: 'UNANALYZED', sink, line: finding.line, column: finding.column });
        if (!module.thirdParty) result.findings.push(finding);
      }
    }
    if (!module.thirdParty) {
      for (const edge of module.edges) {
        if (edge.target.kind !== 'unresolved') continue;
        const source = { capability: 'UNANALYZED' as const, sink: edge.target.specifier, line: edge.line, column: edge.column };
        addSource(result, module, source);
        result.findings.push({
          file: module.relative,
          ...source,
          ruleId: 'unresolved-module',
          message: `\`${edge.target.specifier}\` does not resolve to a file the guard can analyze, so what it reaches is unknown.`,
        });
      }
    }
    if (facts.uses.length === 0) continue;
    let cross = memo?.kept(module);
    if (cross === undefined) {
      const reads = new Set<string>();
      cross = crossModuleFindings(graph, module, classifier, holdsOf(module), lookup, reads);
      memo?.keep(module, cross, reads);
    }
    for (const source of cross.sources) addSource(result, module, source);
    result.findings.push(...cross.findings);
  }
  return result;
}
