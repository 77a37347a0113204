import ts from 'typescript';
import type { TSESLint } from '@typescript-eslint/utils';
import { parseSourceText } from '../../analysis/syntax/index.js';

/** Files no TypeScript parser saw (espree), parsed once and shared by the seven rules. */
const parsed = new WeakMap<object, ts.SourceFile>();

/**
 * The `ts.SourceFile` for the file being linted: the one typescript-eslint already built when it
 * parsed the file (no second parse), else a parse of the same text.
 */
export function sourceFileOf(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): ts.SourceFile {
  const map = sourceCode.parserServices?.esTreeNodeToTSNodeMap;
  const node: ts.Node | undefined = map?.get(sourceCode.ast);
  if (node !== undefined && node.kind === ts.SyntaxKind.SourceFile && (node as ts.SourceFile).text === sourceCode.text) return node as ts.SourceFile;
  let sourceFile = parsed.get(sourceCode);
  if (sourceFile === undefined) {
    sourceFile = parseSourceText(filename, sourceCode.text);
    parsed.set(sourceCode, sourceFile);
  }
  return sourceFile;
}

/**
 * The type-checked program typescript-eslint built for this file (`parserOptions.projectService`
 * or `project`), with the file's own source file in it; undefined without type information,
 * and then the rules run the syntactic detector.
 */
export function typedSourceOf(sourceCode: Readonly<TSESLint.SourceCode>): { program: ts.Program; sourceFile: ts.SourceFile } | undefined {
  const services = sourceCode.parserServices as { program?: ts.Program | null; esTreeNodeToTSNodeMap?: { get(node: unknown): ts.Node | undefined } } | undefined;
  const program = services?.program ?? undefined;
  if (program === undefined) return undefined;
  const node = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast);
  if (node === undefined || node.kind !== ts.SyntaxKind.SourceFile || (node as ts.SourceFile).text !== sourceCode.text) return undefined;
  const sourceFile = node as ts.SourceFile;
  return program.getSourceFile(sourceFile.fileName) === sourceFile ? { program, sourceFile } : undefined;
}
