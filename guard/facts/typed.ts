import { createTypedProject } from './typed-project.js';
import { extname } from 'node:path';
import { realPathOr } from '../../policy/real-path.js';
import type ts from 'typescript';
import { analyzeSourceFile } from '../../analysis/syntax/index.js';
import { analyzeTypedSourceFile } from '../../analysis/typed/index.js';
import type { Detector } from './analyze.js';

/**
 * The typed detector: a ts-morph Project built from the tsconfig (its own compiler options,
 * its own file list), then the raw compiler objects underneath it (`compilerObject`), because
 * the classifier asks the checker about thousands of nodes and ts-morph's wrappers would cost
 * more than the questions. Files outside the program (reached through the guard's own graph, or
 * shipped by packages) keep the syntactic detector, one by one.
 */
export function createTypedDetector(tsconfig: string): Detector {
  const project = createTypedProject(tsconfig);
  return typedDetectorOf(project.getProgram().compilerObject as unknown as ts.Program);
}

/** The typed detector over one program (`--watch` hands it each program its kept Project re-builds after a save). */
export function typedDetectorOf(program: ts.Program): Detector {
  const programFileAt = programFileByRealPath(program);
  const sourceFileOf = (file: string): ts.SourceFile | undefined => {
    const own = programFileAt(file);
    // A file the program could not parse is left to the guard's own parse, which reports it.
    const diagnostics = (own as unknown as { parseDiagnostics?: readonly unknown[] } | undefined)?.parseDiagnostics ?? [];
    return own !== undefined && diagnostics.length === 0 ? own : undefined;
  };
  const detect: Detector = (sourceFile, options) => {
    const own = programFileAt(sourceFile.fileName);
    return own !== undefined && own.text === sourceFile.text ? analyzeTypedSourceFile(program, own, options) : analyzeSourceFile(sourceFile, options);
  };
  return Object.assign(detect, { typed: true as const, sourceFileOf });
}

/**
 * The program's file at `file`, a real path (the guard's graph names modules by the path Node loads
 * them from), also when the tsconfig's include listed it through a symbolic link (`link/tool.cjs` for
 * `real/tool.cjs`): without this, such a file fell back to the syntactic detector. The real paths of the
 * program's files are computed once, at the first file the program does not hold by that name.
 */
function programFileByRealPath(program: ts.Program): (file: string) => ts.SourceFile | undefined {
  let byRealPath: Map<string, ts.SourceFile> | undefined;
  return (file) => {
    const own = program.getSourceFile(file);
    if (own !== undefined) return own;
    byRealPath ??= new Map(
      program
        .getSourceFiles()
        .filter((sourceFile) => !sourceFile.isDeclarationFile)
        .map((sourceFile) => [realPathOr(sourceFile.fileName), sourceFile] as const)
        // Same name, other folder only: a link that changes the extension changes the loader (`conf.json` → `payload.js` is JavaScript to Node, JSON to tsc).
        .filter(([real, sourceFile]) => real !== sourceFile.fileName && extname(real) === extname(sourceFile.fileName)),
    );
    return byRealPath.get(file);
  };
}
