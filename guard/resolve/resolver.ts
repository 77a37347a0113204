import { basename, dirname, relative, resolve as resolvePath } from 'node:path';
import type { ReferenceKind } from '../../analysis/syntax/index.js';
import type { ResolutionCache } from '../cache/resolutions.js';
import { fileKindOf } from '../load/file-kinds.js';
import { createFileProbe, type FileProbe } from './file-probe.js';
import { CJS_EXTENSIONS_TYPE_STRIPPING, cjsResolve } from './node-cjs.js';
import { esmResolve } from './node-esm.js';
import { conditionSets, type NodeResult } from './node-shared.js';
import { restoreResolutions } from './saved.js';
import { resolveEnvFile } from './env-file.js';
import { resolveSpawnedExecutable } from './spawned-executable.js';
import { createLayoutLocator } from './tsconfig.js';
import { typeScriptView } from './typescript-view.js';
import type { Loader, Resolution, ResolvedTarget, Resolver } from './types.js';

export interface ResolverOptions {
  /** The project's tsconfig (`--project`); without one each file's nearest tsconfig.json governs it. */
  readonly tsconfig: string | null;
  readonly probe?: FileProbe;
  /** Resolutions saved by an earlier run (guard/cache/resolutions.ts), reused while the tree still supports them. */
  readonly saved?: ResolutionCache;
}

type Algorithm = 'require' | 'import';

/** References Node resolves with `require` (CommonJS) and with `import` (ESM). */
const ALGORITHM: Readonly<Record<ReferenceKind, Algorithm | null>> = {
  require: 'require',
  'import-equals': 'require',
  'create-require': 'require',
  import: 'import',
  'export-from': 'import',
  'dynamic-import': 'import',
  'get-builtin-module': null,
  'import-type': null,
  'spawned-executable': null,
  'env-file': null,
};

/** Source TypeScript compiles (or a bundler transforms) before Node runs it: its imports may become either kind. */
const COMPILED_SOURCE = /\.(?:[cm]?tsx?|jsx)$/;
const JSX_PRAGMA = /@jsxImportSource\s+(\S+)/;

function isThirdParty(path: string): boolean {
  return path.includes('/node_modules/');
}

function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#') || specifier.startsWith('file:');
}

/**
 * The one resolver: Node's algorithm for the kind of reference (CommonJS for `require`, ESM for
 * `import`, both for TypeScript source, which compiles to either), under every condition set the
 * supported Node versions use, plus the file TypeScript reads. Every file any of them picks is a
 * target, so the guard analyzes whatever Node may load; when Node and TypeScript disagree the
 * resolution says so.
 */
