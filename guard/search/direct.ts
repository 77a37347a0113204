import type { Capability } from '../../policy/index.js';
import type { Classifier } from '../classify.js';
import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { CrossModuleUse, GuardFinding, ImportBinding, LocatedFinding, Position } from '../types.js';
import { importedModule, memoizedExportLookup, type ExportValue } from './exports-lookup.js';
import { isWithdrawn } from './withdrawn.js';

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

function describeUse(use: CrossModuleUse, value: ExportValue): string {
  const name = use.kind !== 'member' && use.member !== null ? `${use.binding}.${use.member}` : use.binding;
  const from = value.module.relative;
  if (use.kind === 'module-name' && value.kind === 'constant') return `\`${name}\` is the module name \`${value.value}\`, exported by \`${from}\`, and is loaded here`;
  if (use.kind === 'call' && value.kind === 'loader') return `\`${name}\` (from \`${from}\`) loads the module name it is given: \`${use.value}\``;
  const handed = value.kind === 'ambient' ? value.value : 'a value';
  return `\`${handed}\` is handed over from \`${from}\` as \`${use.binding}\` and used here`;
}

/** The capabilities one cross-module use reaches, and the sink it reaches them through. */
function reachOfUse(use: CrossModuleUse, value: ExportValue, classifier: Classifier): { capabilities: readonly Capability[]; sink: string } | undefined {
  if (use.kind === 'module-name' && value.kind === 'constant' && !value.value.startsWith('.')) {
    const classified = classifier.external(value.value);
    return { capabilities: classified.capabilities, sink: classified.canonical };
  }
  if (use.kind === 'call' && value.kind === 'loader' && value.index === use.argumentIndex && !use.value.startsWith('.')) {
    const classified = classifier.external(use.value);
    return { capabilities: classified.capabilities, sink: classified.canonical };
  }
  if (use.kind === 'member' && value.kind === 'ambient') {
    return { capabilities: classifier.ambientMember(value.value, use.members), sink: `${value.value}.${use.members.join('.')}` };
  }
  return undefined;
}

/** The name a use asks the imported module for: the binding's own, or a namespace's first member. */
function exportNameOf(imported: string, use: CrossModuleUse): string | undefined {
  if (imported !== '*') return imported;
  return use.kind === 'member' ? use.members[0] : (use.member ?? undefined);
}

/** The use as the exporting module sees it: a namespace's first member is the export itself. */
function useOfExport(imported: string, use: CrossModuleUse): CrossModuleUse {
  if (imported !== '*') return use;
  return use.kind === 'member' ? { ...use, members: use.members.slice(1) } : { ...use, member: null };
}

type ExportLookup = ReturnType<typeof memoizedExportLookup>;

function crossModuleFindings(graph: ModuleGraph, module: ModuleNode, classifier: Classifier, holds: ReadonlySet<Capability>, into: DirectResult, lookup: ExportLookup): void {
  const facts = module.facts;
  if (facts === null || facts.uses.length === 0) return;
  // The first import of each local name, as a search from the start finds it.
  const imports = new Map<string, ImportBinding>();
  for (const binding of facts.imports) if (!imports.has(binding.local)) imports.set(binding.local, binding);
  for (const rawUse of facts.uses) {
    const binding = imports.get(rawUse.binding);
    if (binding === undefined) continue;
    const target = importedModule(graph, module, binding.specifier);
    const name = exportNameOf(binding.imported, rawUse);
    if (target === undefined || name === undefined) continue;
    // Most names lead to no value the search follows: the use is rebuilt only for those that do.
    const value = lookup(target, name);
    const reach = value === undefined ? undefined : reachOfUse(useOfExport(binding.imported, rawUse), value, classifier);
    if (value === undefined || reach === undefined) continue;
    for (const capability of reach.capabilities) {
      if (holds.has(capability)) continue;
      addSource(into, module, { capability, sink: reach.sink, line: rawUse.line, column: rawUse.column });
      if (!module.thirdParty) {
        into.findings.push({
          file: module.relative,
          line: rawUse.line,
          column: rawUse.column,
          ruleId: 'cross-module-capability',
          capability,
          message: `${describeUse(rawUse, value)}: it reaches \`${capability}\`, which this module does not hold.`,
          witness: [module.relative, value.module.relative, reach.sink],
        });
      }
    }
  }
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

/** Per-module findings (the detector's, plus cross-module uses and unresolved modules) and the sources they start. */
export function directStage(graph: ModuleGraph, classifier: Classifier, holdsOf: (module: ModuleNode) => ReadonlySet<Capability>): DirectResult {
  const result: DirectResult = { findings: [], sources: new Map() };
  const lookup = memoizedExportLookup(graph);
  for (const module of graph.modules.values()) {
    const facts = module.facts;
    if (facts === null) continue;
    for (const finding of facts.findings) {
      if (finding.unless !== undefined && isWithdrawn(graph, module, finding.unless)) continue;
      if (reaches(finding)) addSource(result, module, finding);
      if (!module.thirdParty) {
        const { ruleId, capability, message, line, column } = finding;
        result.findings.push({ file: module.relative, line, column, ruleId, capability, message });
      }
    }
    subpathFindings(module, classifier, holdsOf(module), result);
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
    crossModuleFindings(graph, module, classifier, holdsOf(module), result, lookup);
  }
  return result;
}
