import { startupEnvWriteOf } from './env-file-loads.js';
import type ts from 'typescript';
import { grantedCapabilities, isAction, isInspectorFile, ACTION_NAMES, type Action, type PolicyConfig } from '../../policy/index.js';
import { Analyzer } from './analyzer.js';
import { FindingCollector } from './collector.js';
import { localImportBindings } from './import-bindings.js';
import { findActionDeclaration } from './declared-actions.js';
import { TextChecker } from './text-checks.js';
import { useProjectJsx } from './jsx-factories.js';
import { foldedCallSitesOf } from './folded-call-sites.js';
import type { TypeOracle } from './type-oracle.js';
import type { AnalyzeOptions, FileFacts } from './types.js';

export { RULE_MESSAGES, messageFor, renderMessage, type MessageIdOf } from './messages.js';
export { ruleForCapability } from './collector.js';
export { literalString, parseSourceText, scriptKindFor, skipOuter, stringValue } from './syntax.js';
export { isVerifiedWrapperCall } from './interop-index.js';
export { jsxSettingsOf } from './jsx-factories.js';
export type { ImportedEscapes, Resolved, TypeOracle, UntypedEscape } from './type-oracle.js';
export type { BindingUse } from './binding-uses.js';
export type { ImportBinding } from './import-bindings.js';
export type { AnalyzeOptions, JsxSettings, ConditionalReach, DeclaredActions, FileFacts, Finding, ModuleReference, ReferenceKind, RuleId, WithdrawnUnless } from './types.js';

type FactsMemo = WeakMap<ts.SourceFile, WeakMap<PolicyConfig, Map<string, FileFacts>>>;

/** One walk per file and policy: seven rules (and the guard) share it. */
const memo: FactsMemo = new WeakMap();
/** Typed facts per program too: a kept program's next version (`tki-guard --watch`) reuses an unchanged file's SourceFile, whose imported types may have changed. */
const typedMemos = new WeakMap<TypeOracle, FactsMemo>();

/**
 * The one per-file detector. Returns every module reference, the `allowedActions` declaration,
 * and every finding of the seven rules, already filtered by the file's grants and declared
 * actions: a finding means "this file reaches a capability it does not hold". With `types`
 * (analysis/typed), references are also classified by the declarations they resolve to.
 */
export function analyzeSourceFile(sourceFile: ts.SourceFile, options: AnalyzeOptions, types?: TypeOracle): FileFacts {
  let files = types === undefined ? memo : typedMemos.get(types);
  if (files === undefined) typedMemos.set(types as TypeOracle, (files = new WeakMap()));
  let byPolicy = files.get(sourceFile);
  if (byPolicy === undefined) files.set(sourceFile, (byPolicy = new WeakMap()));
  let byPath = byPolicy.get(options.policy);
  if (byPath === undefined) byPolicy.set(options.policy, (byPath = new Map()));
  const key = `${types === undefined ? 'syntax' : 'typed'}\u0000${options.relativePath}\u0000${options.jsx?.factory ?? ''}\u0000${options.jsx?.fragmentFactory ?? ''}`;
  const cached = byPath.get(key);
  if (cached !== undefined) return cached;
  const facts = analyze(sourceFile, options, types);
  byPath.set(key, facts);
  return facts;
}

function analyze(sourceFile: ts.SourceFile, { policy, relativePath, jsx }: AnalyzeOptions, types: TypeOracle | undefined): FileFacts {
  useProjectJsx(sourceFile, jsx);
  const declaration = findActionDeclaration(sourceFile);
  const validActions: Action[] = declaration?.declared.wellFormed ? declaration.declared.actions.filter(isAction) : [];
  const report = new FindingCollector(sourceFile, grantedCapabilities(relativePath, policy, validActions));
  if (declaration !== null) {
    if (declaration.problems.length > 0) {
      const { start, end } = declaration.declared;
      report.addAt('allowed-actions', 'invalidDeclaration', 'UNANALYZED', { problem: declaration.problems.join('; ') }, start, end);
    }
    for (const element of declaration.elements) {
      if (!isAction(element.action)) {
        report.add('allowed-actions', 'unknownAction', 'UNANALYZED', { action: element.action, universe: ACTION_NAMES.join(', ') }, element.node);
      }
    }
  }
  const text = isInspectorFile(relativePath, policy) ? new TextChecker(report) : undefined;
  const imports = localImportBindings(sourceFile);
  const analyzer = new Analyzer(sourceFile, policy, report, text, types, new Set(imports.map((binding) => binding.local)));
  analyzer.run();
  const bindingUses = analyzer.bindingUses.sort((a, b) => a.start - b.start);
  // A declaration file runs nothing: its imports describe types, and it reaches no capability.
  if (sourceFile.isDeclarationFile) {
    return { references: analyzer.references.map((reference) => ({ ...reference, typeOnly: true })), declaredActions: null, findings: [], reached: [], imports, bindingUses };
  }
  const findings = [...report.findings].sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  const reachedUnless = report.reachedUnless.length === 0 ? {} : { reachedUnless: report.reachedUnless };
  const folded = foldedCallSitesOf(sourceFile);
  const foldedCalls = folded.length === 0 ? {} : { foldedCalls: folded };
  const envWrite = startupEnvWriteOf(analyzer);
  const env = { ...(envWrite === undefined ? {} : { envWrite }), ...(report.envChildren.length === 0 ? {} : { envChildren: report.envChildren }) };
  return { references: analyzer.references, declaredActions: declaration?.declared ?? null, findings, reached: [...report.reached].sort(), ...reachedUnless, ...env, imports, bindingUses, ...foldedCalls };
}
