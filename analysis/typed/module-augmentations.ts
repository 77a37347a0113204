import ts from '../../policy/typescript.cjs';

/**
 * Which files add, by a module augmentation (`declare module 'm' { interface Made { … } }` in a
 * module file, the project's or a package's), to the declarations of another file: the augmented
 * module's own file, and the file of every declaration an augmented name merges with (a name the
 * module only re-exports, `export * from './made.js'`, merges in the file that declares it).
 * Whoever takes a type from such a file takes the augmenting file's declarations with it.
 * `everywhere()` is true when an augmentation holds a statement whose merge is not followed here
 * (an `export … from`, an `export =`): then any file may be augmented.
 * Found once per program (at the first question) over the top-level statements of every module file.
 */
export interface ModuleAugmentations {
  readonly of: (file: ts.SourceFile) => readonly ts.SourceFile[];
  readonly everywhere: () => boolean;
}

/** Found at the first question, once for the program. */
export function createModuleAugmentations(program: ts.Program, checker: ts.TypeChecker): ModuleAugmentations {
  let found: { readonly augmentedBy: ReadonlyMap<ts.SourceFile, ReadonlySet<ts.SourceFile>>; readonly everywhere: boolean } | undefined;
  const find = (): NonNullable<typeof found> => (found ??= findModuleAugmentations(program, checker));
  return { of: (file) => [...(find().augmentedBy.get(file) ?? [])], everywhere: () => find().everywhere };
}

function findModuleAugmentations(program: ts.Program, checker: ts.TypeChecker): { readonly augmentedBy: ReadonlyMap<ts.SourceFile, ReadonlySet<ts.SourceFile>>; readonly everywhere: boolean } {
  const augmentedBy = new Map<ts.SourceFile, Set<ts.SourceFile>>();
  let everywhere = false;
  const add = (symbol: ts.Symbol | undefined, augmenting: ts.SourceFile): void => {
    for (const declaration of symbol?.declarations ?? []) {
      const file = declaration.getSourceFile();
      if (file === augmenting) continue;
      const list = augmentedBy.get(file) ?? new Set<ts.SourceFile>();
      list.add(augmenting);
      augmentedBy.set(file, list);
    }
  };
  for (const file of program.getSourceFiles()) {
    // In a script, `declare module 'm'` declares an ambient module of its own: its names are its declarations, not a merge.
    if (!ts.isExternalModule(file)) continue;
    for (const statement of file.statements) {
      if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name)) continue;
      add(checker.getSymbolAtLocation(statement.name), file);
      const body = statement.body;
      if (body === undefined || !ts.isModuleBlock(body)) continue;
      for (const member of body.statements) {
        // An import, or `export {}`, in the block brings names to it; it merges with nothing.
        if (ts.isImportDeclaration(member) || ts.isImportEqualsDeclaration(member)) continue;
        if (ts.isExportDeclaration(member) && member.moduleSpecifier === undefined && member.exportClause !== undefined && ts.isNamedExports(member.exportClause) && member.exportClause.elements.length === 0) continue;
        const names = ts.isVariableStatement(member) ? member.declarationList.declarations.map((declaration) => declaration.name) : [(member as { name?: ts.Node }).name];
        for (const name of names) {
          if (name === undefined || !ts.isIdentifier(name)) everywhere = true;
          else add(checker.getSymbolAtLocation(name), file);
        }
      }
    }
  }
  return { augmentedBy, everywhere };
}
