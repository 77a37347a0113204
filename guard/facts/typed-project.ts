import { Project, ts } from 'ts-morph';

/**
 * The ts-morph Project the typed guard analyzes, with every source file created the way tsc
 * creates it.
 *
 * ts-morph 28's document registry (@ts-morph/common 0.29, `DocumentRegistry#updateSourceFile`)
 * creates each file with the compiler target alone and drops the creation options TypeScript
 * computes for it: the file's module format (`.mts`/`.cts`, `"type"` of the nearest package.json)
 * and the module-detection rule. So every file without an `import`/`export` was bound as a global
 * script, even a `.mts` file that Node and tsc treat as a module, and the top-level names of
 * unrelated files merged into one global declaration: two `async function* clients()` in two
 * `.mts` files made the checker type one file's `c.fetch` by the other file's generator (red team
 * round 6, `flow6-lookalike-async-generator-local-client`). The checker must see the program tsc
 * sees, or judging a reference by its declaration judges the wrong declaration.
 *
 * The registry's public methods are replaced on the instance (its cache is private) before any
 * file is added, with ones that pass TypeScript's own creation options: as given by the language
 * service when it asks for a file, computed the same way when ts-morph adds one itself.
 */
export function createTypedProject(tsconfig: string): Project {
  const project = new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true });
  honourModuleFormats(project);
  project.addSourceFilesFromTsConfig(tsconfig);
  project.resolveSourceFileDependencies();
  return project;
}

type Settings = ts.CompilerOptions | { getCompilationSettings(): ts.CompilerOptions };

interface Registry {
  createOrUpdateSourceFile(fileName: string, settings: ts.CompilerOptions, snapshot: ts.IScriptSnapshot, kind?: ts.ScriptKind): ts.SourceFile;
  removeSourceFile(fileName: string): void;
  acquireDocument(...args: AcquireArgs): ts.SourceFile;
  acquireDocumentWithKey(fileName: string, path: string, ...rest: KeyedRest): ts.SourceFile;
  updateDocument(...args: AcquireArgs): ts.SourceFile;
  updateDocumentWithKey(fileName: string, path: string, ...rest: KeyedRest): ts.SourceFile;
  getSourceFileVersion(file: ts.SourceFile): string;
}
type AcquireArgs = [fileName: string, settings: Settings, snapshot: ts.IScriptSnapshot, version: string, kind?: ts.ScriptKind, options?: ts.CreateSourceFileOptions | ts.ScriptTarget];
type KeyedRest = [settings: Settings, key: unknown, snapshot: ts.IScriptSnapshot, version: string, kind?: ts.ScriptKind, options?: ts.CreateSourceFileOptions | ts.ScriptTarget];

const REGISTRY_METHODS = ['createOrUpdateSourceFile', 'removeSourceFile', 'acquireDocument', 'acquireDocumentWithKey', 'updateDocument', 'updateDocumentWithKey', 'getSourceFileVersion'] as const;

/** ts-morph's registry, or a one-line failure: a ts-morph that moved it must not analyze silently with scripts for modules. */
function registryOf(project: Project): { registry: Registry; standardized: (fileName: string) => string } {
  const context = (project as unknown as { _context?: { compilerFactory?: { documentRegistry?: unknown }; fileSystemWrapper?: { getStandardizedAbsolutePath?: unknown } } })._context;
  const registry = context?.compilerFactory?.documentRegistry;
  const files = context?.fileSystemWrapper;
  const shaped = typeof registry === 'object' && registry !== null && REGISTRY_METHODS.every((name) => typeof (registry as Record<string, unknown>)[name] === 'function');
  if (!shaped || typeof files?.getStandardizedAbsolutePath !== 'function') throw new Error('this ts-morph version keeps its document registry elsewhere; tki-guard needs ts-morph 28.0 (see package.json)');
  const standardize = files.getStandardizedAbsolutePath as (fileName: string) => string;
  return { registry: registry as Registry, standardized: (fileName) => standardize.call(files, fileName) };
}

/** TypeScript's internal rule for which files are modules under the options' `moduleDetection` (exported, not declared). */
function moduleIndicatorSetter(options: ts.CompilerOptions): (file: ts.SourceFile) => void {
  const internal = ts as unknown as { getSetExternalModuleIndicator?: (options: ts.CompilerOptions) => (file: ts.SourceFile) => void };
  if (internal.getSetExternalModuleIndicator === undefined) throw new Error('this TypeScript has no getSetExternalModuleIndicator; tki-guard needs the TypeScript ts-morph 28.0 bundles');
  return internal.getSetExternalModuleIndicator(options);
}

/** The target tsc parses with (`getEmitScriptTarget`: the option, else its default), as the language service passes it. */
function emitTarget(options: ts.CompilerOptions): ts.ScriptTarget {
  const internal = ts as unknown as { getEmitScriptTarget?: (options: ts.CompilerOptions) => ts.ScriptTarget };
  return internal.getEmitScriptTarget?.(options) ?? options.target ?? ts.ScriptTarget.Latest;
}

function honourModuleFormats(project: Project): void {
  const { registry, standardized } = registryOf(project);
  const compilerOptions = project.getCompilerOptions();
  const packageJsons = ts.createModuleResolutionCache(process.cwd(), (name) => name, compilerOptions).getPackageJsonInfoCache();
  const setIndicator = moduleIndicatorSetter(compilerOptions);
  const files = new Map<string, ts.SourceFile>();

  /** What tsc's program passes for a file it creates (program.ts, getCreateSourceFileOptions). */
  const creationOptions = (fileName: string): ts.CreateSourceFileOptions => ({
    languageVersion: emitTarget(compilerOptions),
    impliedNodeFormat: ts.getImpliedNodeFormatForFile(fileName, packageJsons, ts.sys, compilerOptions),
    setExternalModuleIndicator: setIndicator,
  });
  const create = (fileName: string, snapshot: ts.IScriptSnapshot, version: string, kind: ts.ScriptKind | undefined, given: ts.CreateSourceFileOptions | ts.ScriptTarget | undefined): ts.SourceFile => {
    const options = typeof given === 'object' ? given : creationOptions(fileName);
    const file = ts.createLanguageServiceSourceFile(fileName, snapshot, options, version, true, kind);
    files.set(fileName, file);
    return file;
  };
  const acquire = (fileName: string, snapshot: ts.IScriptSnapshot, version: string, kind?: ts.ScriptKind, given?: ts.CreateSourceFileOptions | ts.ScriptTarget): ts.SourceFile => {
    const key = standardized(fileName);
    const known = files.get(key);
    const sameFormat = known !== undefined && (typeof given !== 'object' || given.impliedNodeFormat === known.impliedNodeFormat);
    return known !== undefined && sameFormat && registry.getSourceFileVersion(known) === version ? known : create(key, snapshot, version, kind, given);
  };

  registry.createOrUpdateSourceFile = (fileName, _settings, snapshot, kind) => {
    const known = files.get(fileName);
    const version = known === undefined ? '0' : String((Number.parseInt(registry.getSourceFileVersion(known), 10) || 0) + 1);
    return create(fileName, snapshot, version, kind, undefined);
  };
  registry.removeSourceFile = (fileName) => void files.delete(fileName);
  registry.acquireDocument = (fileName, _settings, snapshot, version, kind, given) => acquire(fileName, snapshot, version, kind, given);
  registry.updateDocument = registry.acquireDocument;
  registry.acquireDocumentWithKey = (fileName, _path, _settings, _key, snapshot, version, kind, given) => acquire(fileName, snapshot, version, kind, given);
  registry.updateDocumentWithKey = registry.acquireDocumentWithKey;
}