export function createResolver(options: ResolverOptions): Resolver {
  const restored = options.probe === undefined && options.saved !== undefined ? restoreResolutions(options.saved, options.tsconfig) : undefined;
  const probe = options.probe ?? restored?.probe ?? createFileProbe();
  const layoutOf = createLayoutLocator(probe, options.tsconfig);
  const memo = restored?.resolutions ?? new Map<string, Resolution>();
  const used = new Set<string>();
  let computed = false;
  restored?.keep(used, () => computed);

  const nodeResults = (specifier: string, from: string, algorithms: readonly Algorithm[], custom: readonly string[]): NodeResult[] => {
    const results: NodeResult[] = [];
    const add = (result: NodeResult | undefined): void => {
      if (result !== undefined && !results.some((known) => known.kind === result.kind && (known.kind === 'file' ? known.path : known.specifier) === (result.kind === 'file' ? result.path : result.specifier))) results.push(result);
    };
    // Conditions only matter for `exports`/`imports`: a path needs one pass per algorithm.
    const pathLike = /^\.\.?(?:\/|$)|^\//.test(specifier);
    for (const algorithm of algorithms) {
      const sets = pathLike ? conditionSets(algorithm).slice(0, 1) : conditionSets(algorithm, custom);
      for (const conditions of sets) add(algorithm === 'require' ? cjsResolve(probe, specifier, from, conditions) : esmResolve(probe, specifier, from, conditions));
      // The longer extension list can only change an answer that needed an extension search.
      const exact = pathLike && !specifier.endsWith('/') && probe.isFile(resolvePath(dirname(from), specifier));
      if (algorithm === 'require' && !exact) add(cjsResolve(probe, specifier, from, sets[0] as ReadonlySet<string>, CJS_EXTENSIONS_TYPE_STRIPPING));
    }
    return results;
  };

  const compute = (specifier: string, fromFile: string, kind: ReferenceKind): Resolution => {
    const algorithm = ALGORITHM[kind];
    if (kind === 'get-builtin-module') return { targets: [{ kind: 'external', specifier }] };
    if (kind === 'spawned-executable') return resolveSpawnedExecutable(probe, specifier, probe.realpath(fromFile));
    if (kind === 'env-file') return resolveEnvFile(probe, specifier, probe.realpath(fromFile));
    if (algorithm === null) return { targets: [] };
    const from = probe.realpath(fromFile);
    const compiled = COMPILED_SOURCE.test(fromFile);
    const layout = layoutOf(dirname(from));
    const node = nodeResults(specifier, from, compiled ? ['import', 'require'] : [algorithm], layout?.customConditions ?? []);
    const nodeFiles = node.flatMap((result) => (result.kind === 'file' ? [result.path] : []));
    const external = node.flatMap((result) => (result.kind === 'file' ? [] : [result.specifier]));
    // TypeScript's view for source it compiles; for plain JavaScript only where Node finds nothing
    // (a bundler's extensionless import): either way, more files analyzed, never fewer.
    const typeScriptFile = compiled || node.length === 0 ? typeScriptView(probe, specifier, from, layout) : undefined;
    const typeScriptFiles = typeScriptFile === undefined ? [] : [probe.realpath(typeScriptFile)];
    const targets: ResolvedTarget[] = [];
    const add = (path: string, loader: Loader): void => {
      const known = targets.find((target) => target.kind !== 'external' && target.path === path);
      if (known?.kind === 'file') (known.loaders as Loader[]).push(loader);
      else if (known === undefined) targets.push(fileKindOf(path) === 'native' ? { kind: 'native', path, firstParty: !isThirdParty(path) } : { kind: 'file', path, firstParty: !isThirdParty(path), loaders: [loader] });
    };
    for (const path of nodeFiles) add(path, 'node');
    for (const path of typeScriptFiles) add(path, 'typescript');
    for (const name of external) targets.push({ kind: 'external', specifier: name });
    // A package name stays a package for the policy unless Node itself lands in first-party code
    // (self-reference, a workspace symlink) or only a tsconfig alias gives it a meaning.
    const landsFirstParty = nodeFiles.length > 0 ? nodeFiles.every((path) => !isThirdParty(path)) : typeScriptFiles.length > 0;
    if (!isLocalSpecifier(specifier) && external.length === 0 && !landsFirstParty) targets.push({ kind: 'external', specifier });
    const divergent = nodeFiles.length > 0 && typeScriptFiles.length > 0 && typeScriptFiles.some((path) => !nodeFiles.includes(path));
    if (!divergent) return { targets };
    const name = (path: string): string => relative(dirname(from), path) || basename(path);
    return { targets, divergence: `Node loads ${nodeFiles.map(name).join(', ')}; TypeScript reads ${typeScriptFiles.map(name).join(', ')}` };
  };

  return {
    resolve(specifier, fromFile, kind) {
      // Node resolves from the importer's real folder (a symlinked file resolves from its target's).
      const key = `${dirname(probe.realpath(fromFile))}\0${specifier}\0${ALGORITHM[kind] ?? kind}\0${COMPILED_SOURCE.test(fromFile)}`;
      let resolution = memo.get(key);
      if (resolution === undefined) {
        memo.set(key, (resolution = compute(specifier, fromFile, kind)));
        computed = true;
      }
      used.add(key);
      return resolution;
    },
    implicitImports(file, text) {
      if (!/\.[cm]?[jt]sx$/.test(file)) return [];
      const pragma = JSX_PRAGMA.exec(text)?.[1];
      if (pragma !== undefined) return [`${pragma}/jsx-runtime`];
      const runtime = layoutOf(dirname(probe.realpath(file)))?.jsxRuntime;
      return runtime === undefined ? [] : [runtime];
    },
  };
}
