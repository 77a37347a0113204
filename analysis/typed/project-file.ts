import ts from '../../policy/typescript.cjs';

/** A file of the project itself: neither a default library file nor a package's (under node_modules). */
export function isProjectFile(program: ts.Program, sourceFile: ts.SourceFile): boolean {
  return !program.isSourceFileDefaultLibrary(sourceFile) && !program.isSourceFileFromExternalLibrary(sourceFile) && !sourceFile.fileName.includes('/node_modules/');
}
