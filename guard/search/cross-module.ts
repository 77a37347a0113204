import type { Capability } from '../../policy/index.js';
import type { Classifier } from '../classify.js';
import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { CrossModuleUse, GuardFinding, ImportBinding } from '../types.js';
import type { DirectSource } from './direct.js';
import { importedModule, type ExportValue, type memoizedExportLookup } from './exports-lookup.js';

/**
 * One module's uses of bindings imported from other modules, followed to what they export: the
 * findings and the sources they start. Kept between runs (cross-module-memo.ts), so it is a value
 * of its own with every module file it read, not pushed into the stage's totals.
 */
export interface CrossModuleResult {
  readonly findings: readonly GuardFinding[];
  readonly sources: readonly DirectSource[];
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

/** What one module's cross-module uses reach (outside `holds`); `reads` gets every module file the answer depends on besides the module itself. */
export function crossModuleFindings(graph: ModuleGraph, module: ModuleNode, classifier: Classifier, holds: ReadonlySet<Capability>, lookup: ExportLookup, reads: Set<string>): CrossModuleResult {
  const findings: GuardFinding[] = [];
  const sources: DirectSource[] = [];
  const facts = module.facts;
  if (facts === null || facts.uses.length === 0) return { findings, sources };
  // The first import of each local name, as a search from the start finds it.
  const imports = new Map<string, ImportBinding>();
  for (const binding of facts.imports) if (!imports.has(binding.local)) imports.set(binding.local, binding);
  for (const rawUse of facts.uses) {
    const binding = imports.get(rawUse.binding);
    if (binding === undefined) continue;
    const target = importedModule(graph, module, binding.specifier, reads);
    const name = exportNameOf(binding.imported, rawUse);
    if (target === undefined || name === undefined) continue;
    // Most names lead to no value the search follows: the use is rebuilt only for those that do.
    const traced = lookup(target, name);
    for (const file of traced.reads) reads.add(file);
    const value = traced.value;
    const reach = value === undefined ? undefined : reachOfUse(useOfExport(binding.imported, rawUse), value, classifier);
    if (value === undefined || reach === undefined) continue;
    for (const capability of reach.capabilities) {
      if (holds.has(capability)) continue;
      sources.push({ capability, sink: reach.sink, line: rawUse.line, column: rawUse.column });
      if (!module.thirdParty) {
        findings.push({
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
  return { findings, sources };
}
