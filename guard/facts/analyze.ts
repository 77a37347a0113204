import type ts from 'typescript';
import { canonicalBuiltin, type PolicyConfig } from '../../policy/index.js';
import type { AnalyzeOptions, FileFacts, Finding, JsxSettings, ModuleReference } from '../../analysis/syntax/index.js';
import type { LocatedFinding, ModuleExports, ModuleFacts, Position } from '../types.js';
import { constantListExport } from './constant-list.js';
import { collectExports } from './exports.js';
import { computedLoadSites } from './load-sites.js';
import { collectUses } from './uses.js';
import { lineStartsOf, positionIn } from './line-starts.js';

/**
 * The shared per-file detector (analysis/syntax, or analysis/typed over a program), injected so
 * that tests and callers choose it. A typed detector owns its program's source files: the guard
 * takes them instead of parsing the same text again, and must not cache or ship them to workers.
 */
export type Detector = ((sourceFile: ts.SourceFile, options: AnalyzeOptions) => FileFacts) & {
  readonly typed?: true;
  readonly sourceFileOf?: (file: string) => ts.SourceFile | undefined;
};


/** The last element of a witness path: the module a finding imports, else the code it points at. */
function sinkOf(finding: Finding, references: readonly ModuleReference[], text: string): string {
  const reference = references.find((candidate) => candidate.start < finding.end && finding.start < candidate.end);
  if (reference !== undefined && reference.specifier !== null) return canonicalBuiltin(reference.specifier) ?? reference.specifier;
  const snippet = text.slice(finding.start, finding.end).split('\n')[0]?.trim() ?? '';
  return snippet.length > 40 ? `${snippet.slice(0, 39)}…` : snippet;
}

function withConstantList(exports: ModuleExports, list: readonly string[] | undefined): ModuleExports {
  return list === undefined ? exports : { ...exports, constantList: list };
}

/** Detector facts plus what only the whole program needs, located in lines and columns. */
export function analyzeModule(sourceFile: ts.SourceFile, relativePath: string, policy: PolicyConfig, detect: Detector, jsx?: JsxSettings): ModuleFacts {
  const facts = detect(sourceFile, { policy, relativePath, ...(jsx === undefined ? {} : { jsx }) });
  const text = sourceFile.text;
  const lineStarts = lineStartsOf(sourceFile);
  const positionOf = (offset: number): Position => positionIn(lineStarts, offset);
  const findings: LocatedFinding[] = facts.findings.map((finding) => ({
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    capability: finding.capability,
    message: finding.message,
    sink: sinkOf(finding, facts.references, text),
    ...(finding.unless === undefined ? {} : { unless: finding.unless }),
    ...positionOf(finding.start),
  }));
  const sites = computedLoadSites(sourceFile, facts.references);
  return {
    references: facts.references.map((reference) => ({
      specifier: reference.specifier,
      kind: reference.kind,
      typeOnly: reference.typeOnly,
      ...positionOf(reference.start),
    })),
    declaredActions:
      facts.declaredActions === null ? null : { actions: facts.declaredActions.actions, ...positionOf(facts.declaredActions.start) },
    findings,
    reached: facts.reached,
    ...(facts.reachedUnless === undefined ? {} : { reachedUnless: facts.reachedUnless }),
    ...(facts.envWrite === undefined ? {} : { envWrite: facts.envWrite }),
    ...(facts.envChildren === undefined ? {} : { envChildren: facts.envChildren.map((child) => ({ name: child.name, ...positionOf(child.start) })) }),
    imports: facts.imports,
    uses: collectUses(facts.imports, facts.bindingUses, sites, positionOf, sourceFile),
    exports: withConstantList(collectExports(sourceFile, sites), constantListExport(sourceFile)),
    ...(facts.foldedCalls === undefined ? {} : { foldedCalls: facts.foldedCalls.map(({ start, builtin }) => ({ builtin, ...positionOf(start) })) }),
  };
}
