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
 * A program that resolved no imports cannot say what a reference is. typescript-eslint builds
 * one (`noResolve`, no current directory) when single-run mode (inferred when `CI` is set) parses
 * a file a second time, e.g. in `eslint --fix`'s later passes; the checker then throws on some
 * queries. Such a file gets the syntactic detector.
 */
function resolvesNothing(program: ts.Program): boolean {
  return program.getCompilerOptions().noResolve === true || program.getCurrentDirectory() === '';
}

/**
 * The type-checked program typescript-eslint built for this file (`parserOptions.projectService`
 * or `project`), with the file's own source file in it; undefined without type information
 * (or with a program that resolved nothing), and then the rules run the syntactic detector.
 */
export function typedSourceOf(sourceCode: Readonly<TSESLint.SourceCode>): { program: ts.Program; sourceFile: ts.SourceFile } | undefined {
  const services = sourceCode.parserServices as { program?: ts.Program | null; esTreeNodeToTSNodeMap?: { get(node: unknown): ts.Node | undefined } } | undefined;
  const program = services?.program ?? undefined;
  if (program === undefined || resolvesNothing(program)) return undefined;
  const node = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast);
  if (node === undefined || node.kind !== ts.SyntaxKind.SourceFile || (node as ts.SourceFile).text !== sourceCode.text) return undefined;
  const sourceFile = node as ts.SourceFile;
  return program.getSourceFile(sourceFile.fileName) === sourceFile ? { program, sourceFile } : undefined;
}
