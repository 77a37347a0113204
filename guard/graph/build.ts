import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { matchesAnyGlob, type PolicyConfig } from '../../policy/index.js';
import type { FactsCache } from '../cache/store.js';
import { fail, ok, type Outcome } from '../errors.js';
import type { Detector } from '../facts/analyze.js';
import { analyzeText } from '../facts/analyze-text.js';
import { isSourceFile, toRelative } from '../load/inputs.js';
import { analyzeAll } from '../parallel/pool.js';
import type { ModuleFacts } from '../types.js';
import { createFileProbe, type FileProbe } from './file-probe.js';
import { resolvePackageFile, resolveSpecifier, type Resolution } from './resolve.js';
import type { Edge, ModuleGraph, ModuleNode } from './types.js';

export interface GraphRequest {
  readonly root: string;
  readonly entries: readonly string[];
  readonly policy: PolicyConfig;
  readonly detect: Detector;
  readonly cache: FactsCache;
  /** Follow package imports into the shipped JavaScript under node_modules. */
  readonly deps: boolean;
  /** Threads that parse the entries (this one included); 1 keeps everything in this thread. */
  readonly jobs: number;
  readonly onProgress?: (done: number, known: number) => void;
}

/** A file as read: raw bytes and their hash. Text is decoded only for files the cache misses. */
interface Loaded {
  readonly relative: string;
  readonly bytes: Buffer;
  readonly hash: string;
}

function load(file: string, relative: string): Loaded {
  const bytes = readFileSync(file);
  return { relative, bytes, hash: createHash('sha256').update(bytes).digest('base64url') };
}

/** Facts for one file: cached by content, else analyzed ahead (in parallel), else analyzed now. */
type FactsSource = (file: string, loaded: Loaded) => { outcome: Outcome<ModuleFacts>; fromCache: boolean };

/**
 * load → graph: every entry, and every module its run-time references reach, parsed once (or
 * taken from the content cache) and analyzed with the shared detector. Entries that miss the
 * cache are analyzed up front on `jobs` threads; modules found later are analyzed as reached.
 */
export async function buildGraph(request: GraphRequest): Promise<Outcome<ModuleGraph>> {
  const loaded = new Map<string, Loaded>();
  const ahead: Array<{ file: string; relative: string; text: string }> = [];
  for (const file of request.entries) {
    const relative = toRelative(request.root, file);
    if (matchesAnyGlob(relative, request.policy.ignore) || !isSourceFile(file)) continue;
    let entry: Loaded;
    try {
      entry = load(file, relative);
    } catch (error) {
      return fail({ code: 'source/unreadable', file: relative, detail: (error as Error).message });
    }
    loaded.set(file, entry);
    if (request.cache.get(relative, entry.hash) === undefined) ahead.push({ file, relative, text: entry.bytes.toString('utf8') });
  }
  const analyzed = await analyzeAll(ahead, request.policy, request.detect, request.jobs);
  const factsOf: FactsSource = (file, { relative, bytes, hash }) => {
    const cached = request.cache.get(relative, hash);
    if (cached !== undefined) return { outcome: ok(cached), fromCache: true };
    const outcome = analyzed.get(file) ?? analyzeText(file, relative, bytes.toString('utf8'), request.policy, request.detect);
    if (outcome.ok) request.cache.set(relative, hash, outcome.value);
    return { outcome, fromCache: false };
  };
  return walk(request, loaded, factsOf);
}

/** Resolution depends only on the importing directory, the specifier and the reference kind. */
function memoizedResolver(probe: FileProbe): (specifier: string, from: string, kind: string) => Resolution {
  const memo = new Map<string, Resolution>();
  return (specifier, from, kind) => {
    const key = `${dirname(from)}\0${specifier}\0${kind === 'require' ? 'require' : 'import'}`;
    let resolution = memo.get(key);
    if (resolution === undefined) memo.set(key, (resolution = resolveSpecifier(probe, specifier, from, kind)));
    return resolution;
  };
}

function walk(request: GraphRequest, loaded: Map<string, Loaded>, factsOf: FactsSource): Outcome<ModuleGraph> {
  const probe = createFileProbe();
  const resolve = memoizedResolver(probe);
  const modules = new Map<string, ModuleNode>();
  const queue: Array<{ file: string; thirdParty: boolean }> = request.entries.map((file) => ({ file, thirdParty: false }));
  const queued = new Set(request.entries);
  let parsed = 0;
  let cached = 0;
  const enqueue = (file: string, thirdParty: boolean): void => {
    if (queued.has(file)) return;
    queued.add(file);
    queue.push({ file, thirdParty });
  };

  for (let index = 0; index < queue.length; index += 1) {
    const { file, thirdParty } = queue[index] as { file: string; thirdParty: boolean };
    const relative = toRelative(request.root, file);
    request.onProgress?.(index, queue.length);
    if (!thirdParty && matchesAnyGlob(relative, request.policy.ignore)) continue;
    let facts: ModuleFacts | null = null;
    if (isSourceFile(file)) {
      let entry = loaded.get(file);
      if (entry === undefined) {
        try {
          entry = load(file, relative);
        } catch (error) {
          if (thirdParty) continue;
          return fail({ code: 'source/unreadable', file: relative, detail: (error as Error).message });
        }
      }
      const { outcome, fromCache } = factsOf(file, entry);
      if (!outcome.ok && !thirdParty) return outcome;
      if (outcome.ok) facts = outcome.value;
      if (fromCache) cached += 1;
      else if (outcome.ok) parsed += 1;
    }
    modules.set(file, { file, relative, facts, thirdParty, edges: edgesOf(request, probe, resolve, file, facts, thirdParty, enqueue) });
  }
  request.onProgress?.(queue.length, queue.length);
  return ok({ root: request.root, modules, parsed, cached });
}

function edgesOf(
  request: GraphRequest,
  probe: FileProbe,
  resolve: (specifier: string, from: string, kind: string) => Resolution,
  file: string,
  facts: ModuleFacts | null,
  thirdParty: boolean,
  enqueue: (file: string, thirdParty: boolean) => void,
): Edge[] {
  const edges: Edge[] = [];
  for (const reference of facts?.references ?? []) {
    if (reference.typeOnly || reference.specifier === null) continue;
    const resolution = resolve(reference.specifier, file, reference.kind);
    const at = { specifier: reference.specifier, line: reference.line, column: reference.column };
    if (resolution.kind === 'file') {
      edges.push({ target: { kind: 'module', file: resolution.path }, ...at });
      if (isSourceFile(resolution.path) || resolution.path.endsWith('.json')) enqueue(resolution.path, thirdParty || resolution.path.includes('/node_modules/'));
    } else if (resolution.kind === 'unresolved') {
      edges.push({ target: { kind: 'unresolved', specifier: reference.specifier }, ...at });
    } else {
      edges.push({ target: { kind: 'external', specifier: resolution.specifier }, ...at });
      const packageFile = request.deps ? resolvePackageFile(probe, resolution.specifier, file, reference.kind) : undefined;
      if (packageFile !== undefined) {
        edges.push({ target: { kind: 'module', file: packageFile }, ...at });
        enqueue(packageFile, true);
      }
    }
  }
  return edges;
}
