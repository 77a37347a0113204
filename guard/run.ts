import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeSourceFile } from '../analysis/syntax/index.js';
import { isAction, capabilitiesGrantedBy, type Action, type PolicyConfig } from '../policy/index.js';
import { createNullCache, openFactsCache, type FactsCache } from './cache/store.js';
import { createPolicyClassifier, selectDetector } from './classify.js';
import type { ActionHolders } from './depcruise/policy-rules.js';
import { DEPCRUISE_CONFIG_FILE } from './depcruise/config-file.js';
import { ok, type Outcome } from './errors.js';
import type { Detector } from './facts/analyze.js';
import { buildGraph, type GraphRequest } from './graph/build.js';
import type { ModuleGraph } from './graph/types.js';
import { defaultCacheDirectory } from './load/cache-location.js';
import { loadInputs, type InputRequest } from './load/inputs.js';
import { checkNestedPolicies } from './load/nested-policy.js';
import { withProjectFile } from './load/project-file.js';
import { loadPolicy, policySearchStart, projectRootFor } from './load/policy.js';
import { realPathOr } from '../policy/real-path.js';
import { createResolver } from './resolve/index.js';
import { openCrossModuleMemo } from './search/cross-module-memo.js';
import { searchGraph } from './search/index.js';
import { readerSkipping, type SuppressionReader } from './suppress/index.js';
import type { GuardFinding, GuardResult, ModuleSummary } from './types.js';

export interface GuardRequest {
  readonly input: InputRequest;
  readonly cwd: string;
  /** Follow package imports into their shipped JavaScript. */
  readonly deps?: boolean;
  /** Read and write the cache (default true). */
  readonly cache?: boolean;
  /** The cache directory, absolute (default `<root>/node_modules/.cache/tki`, or the user's cache directory when the root has no node_modules: load/cache-location.ts). */
  readonly cacheLocation?: string;
  /** Fold in dependency-cruiser when the project has `.dependency-cruiser.cjs` (default true). */
  readonly depcruise?: boolean;
  /** A policy to use instead of the project's policy file (tests, embedders, `diff`'s BASE run). */
  readonly policy?: PolicyConfig;
  /** The policy file to read instead of searching for one (`--policy`), absolute. */
  readonly policyFile?: string;
  /** The project root (default: guard/load/policy.ts projectRootFor; with `policy` handed over: the inputs' root); `diff` anchors BASE's run like the working tree's. */
  readonly root?: string;
  /** The policy when the project has no policy file (default: the recommended one; `--level strict`: the strict one). */
  readonly defaultPolicy?: PolicyConfig;
  /** Threads that parse files (default 1; an injected detector always runs in this thread). */
  readonly jobs?: number;
  /** The per-file detector; the shared one unless a test injects another. */
  readonly detect?: Detector;
  /** Makes the typed detector for a tsconfig (`--watch` keeps its program between saves); default: guard/classify.ts's. */
  readonly openTypedDetector?: (tsconfig: string) => Promise<Detector>;
  /** Classify with the type checker when there is a tsconfig (default true); false is `--fast`. */
  readonly typed?: boolean;
  readonly onProgress?: (done: number, known: number) => void;
}

export interface GuardRun {
  readonly result: GuardResult;
  readonly policy: PolicyConfig;
  readonly policyFile: string | null;
  readonly rootUri: string;
  /** The module graph the search ran on (capability diff: witness paths of held capabilities). */
  readonly graph: ModuleGraph;
  /** Reads suppression comments, skipping the files this run saw without one. */
  readonly suppressions: SuppressionReader;
}

function byLocation(a: GuardFinding, b: GuardFinding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || (a.capability ?? '').localeCompare(b.capability ?? '');
}

/** What a run settles before it builds the graph: inputs, policy, detector, cache and resolver. */
export interface RunContext {
  readonly request: GuardRequest;
  readonly root: string;
  readonly files: readonly string[];
  readonly tsconfig: string | null;
  readonly policy: PolicyConfig;
  readonly policyFile: string | null;
  readonly cache: FactsCache;
  readonly cacheDirectory: string;
  /** How the graph is built (and patched, by `--watch`): detector, resolver, cache. */
  readonly graphRequest: GraphRequest;
}

