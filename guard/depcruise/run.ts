import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ICruiseResult, IViolation } from 'dependency-cruiser';
import { canonicalBuiltin, isCapability, packageNameOf, type Capability } from '../../policy/index.js';
import { sealOfThisUser } from '../cache/seal.js';
import { CACHE_DIRECTORY } from '../cache/store.js';
import userCache from '../load/user-cache.cjs';
import { fail, ok, type Outcome } from '../errors.js';
import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { GuardFinding, Position } from '../types.js';
import { DEPCRUISE_CONFIG_FILE } from './config-file.js';
import { cachedViolations, storeViolations, structureKey } from './result-cache.js';
import { POLICY_RULE_PREFIX } from './policy-rules.js';

/** `from-policy-core-files-read+files-write-in-inspector` → `['FILES_READ', 'FILES_WRITE']`; `[]` for layering rules. */
export function capabilitiesOfRule(name: string): Capability[] {
  if (!name.startsWith(POLICY_RULE_PREFIX)) return [];
  const groups = name.slice(POLICY_RULE_PREFIX.length).replace(/-in-inspector$/, '');
  if (groups === 'package-not-allowed') return ['UNKNOWN_PACKAGE'];
  return groups.replace(/^(core|package)-/, '').split('+').map((part) => part.toUpperCase().replaceAll('-', '_')).filter(isCapability);
}

/** Where in `from` the violating dependency is written: the guard's own graph knows the line. */
function locate(module: ModuleNode | undefined, to: string): Position {
  const edge = module?.edges.find((candidate) => {
    const target = candidate.target;
    if (target.kind === 'module') return target.file.endsWith(`/${to}`);
    if (target.kind === 'unresolved') return target.specifier === to;
    const canonical = canonicalBuiltin(target.specifier);
    if (canonical !== undefined) return canonical === canonicalBuiltin(to);
    return to === target.specifier || to.includes(`node_modules/${packageNameOf(target.specifier)}/`);
  });
  return edge === undefined ? { line: 1, column: 1 } : { line: edge.line, column: edge.column };
}

function toFinding(violation: IViolation, byRelative: ReadonlyMap<string, ModuleNode>): GuardFinding[] {
  const name = violation.rule.name;
  const capabilities = capabilitiesOfRule(name);
  const cycle = violation.cycle?.map((step) => step.name);
  const witness = cycle === undefined ? [violation.from, violation.to] : [violation.from, ...cycle];
  const message = `dependency-cruiser rule \`${name}\`: \`${violation.from}\` → \`${violation.to}\` is forbidden.`;
  const base = { file: violation.from, ...locate(byRelative.get(violation.from), cycle?.[0] ?? violation.to), ruleId: `depcruise/${name}` as const, message, witness };
  return capabilities.length === 0 ? [{ ...base, capability: null }] : capabilities.map((capability) => ({ ...base, capability }));
}

/**
 * dependency-cruiser's own cache holds its cruise results unsealed, keyed by hashes anyone can
 * compute: it lives in this user's private cache directory (one folder per project root), never
 * where the analyzed project can write. Undefined when that directory is not private: no cache.
 */
function privateCruiseCache(root: string): string | undefined {
  const directory = userCache.tkiUserCacheDirectory('depcruise', createHash('sha256').update(root).digest('base64url'));
  return userCache.makePrivateDirectory(directory) ? directory : undefined;
}

/**
 * Runs dependency-cruiser in-process with the project's `.dependency-cruiser.cjs` (when it has
 * one) over the same files, and folds its violations into the guard's findings.
 */
export async function runDepcruise(
  graph: ModuleGraph,
  tsconfig: string | null,
  options: { policyFile: string | null; cache: boolean; cacheDirectory?: string } = { policyFile: null, cache: false },
): Promise<Outcome<GuardFinding[]>> {
  const cacheDirectory = options.cacheDirectory ?? join(graph.root, CACHE_DIRECTORY);
  const configFile = join(graph.root, DEPCRUISE_CONFIG_FILE);
  if (!existsSync(configFile)) return ok([]);
  const byRelative = new Map([...graph.modules.values()].map((module) => [module.relative, module]));
  const seal = options.cache ? sealOfThisUser() : undefined;
  const key = seal === undefined ? undefined : structureKey(graph, configFile, tsconfig, options.policyFile);
  const known = key === undefined || seal === undefined ? undefined : cachedViolations(cacheDirectory, key, seal);
  if (known !== undefined) return ok(known.flatMap((violation) => toFinding(violation, byRelative)));
  const files = [...graph.modules.values()].filter((module) => !module.thirdParty && module.facts !== null).map((module) => module.relative);
  try {
    // dependency-cruiser is loaded only to cruise: a run whose structure the cached violations
    // still match (a one-file edit that adds no import) would pay about a CPU-second to load it.
    const [{ cruise }, { default: extractDepcruiseOptions }, { default: extractTSConfig }] = await Promise.all([
      import('dependency-cruiser'),
      import('dependency-cruiser/config-utl/extract-depcruise-options'),
      import('dependency-cruiser/config-utl/extract-ts-config'),
    ]);
    const cruiseOptions = await extractDepcruiseOptions(configFile);
    const tsConfig = tsconfig === null ? undefined : extractTSConfig(tsconfig);
    // `--no-cache` means no cache at all: dependency-cruiser's own one too (it made a bench's later rounds warm).
    const folder = seal === undefined ? undefined : privateCruiseCache(graph.root);
    const cache = folder === undefined ? {} : { cache: { folder, strategy: 'content' as const, compress: false } };
    const reported = await cruise(files, { ...cruiseOptions, baseDir: graph.root, outputType: 'json', ...cache }, {}, { tsConfig });
    const result = (typeof reported.output === 'string' ? JSON.parse(reported.output) : reported.output) as ICruiseResult;
    if (key !== undefined && seal !== undefined) storeViolations(cacheDirectory, key, result.summary.violations, seal);
    return ok(result.summary.violations.flatMap((violation) => toFinding(violation, byRelative)));
  } catch (error) {
    return fail({ code: 'depcruise/failed', detail: (error as Error).message.split('\n')[0] ?? 'unknown error' });
  }
}
