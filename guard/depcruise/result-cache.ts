import { makeDirectories } from '../../policy/make-directories.js';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IViolation } from 'dependency-cruiser';
import type { CacheSeal } from '../cache/seal.js';
import type { ModuleGraph } from '../graph/types.js';
import { GUARD_VERSION } from '../version.js';

/**
 * dependency-cruiser's verdict depends on the modules, their dependencies and the rules, not on
 * the rest of a file's text. The guard keys its last violations by exactly that — the config,
 * the policy and tsconfig texts, every module's declared actions (the config derives rules from
 * them) and every edge of the graph — so a one-file edit that leaves the dependency structure as
 * it was does not pay for a full re-cruise. Violations are stored raw and located again in the
 * current graph, so moved lines are reported where they are now. The key is a hash anyone can
 * compute and the file lives where the project can write, so it is sealed like the facts cache
 * (cache/seal.ts): a change under review cannot plant a record with no violations.
 */
const RESULT_FILE = 'depcruise-violations.json';

function readOrEmpty(file: string | null): string {
  if (file === null) return '';
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function structureKey(graph: ModuleGraph, configFile: string, tsconfig: string | null, policyFile: string | null): string {
  const hash = createHash('sha256').update(GUARD_VERSION).update('\0').update(readOrEmpty(configFile)).update('\0').update(readOrEmpty(policyFile)).update('\0').update(readOrEmpty(tsconfig));
  for (const module of graph.modules.values()) {
    hash.update(`\0${module.relative}\0${JSON.stringify(module.facts?.declaredActions?.actions ?? null)}`);
    for (const edge of module.edges) hash.update(`\0${edge.specifier}>${edge.target.kind === 'module' ? edge.target.file : edge.target.specifier}`);
  }
  return hash.digest('base64url');
}

/** `cacheDirectory`: the guard's cache directory (default `<root>/node_modules/.cache/tki`). */
export function cachedViolations(cacheDirectory: string, key: string, seal: CacheSeal): IViolation[] | undefined {
  try {
    const text = seal.openFile(join(cacheDirectory, RESULT_FILE));
    if (text === undefined) return undefined;
    const stored = JSON.parse(text) as { key?: unknown; violations?: unknown };
    return stored.key === key && Array.isArray(stored.violations) ? (stored.violations as IViolation[]) : undefined;
  } catch {
    return undefined;
  }
}

export function storeViolations(directory: string, key: string, violations: readonly IViolation[], seal: CacheSeal): void {
  try {
    makeDirectories(directory);
    const file = join(directory, RESULT_FILE);
    writeFileSync(`${file}.${process.pid}.tmp`, seal.seal(JSON.stringify({ key, violations })));
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // Read-only checkout: the next run cruises again.
  }
}