/** load: inputs, policy, detector, cache and resolver. Never throws for bad input. */
export async function prepareRun(request: GuardRequest): Promise<Outcome<RunContext>> {
  const input = withProjectFile(request.input, request.cwd);
  const inputs = loadInputs(input, request.cwd);
  if (!inputs.ok) return inputs;
  const { files, tsconfig, jsx } = inputs.value;
  const searchStart = policySearchStart(input, request.cwd, inputs.value.listed ?? files);
  const loaded = request.policy === undefined ? await loadPolicy([searchStart], request.policyFile) : ok({ policy: request.policy, file: null });
  if (!loaded.ok) return loaded;
  // A caller that hands the policy over (diff, tests) anchors the run itself: root, else the inputs' root.
  // With a policy, the place the search started (where the inputs are) decides whether its directory anchors the run.
  const root = request.root !== undefined ? realPathOr(request.root) : (request.policy === undefined ? projectRootFor(loaded.value.file === null ? inputs.value.root : searchStart, loaded.value.file) : inputs.value.root);
  const policy = request.policy === undefined && loaded.value.file === null && request.defaultPolicy !== undefined ? request.defaultPolicy : loaded.value.policy;
  if (request.policy === undefined && request.policyFile === undefined) {
    const nested = checkNestedPolicies(files, searchStart, root, policy.ignore, loaded.value.file);
    if (!nested.ok) return nested;
  }
  // Typed mode: ts-morph's TypeScript and the analysis's must be one minor, or nothing would match.
  const copies = request.detect === undefined && tsconfig !== null && request.typed !== false ? await (await import('./typescript-copies.js')).checkTypeScriptCopies() : ok(undefined);
  if (!copies.ok) return copies;
  const typed = tsconfig !== null && request.typed !== false;
  const detect = request.detect ?? (typed && request.openTypedDetector !== undefined ? await request.openTypedDetector(tsconfig) : await selectDetector(tsconfig, typed));
  const cacheDirectory = request.cacheLocation ?? defaultCacheDirectory(root);
  // Typed facts depend on other files, so the per-file content cache cannot hold them.
  const cache = request.cache === false || detect.typed === true ? createNullCache() : openFactsCache(root, policy, cacheDirectory, undefined, jsx);
  const graphRequest: GraphRequest = {
    root,
    entries: files,
    policy,
    detect,
    resolver: createResolver({ tsconfig, saved: cache.resolutions }),
    cache,
    deps: request.deps ?? false,
    jobs: detect === analyzeSourceFile ? (request.jobs ?? 1) : 1,
    ...(jsx === undefined ? {} : { jsx }),
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
  };
  return ok({ request, root, files, tsconfig, policy, policyFile: loaded.value.file, cache, cacheDirectory, graphRequest });
}

/** classify → search → (dependency-cruiser) → one result, over a built graph. */
export async function finishRun(context: RunContext, graph: ModuleGraph): Promise<Outcome<GuardRun>> {
  const { request, root, policy } = context;
  // An uncached run keeps nothing: the memo would only hash what no later run reads.
  const memo = context.cache.key === '' ? undefined : openCrossModuleMemo(graph, context.cache.crossModule, context.cache.key, (relative) => context.cache.hashOf(relative));
  const searched = searchGraph(graph, createPolicyClassifier(policy), memo);
  memo?.save();
  // Loaded only when needed: dependency-cruiser takes seconds to load and most runs have no config for it.
  const wanted = request.depcruise !== false && existsSync(join(root, DEPCRUISE_CONFIG_FILE));
  const folded = wanted ? await (await import('./depcruise/run.js')).runDepcruise(graph, context.tsconfig, { policyFile: context.policyFile, cache: request.cache !== false, cacheDirectory: context.cacheDirectory }) : ok([]);
  if (!folded.ok) return folded;
  const findings = [...searched.findings, ...folded.value].sort(byLocation);
  const analyzed = [...graph.modules.values()].filter((module) => module.facts !== null);
  const result: GuardResult = {
    root,
    findings,
    modules: searched.modules,
    stats: { files: analyzed.length, parsed: graph.parsed, cached: graph.cached },
  };
  return ok({ result, policy, policyFile: context.policyFile, rootUri: `${pathToFileURL(root).href}/`, graph, suppressions: readerSkipping(graph.unmarked) });
}

/** load → graph → classify → search → (dependency-cruiser) → one result. Never throws for bad input. */
export async function runGuard(request: GuardRequest): Promise<Outcome<GuardRun>> {
  const context = await prepareRun(request);
  if (!context.ok) return context;
  const graph = await buildGraph(context.value.graphRequest);
  if (!graph.ok) return graph;
  context.value.cache.save();
  return finishRun(context.value, graph.value);
}

/** Which files hold capabilities through declared actions, from a run's module list. */
export function actionHoldersOf(modules: readonly ModuleSummary[]): ActionHolders {
  const holders: Partial<Record<Action, string[]>> = {};
  for (const module of modules) {
    for (const action of module.allowedActions.filter(isAction)) {
      if (capabilitiesGrantedBy([action]).size > 0) (holders[action] ??= []).push(module.file);
    }
  }
  for (const files of Object.values(holders)) files.sort();
  return holders;
}
