import type ts from 'typescript';
import { analyzeSourceFile, type AnalyzeOptions, type FileFacts, type TypeOracle } from '../syntax/index.js';
import { createCapabilityVisibility } from './capability-visibility.js';
import { createTypeOracle } from './oracle.js';
import type { FlowCheck } from './untyped-escapes.js';

export { ownerOf, packageOfFile } from './declaration-owner.js';
export { createTypeOracle } from './oracle.js';
export type { FlowCheck } from './untyped-escapes.js';

interface ProgramOracles {
  /** Every question answered by the checker. */
  readonly full: TypeOracle;
  /** For a file that can see no capability: the types place nothing, and only refute (`mayBeFunction`). */
  readonly precisionOnly: TypeOracle;
  readonly mayReachCapability: (sourceFile: ts.SourceFile) => boolean;
}

/** One oracle per program (and flow check): the checker caches what it resolved, so every file shares it. */
const oracles: Readonly<Record<FlowCheck, WeakMap<ts.Program, ProgramOracles>>> = { gated: new WeakMap(), exhaustive: new WeakMap() };

export function oracleFor(program: ts.Program, sourceFile: ts.SourceFile, flow: FlowCheck = 'gated'): TypeOracle {
  let entry = oracles[flow].get(program);
  if (entry === undefined) {
    const checker = program.getTypeChecker();
    const mayReachCapability = createCapabilityVisibility(program, checker);
    const full = createTypeOracle(checker, mayReachCapability, flow);
    // An import hands over the escapes of the modules it brings in (a barrel's other modules too), whatever the importer can see.
    const precisionOnly: TypeOracle = { resolve: () => undefined, untypedEscapes: () => [], importedEscapes: (specifier) => full.importedEscapes(specifier), capabilityValue: () => undefined, libraryTypeName: () => undefined, mayBeFunction: (node) => full.mayBeFunction(node) };
    entry = { full, precisionOnly, mayReachCapability };
    oracles[flow].set(program, entry);
  }
  return entry.mayReachCapability(sourceFile) ? entry.full : entry.precisionOnly;
}

/**
 * The typed classifier: the one walk of analysis/syntax, with every reference the syntax cannot
 * place classified by the declaration it resolves to in `program`. `sourceFile` must be the
 * program's own. References the types do not resolve (no @types/node, plain JavaScript) keep
 * their syntactic judgement, one by one. A file that can see no capability through its names
 * and imports (capability-visibility.ts) is not type-checked expression by expression. `flow`:
 * untyped-escapes.ts FlowCheck (`exhaustive` only to check the gated default against).
 */
export function analyzeTypedSourceFile(program: ts.Program, sourceFile: ts.SourceFile, options: AnalyzeOptions, flow: FlowCheck = 'gated'): FileFacts {
  return analyzeSourceFile(sourceFile, options, oracleFor(program, sourceFile, flow));
}
