import ts from '../../policy/typescript.cjs';

/** A file of the project itself (not a declaration file, not a package's). */
function isProjectSource(file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && !file.fileName.includes('/node_modules/');
}

/** The project file a module specifier names, as the checker resolved it. */
function moduleFile(checker: ts.TypeChecker, specifier: ts.Expression): ts.SourceFile | undefined {
  const symbol = checker.getSymbolAtLocation(specifier);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  return declaration !== undefined && ts.isSourceFile(declaration) && isProjectSource(declaration) ? declaration : undefined;
}

/** The names an import or re-export binds (`{ a, b as c }`, a default, `import x = require(…)`), as written. */
function boundNames(statement: ts.Node): ts.Node[] {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    const named = clause?.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((element) => element.name) : [];
    return clause?.name === undefined ? named : [clause.name, ...named];
  }
  if (ts.isExportDeclaration(statement) && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
    return statement.exportClause.elements.map((element) => element.propertyName ?? element.name);
  }
  return [];
}

/** The project files a bound name's declarations are in, through every alias (a barrel's re-export included). */
function declaringFiles(checker: ts.TypeChecker, name: ts.Node, into: Set<ts.SourceFile>): void {
  let symbol = ts.isExportSpecifier(name.parent) ? checker.getExportSpecifierLocalTargetSymbol(name.parent) : checker.getSymbolAtLocation(name);
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  for (const declaration of symbol?.declarations ?? []) {
    const file = declaration.getSourceFile();
    if (isProjectSource(file)) into.add(file);
  }
}

/** A module's `export … from` targets, followed through barrels (`export * from './provider.js'`). */
function reexportedFiles(checker: ts.TypeChecker, file: ts.SourceFile, into: Set<ts.SourceFile>): void {
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier === undefined) continue;
    const target = moduleFile(checker, statement.moduleSpecifier);
    if (target === undefined || into.has(target)) continue;
    into.add(target);
    reexportedFiles(checker, target, into);
  }
}

/** reexportedFiles from a module alone, in its order: one walk of a barrel per program, however many files import it. */
const reexportsOf = new WeakMap<ts.TypeChecker, WeakMap<ts.SourceFile, readonly ts.SourceFile[]>>();

function moduleAndReexports(checker: ts.TypeChecker, target: ts.SourceFile): readonly ts.SourceFile[] {
  let byFile = reexportsOf.get(checker);
  if (byFile === undefined) reexportsOf.set(checker, (byFile = new WeakMap()));
  let files = byFile.get(target);
  if (files === undefined) {
    const found = new Set<ts.SourceFile>([target]);
    reexportedFiles(checker, target, found);
    byFile.set(target, (files = [...found]));
  }
  return files;
}

/**
 * The project files whose code an import or re-export brings in, as the checker resolves them:
 * the module the specifier names, the modules it re-exports (a barrel), and the files the bound
 * names are declared in. Files the import names no binding of still run (their top level) when
 * the module loads, so the module itself is always counted.
 */
export function importedProjectFiles(checker: ts.TypeChecker, specifier: ts.Expression): readonly ts.SourceFile[] {
  const target = moduleFile(checker, specifier);
  if (target === undefined) return [];
  const files = new Set<ts.SourceFile>(moduleAndReexports(checker, target));
  let statement: ts.Node = specifier.parent;
  if (ts.isExternalModuleReference(statement)) statement = statement.parent;
  for (const name of boundNames(statement)) declaringFiles(checker, name, files);
  return [...files];
}
