import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { matchesAnyGlob, type PolicyConfig } from '../../policy/index.js';
import type { FactsCache } from '../cache/store.js';
import { fail, ok, type Outcome } from '../errors.js';
import type { JsxSettings } from '../../analysis/syntax/index.js';
import type { Detector } from '../facts/analyze.js';
import { analyzeText } from '../facts/analyze-text.js';
import { fileKindOf } from '../load/file-kinds.js';
import textBytes from '../load/text-bytes.cjs';
import { toRelative } from '../load/inputs.js';
import { analyzeAll } from '../parallel/pool.js';
import type { Resolver } from '../resolve/types.js';
import { mayHoldSuppressionComment } from '../suppress/eslint-disable.js';
import type { ModuleFacts } from '../types.js';
import { edgesOf, withoutFirstPartyPackages } from './edges.js';
import { opaqueFacts } from './synthetic-facts.js';
import type { ModuleGraph, ModuleNode } from './types.js';

export interface GraphRequest {
  readonly root: string;
  readonly entries: readonly string[];
  readonly policy: PolicyConfig;
  readonly detect: Detector;
  readonly resolver: Resolver;
  readonly cache: FactsCache;
  /** Follow package imports into the shipped JavaScript under node_modules. */
  readonly deps: boolean;
  /** Threads that parse the entries (this one included); 1 keeps everything in this thread. */
  readonly jobs: number;
  readonly onProgress?: (done: number, known: number) => void;
  /** The tsconfig's JSX factories, handed to the detector (AnalyzeOptions.jsx). */
  readonly jsx?: JsxSettings;
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

/** Size, mtime, ctime and inode: when all four are as recorded, the content is too (see cache/store.ts). */
function stampOf(file: string): { stamp: string; modifiedMs: number } | undefined {
  try {
    const stats = statSync(file, { bigint: true });
    return { stamp: `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`, modifiedMs: Number(stats.mtimeMs) };
  } catch {
    return undefined;
  }
}

const JSX_FILE = /\.[cm]?[jt]sx$/;

/** Facts for one file: cached by content, else analyzed ahead (in parallel), else analyzed now. */
type FactsSource = (file: string, loaded: Loaded, marked: boolean) => { outcome: Outcome<ModuleFacts>; fromCache: boolean };

/** Facts by content: the cache, else what was analyzed ahead (in parallel), else an analysis now; stamps recorded when trusted. */
function factsSource(request: GraphRequest, analyzed: ReadonlyMap<string, Outcome<ModuleFacts>>, stamps: ReadonlyMap<string, { stamp: string; modifiedMs: number }>): FactsSource {
  return (file, { relative, bytes, hash }, marked) => {
    const stamp = stamps.get(file);
    const cached = request.cache.get(relative, hash);
    let result: ReturnType<FactsSource>;
    if (cached !== undefined) result = { outcome: ok(cached), fromCache: true };
    else {
      const outcome = analyzed.get(file) ?? analyzeText(file, relative, textBytes.decodeText(bytes), request.policy, request.detect, request.jsx);
      if (outcome.ok) request.cache.set(relative, hash, outcome.value, marked);
      result = { outcome, fromCache: false };
    }
    if (stamp !== undefined && result.outcome.ok) request.cache.stamp(relative, stamp.stamp, stamp.modifiedMs);
    return result;
  };
}

/**
 * One saved file read and analyzed again, as the walk would (`--watch`: graph/patch.ts): its
 * content is new, so neither its stamp nor a stale read is trusted.
 */
export function revisit(request: GraphRequest, file: string, relative: string, isEntry: boolean): Outcome<Visit> {
  return visit(request, file, relative, isEntry, new Map(), factsSource(request, new Map(), new Map()), () => undefined);
}

/**
 * load → graph: every entry, and every module its run-time references reach (as the injected
 * Resolver finds them), parsed once (or taken from the content cache) and analyzed with the
 * shared detector. Entries that miss the cache are analyzed up front on `jobs` threads; modules
 * found later are analyzed as reached.
 */
export async function buildGraph(request: GraphRequest): Promise<Outcome<ModuleGraph>> {
  const loaded = new Map<string, Loaded>();
  const stamped = new Map<string, ModuleFacts>();
  const stamps = new Map<string, { stamp: string; modifiedMs: number }>();
  const ahead: Array<{ file: string; relative: string; text: string }> = [];
  const entries: string[] = [];
  const fromStamp = (file: string, relative: string): ModuleFacts | undefined => {
    const stamp = stampOf(file);
    if (stamp === undefined) return undefined;
    stamps.set(file, stamp);
    return request.cache.byStamp(relative, stamp.stamp);
  };
  for (const file of request.entries) {
    const relative = toRelative(request.root, file);
    if (matchesAnyGlob(relative, request.policy.ignore)) continue;
    entries.push(file);
    if (fileKindOf(file) !== 'code') continue;
    const known = fromStamp(file, relative);
    if (known !== undefined) {
      stamped.set(file, known);
      continue;
    }
    let entry: Loaded;
    try {
      entry = load(file, relative);
    } catch (error) {
      return fail({ code: 'source/unreadable', file: relative, detail: (error as Error).message });
    }
    loaded.set(file, entry);
    if (request.cache.get(relative, entry.hash) === undefined) ahead.push({ file, relative, text: textBytes.decodeText(entry.bytes) });
  }
  const analyzed = await analyzeAll(ahead, request.policy, request.detect, request.jobs, request.jsx);
  const factsOf = factsSource(request, analyzed, stamps);
  const known = (file: string, relative: string): ModuleFacts | undefined => stamped.get(file) ?? (loaded.has(file) ? undefined : fromStamp(file, relative));
  return walk(request, entries, loaded, factsOf, known);
}

export interface Visit {
  readonly facts: ModuleFacts | null;
  /** The text of a JSX file, whose implicit runtime import is not among its references. */
  readonly text: string | null;
  readonly fromCache: boolean;
  /** True when the detector analyzed the file in this run. */
  readonly parsed: boolean;
  /** False when the content is known to hold no suppression comment (undefined: not known). */
  readonly marked?: boolean;
}

/**
 * One file's facts. An entry (named on the command line or in the tsconfig) that cannot be read
 * or parsed is a tool error; a file only reached through the graph is UNANALYZED and flows.
 */
type KnownFacts = (file: string, relative: string) => ModuleFacts | undefined;

function visit(request: GraphRequest, file: string, relative: string, isEntry: boolean, loaded: Map<string, Loaded>, factsOf: FactsSource, known: KnownFacts): Outcome<Visit> {
  const kind = fileKindOf(file);
  if (kind === 'data') return ok({ facts: null, text: null, fromCache: false, parsed: false });
  if (kind === 'native') return ok({ facts: opaqueFacts(relative, 'NATIVE', file.endsWith('.wasm') ? 'a WebAssembly module' : 'a compiled addon', request.policy), text: null, fromCache: false, parsed: false });
  const unchanged = kind === 'code' ? known(file, relative) : undefined;
  if (unchanged !== undefined) {
    const marked = request.cache.marked(relative);
    return ok({ facts: unchanged, text: JSX_FILE.test(file) ? readFileSync(file, 'utf8') : null, fromCache: true, parsed: false, ...(marked === undefined ? {} : { marked }) });
  }
  let entry = loaded.get(file);
  if (entry === undefined) {
    try {
      entry = load(file, relative);
    } catch (error) {
      if (isEntry) return fail({ code: 'source/unreadable', file: relative, detail: (error as Error).message });
      return ok({ facts: opaqueFacts(relative, 'UNANALYZED', `unreadable: ${(error as Error).message.split('\n')[0] ?? ''}`, request.policy), text: null, fromCache: false, parsed: false });
    }
  }
  // One scan of the bytes for a suppression comment serves both the cache entry and this visit.
  const marked = mayHoldSuppressionComment(entry.bytes);
  const { outcome, fromCache } = factsOf(file, entry, marked);
  if (outcome.ok) return ok({ facts: outcome.value, text: JSX_FILE.test(file) ? textBytes.decodeText(entry.bytes) : null, fromCache, parsed: !fromCache, marked });
  if (isEntry) return outcome;
  const detail = outcome.error.code === 'source/unparsable' ? `${outcome.error.line}:${outcome.error.column}: ${outcome.error.detail}` : outcome.error.code;
  return ok({ facts: opaqueFacts(relative, 'UNANALYZED', `cannot parse it: ${detail}`, request.policy), text: null, fromCache: false, parsed: false });
}

/** Maps real paths back under the root as the user gave it (a project reached through a symlinked folder). */
export function localizer(root: string): (path: string) => string {
  let realRoot = root;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    // An unreadable root fails later, with its own error.
  }
  if (realRoot === root) return (path) => path;
  return (path) => (path === realRoot || path.startsWith(`${realRoot}/`) ? root + path.slice(realRoot.length) : path);
}

