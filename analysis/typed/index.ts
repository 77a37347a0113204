import type ts from 'typescript';
import { analyzeSourceFile, type AnalyzeOptions, type FileFacts, type TypeOracle } from '../syntax/index.js';
import { createTypeOracle } from './oracle.js';

export { ownerOf, packageOfFile } from './declaration-owner.js';
export { createTypeOracle } from './oracle.js';

/** One oracle per program: the checker caches what it resolved, so every file shares it. */
const oracles = new WeakMap<ts.Program, TypeOracle>();

export function oracleFor(program: ts.Program): TypeOracle {
  let oracle = oracles.get(program);
  if (oracle === undefined) oracles.set(program, (oracle = createTypeOracle(program.getTypeChecker())));
  return oracle;
}

/**
 * The typed classifier: the one walk of analysis/syntax, with every reference the syntax cannot
 * place classified by the declaration it resolves to in `program`. `sourceFile` must be the
 * program's own. References the types do not resolve (no @types/node, plain JavaScript) keep
 * their syntactic judgement, one by one.
 */
export function analyzeTypedSourceFile(program: ts.Program, sourceFile: ts.SourceFile, options: AnalyzeOptions): FileFacts {
  return analyzeSourceFile(sourceFile, options, oracleFor(program));
}
