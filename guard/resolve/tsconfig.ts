import { dirname, join, resolve as resolvePath } from 'node:path';
import ts from '../../policy/typescript.cjs';
import type { FileProbe } from './file-probe.js';

/** What of a tsconfig changes where TypeScript finds a module, or what a file imports without saying so. */
export interface TypeScriptLayout {
  readonly directory: string;
  /** `paths` patterns with their targets made absolute (against `baseUrl`, else the tsconfig's folder). */
  readonly paths: ReadonlyArray<{ readonly pattern: string; readonly targets: readonly string[] }>;
  readonly baseUrl: string | undefined;
  readonly rootDirs: readonly string[];
  /** Where compiled output lands and where its source is, for this project and every project it references. */
  readonly outputs: ReadonlyArray<{ readonly outDir: string; readonly rootDir: string }>;
  /** The module a `.tsx`/`.jsx` file imports for `jsx: react-jsx` / `react-jsxdev`, if any. */
  readonly jsxRuntime: string | undefined;
  /**
   * `customConditions`: conditions TypeScript resolves `exports`/`imports` with, because the
   * project runs Node with `--conditions` (or a bundler) that uses them.
   */
  readonly customConditions: readonly string[];
  /** `moduleSuffixes` (`[".server", ""]`): TypeScript tries `x.server.ts` before `x.ts`. */
  readonly moduleSuffixes: readonly string[];
}

/**
 * Parses compiler options only: a host that lists no directories keeps TypeScript from globbing
 * the whole tree. Files are read through the probe, so a saved resolution knows which configs it
 * depended on (saved.ts).
 */
function optionsOnlyHost(probe: FileProbe): ts.ParseConfigHost {
  return { useCaseSensitiveFileNames: true, readDirectory: () => [], fileExists: (path) => probe.isFile(path), readFile: (path) => probe.readText(path)?.replace(/^\uFEFF/, '') };
}

function parseConfig(probe: FileProbe, file: string): ts.ParsedCommandLine | undefined {
  const read = ts.readConfigFile(file, (path) => probe.readText(path)?.replace(/^\uFEFF/, ''));
  if (read.error !== undefined || typeof read.config !== 'object' || read.config === null) return undefined;
  return ts.parseJsonConfigFileContent(read.config, optionsOnlyHost(probe), dirname(file), undefined, file);
}

function configFileOf(path: string): string {
  return path.endsWith('.json') ? path : join(path, 'tsconfig.json');
}

function outputOf(options: ts.CompilerOptions, directory: string): { outDir: string; rootDir: string } | undefined {
  return options.outDir === undefined ? undefined : { outDir: resolvePath(directory, options.outDir), rootDir: resolvePath(directory, options.rootDir ?? '.') };
}

function layoutOf(probe: FileProbe, file: string): TypeScriptLayout | undefined {
  const parsed = parseConfig(probe, file);
  if (parsed === undefined) return undefined;
  const directory = dirname(file);
  const options = parsed.options;
  const baseUrl = options.baseUrl === undefined ? undefined : resolvePath(directory, options.baseUrl);
  const pathsBase = baseUrl ?? (typeof options['pathsBasePath'] === 'string' ? options['pathsBasePath'] : directory);
  const paths = Object.entries(options.paths ?? {}).map(([pattern, targets]) => ({ pattern, targets: targets.map((target) => resolvePath(pathsBase, target)) }));
  const outputs = [outputOf(options, directory)];
  for (const reference of parsed.projectReferences ?? []) {
    const referenced = configFileOf(reference.path);
    const referencedOptions = parseConfig(probe, referenced)?.options;
    if (referencedOptions !== undefined) outputs.push(outputOf(referencedOptions, dirname(referenced)));
  }
  const jsx = options.jsx === ts.JsxEmit.ReactJSX ? 'jsx-runtime' : options.jsx === ts.JsxEmit.ReactJSXDev ? 'jsx-dev-runtime' : undefined;
  return {
    directory,
    paths,
    baseUrl,
    rootDirs: (options.rootDirs ?? []).map((root) => resolvePath(directory, root)),
    outputs: outputs.filter((output) => output !== undefined),
    jsxRuntime: jsx === undefined ? undefined : `${options.jsxImportSource ?? 'react'}/${jsx}`,
    customConditions: options.customConditions ?? [],
    moduleSuffixes: options.moduleSuffixes ?? [],
  };
}

/**
 * The tsconfig that governs a file: the project's own (`--project`), else the nearest
 * tsconfig.json above the file. Parsed once per config file and memoized per directory.
 */
export function createLayoutLocator(probe: FileProbe, projectTsconfig: string | null): (directory: string) => TypeScriptLayout | undefined {
  const byFile = new Map<string, TypeScriptLayout | undefined>();
  const byDirectory = new Map<string, TypeScriptLayout | undefined>();
  const load = (file: string): TypeScriptLayout | undefined => {
    if (!byFile.has(file)) byFile.set(file, layoutOf(probe, file));
    return byFile.get(file);
  };
  if (projectTsconfig !== null) {
    const layout = load(projectTsconfig);
    return () => layout;
  }
  const locate = (directory: string): TypeScriptLayout | undefined => {
    if (byDirectory.has(directory)) return byDirectory.get(directory);
    const candidate = join(directory, 'tsconfig.json');
    const parent = dirname(directory);
    const layout = probe.isFile(candidate) ? load(candidate) : directory.endsWith('/node_modules') || parent === directory ? undefined : locate(parent);
    byDirectory.set(directory, layout);
    return layout;
  };
  return locate;
}