function walk(request: GraphRequest, entries: readonly string[], loaded: Map<string, Loaded>, factsOf: FactsSource, known: KnownFacts): Outcome<ModuleGraph> {
  const local = localizer(request.root);
  const modules = new Map<string, ModuleNode>();
  const queue: Array<{ file: string; thirdParty: boolean }> = entries.map((file) => ({ file, thirdParty: false }));
  const entrySet = new Set(entries);
  const queued = new Set(entries);
  const unmarked = new Set<string>();
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
    if (!thirdParty && !entrySet.has(file) && matchesAnyGlob(relative, request.policy.ignore)) continue;
    const visited = visit(request, file, relative, entrySet.has(file), loaded, factsOf, known);
    if (!visited.ok) return visited;
    const { facts, text, fromCache } = visited.value;
    if (visited.value.marked === false) unmarked.add(relative);
    if (fromCache) cached += 1;
    else if (visited.value.parsed) parsed += 1;
    const { edges, firstPartyPackages } = edgesOf({ deps: request.deps, resolver: request.resolver, local }, file, facts, text, thirdParty, enqueue);
    modules.set(file, { file, relative, facts: withoutFirstPartyPackages(facts, firstPartyPackages), thirdParty, edges });
  }
  request.onProgress?.(queue.length, queue.length);
  return ok({ root: request.root, modules, parsed, cached, unmarked });
}
