import { dirname, resolve } from 'node:path';
import ts from '../../policy/typescript.cjs';
import type { Detector } from '../facts/analyze.js';

/**
 * `--watch` in typed mode: the ts-morph Project is kept between saves. A save refreshes the saved
 * files in it, and the next program is built from the previous one (TypeScript re-parses and
 * re-binds only what changed), so a save no longer pays for reading, parsing and binding the
 * whole program, the libraries and `@types` again. Only the files whose typed facts can change
 * are analyzed again: the saved ones and every file that imports one of them, transitively (a
 * file's types come from the declarations it imports; the checker never infers them from
 * importers). A save that can change any file (a script's globals, `declare global`, a module
 * augmentation) asks for the full run.
 */
export interface TypedProgram {
  /** The typed detector over the current program. */
  readonly detector: () => Detector;
  /** After saves of `files` (absolute paths): the files to analyze again, or `null` for a full run. */
  readonly update: (files: readonly string[]) => readonly string[] | null;
}

interface KeptSourceFile {
  refreshFromFileSystemSync(): unknown;
}

interface KeptProject {
  getSourceFile(file: string): KeptSourceFile | undefined;
  getProgram(): { compilerObject: unknown };
}

/** A file that declares globals or augments a module changes what every other file's names mean. */
function changesOtherFiles(file: ts.SourceFile | undefined): boolean {
  if (file === undefined || file.isDeclarationFile) return file !== undefined;
  if (!ts.isExternalModule(file)) return true;
  return file.statements.some((statement) => ts.isModuleDeclaration(statement) && (ts.isStringLiteral(statement.name) || (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0));
}

function specifierOf(node: ts.Node): ts.Node | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) return node.moduleReference.expression;
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) return node.argument.literal;
  if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) return node.arguments[0];
  return undefined;
}

/** The program's own files a file references: imports, re-exports, `import()` types (JSDoc too), `require`, `/// <reference path>`. */
function referencesOf(program: ts.Program, file: ts.SourceFile): ReadonlySet<string> {
  const checker = program.getTypeChecker();
  const found = new Set<string>(file.referencedFiles.map((reference) => resolve(dirname(file.fileName), reference.fileName)));
  const visit = (node: ts.Node): void => {
    const specifier = specifierOf(node);
    if (specifier !== undefined && ts.isStringLiteralLike(specifier)) {
      const symbol = checker.getSymbolAtLocation(specifier);
      const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (declaration !== undefined) found.add(resolve(declaration.getSourceFile().fileName));
    }
    for (const comment of (node as { jsDoc?: readonly ts.Node[] }).jsDoc ?? []) visit(comment);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export async function openTypedProgram(tsconfig: string): Promise<TypedProgram> {
  const [{ createTypedProject }, { typedDetectorOf }] = await Promise.all([import('../facts/typed-project.js'), import('../facts/typed.js')]);
  const project = createTypedProject(tsconfig) as unknown as KeptProject;
  let program = project.getProgram().compilerObject as ts.Program;
  let detect = typedDetectorOf(program);
  /** file → the program files it references; an unsaved file's references cannot change (no file was added or removed). */
  const references = new Map<string, ReadonlySet<string>>();
  const own = (): ts.SourceFile[] => program.getSourceFiles().filter((file) => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file));
  const referencesOfFile = (file: ts.SourceFile): ReadonlySet<string> => {
    const key = resolve(file.fileName);
    const known = references.get(key) ?? referencesOf(program, file);
    references.set(key, known);
    return known;
  };

  return {
    detector: () => detect,
    update(files) {
      const saved = files.map((file) => resolve(file));
      if (saved.some((file) => changesOtherFiles(program.getSourceFile(file)))) return null;
      for (const file of own()) referencesOfFile(file);
      for (const file of saved) project.getSourceFile(file)?.refreshFromFileSystemSync();
      program = project.getProgram().compilerObject as ts.Program;
      detect = typedDetectorOf(program);
      if (saved.some((file) => changesOtherFiles(program.getSourceFile(file)))) return null;
      for (const file of saved) {
        references.delete(file);
        const updated = program.getSourceFile(file);
        if (updated !== undefined) referencesOfFile(updated);
      }
      // Everything that reaches a saved file through references, transitively.
      const affected = new Set(saved);
      for (let grown = true; grown; ) {
        grown = false;
        for (const [file, targets] of references) {
          if (affected.has(file)) continue;
          if ([...targets].some((target) => affected.has(target))) {
            affected.add(file);
            grown = true;
          }
        }
      }
      return [...affected].sort();
    },
  };
}
