import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { analyzeTypedSourceFile } from '../../analysis/typed/index.js';
import { analyzeSourceFile, parseSourceText, type FileFacts } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY, type PolicyConfig } from '../../policy/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export const TYPED_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowJs: true,
  types: ['node'],
  typeRoots: [path.join(repoRoot, 'node_modules/@types')],
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.webworker.importscripts.d.ts'],
};

/** One program over many small files (a program with @types/node costs about a second). */
export interface TypedProject {
  typed(file: string, policy?: PolicyConfig): FileFacts;
  syntactic(file: string, policy?: PolicyConfig): FileFacts;
  dispose(): void;
}

export function typedProject(files: Readonly<Record<string, string>>, options: ts.CompilerOptions = TYPED_OPTIONS): TypedProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tki-typed-'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const program = ts.createProgram(Object.keys(files).map((name) => path.join(dir, name)), options);
  program.getTypeChecker();
  return {
    typed(file, policy = RECOMMENDED_POLICY) {
      const sourceFile = program.getSourceFile(path.join(dir, file));
      if (sourceFile === undefined) throw new Error(`${file} is not in the program`);
      return analyzeTypedSourceFile(program, sourceFile, { policy, relativePath: `lib/${file}` });
    },
    syntactic(file, policy = RECOMMENDED_POLICY) {
      const text = files[file];
      if (text === undefined) throw new Error(`${file} is not in the project`);
      return analyzeSourceFile(parseSourceText(file, text), { policy, relativePath: `lib/${file}` });
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const capabilitiesOf = (facts: FileFacts): string[] => [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
