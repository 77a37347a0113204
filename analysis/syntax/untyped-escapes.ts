import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import {
  GLOBAL_OBJECT_NAMES,
  LOADER_NAMES,
  classifyModule,
  globalCapabilities,
  globalValueCapabilities,
  memberCapabilities,
  processMemberCapabilities,
  type Capability,
  type PolicyConfig,
} from '../../policy/index.js';
import type { Resolved, UntypedEscape } from './type-oracle.js';
import type { Walker } from './walker.js';

/** What a capability-bearing value reaches, by the policy (empty: it carries nothing, `path.join`). */
export function capabilitiesOfValue(value: Resolved, policy: PolicyConfig): readonly Capability[] {
  if (value.kind === 'module-member') {
    const capabilities = value.member === null ? classifyModule(value.specifier, policy).capabilities : memberCapabilities(value.specifier, value.member, policy);
    // The allow list judges the specifiers code writes, at its imports; where a value's type is declared is not one.
    return capabilities.filter((capability) => capability !== 'UNKNOWN_PACKAGE');
  }
  if (value.member !== null) return (value.name === 'process' ? processMemberCapabilities(value.member) : globalCapabilities(value.name, value.member)) ?? [];
  if (value.name === 'Function' || value.name === 'eval') return ['DYNAMIC_CODE'];
  if (value.name === 'process' || LOADER_NAMES.includes(value.name) || GLOBAL_OBJECT_NAMES.includes(value.name)) return ['UNANALYZED'];
  return globalValueCapabilities(value.name) ?? [];
}

function valueName(escape: UntypedEscape): string {
  const text = escape.node.getText();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function baseName(file: ts.SourceFile): string {
  return file.fileName.slice(file.fileName.lastIndexOf('/') + 1);
}

/**
 * A capability handed to an `any`/`unknown` place leaves the types: whoever takes it back out
 * (`signal.reason`, `error.cause`, a `catch` binding, `map.get(k)`) calls it with no type that
 * names it, under its own grants. So the hand-off is UNANALYZED where it is written, whatever that
 * file is granted (its grant covers its own use, not a hand-off nobody can trace), and every
 * project file that imports the module reaches the capability itself, at the import (typed mode;
 * the oracle finds both, analysis/typed/untyped-escapes.ts).
 */
export function reportUntypedEscapes(walker: Walker): void {
  const types = walker.types;
  if (types === undefined) return;
  for (const escape of types.untypedEscapes(walker.sourceFile)) {
    const capabilities = capabilitiesOfValue(escape.value, walker.policy);
    if (capabilities.length === 0) continue;
    // `look(process)` where `look` only reads constant members of its parameter: judged by those members (docs/choices.md 57).
    if (escape.value.kind === 'global' && escape.value.member === null && walker.memberJudgedValues.has(escape.node)) continue;
    // What only the types place (a namespace a typed call returned) is reached here too; its grant may cover that.
    if (!escape.judgedAtImport) walker.reachResolved(escape.value, escape.node);
    walker.report.unanalyzed(escape.node, valueName(escape), `it reaches ${capabilities.join(', ')} and is handed to ${escape.slot}, where the type checker loses it: whoever takes it out uses it under its own grants`);
  }
  for (const statement of walker.sourceFile.statements) {
    const specifier = importedSpecifier(statement);
    if (specifier !== undefined) reportImportedEscapes(walker, specifier);
  }
}

/**
 * The escapes of the project modules a load brings in (an import, a re-export, or a `require`/
 * `createRequire` load with a literal: module-references.ts), reached at its specifier (typed mode).
 */
export function reportImportedEscapes(walker: Walker, specifier: ts.StringLiteral): void {
  const types = walker.types;
  if (types === undefined) return;
  for (const imported of types.importedEscapes(specifier)) {
    if (imported.file === walker.sourceFile) continue;
    for (const escape of imported.escapes) {
      const capabilities = capabilitiesOfValue(escape.value, walker.policy);
      if (capabilities.length === 0) continue;
      const line = imported.file.getLineAndCharacterOfPosition(escape.node.getStart(imported.file)).line + 1;
      walker.report.reach(capabilities, specifier, specifier.text, 'module', `\`${baseName(imported.file)}\` hands \`${valueName(escape)}\` to ${escape.slot} at line ${line}, where the types lose it`);
    }
  }
}

/** The module specifier of an import or re-export that brings in code (not `import type`). */
function importedSpecifier(statement: ts.Statement): ts.StringLiteral | undefined {
  if (tsv.isImportDeclaration(statement)) return statement.importClause?.isTypeOnly === true || !tsv.isStringLiteral(statement.moduleSpecifier) ? undefined : statement.moduleSpecifier;
  if (tsv.isExportDeclaration(statement)) return statement.isTypeOnly || statement.moduleSpecifier === undefined || !tsv.isStringLiteral(statement.moduleSpecifier) ? undefined : statement.moduleSpecifier;
  if (tsv.isImportEqualsDeclaration(statement) && !statement.isTypeOnly && tsv.isExternalModuleReference(statement.moduleReference) && tsv.isStringLiteral(statement.moduleReference.expression)) return statement.moduleReference.expression;
  return undefined;
}
