import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { matchesAnyGlob, type PolicyConfig } from '../../policy/index.js';
import type { FactsCache } from '../cache/store.js';
import { fail, ok, type Outcome } from '../errors.js';
import { analyzeModule, type Detector } from '../facts/analyze.js';
import { isSourceFile, toRelative } from '../load/inputs.js';
import { parseSource } from '../load/parse.js';
import type { ModuleFacts } from '../types.js';
import { createFileProbe } from './file-probe.js';
import { resolvePackageFile, resolveSpecifier } from './resolve.js';
import type { Edge, ModuleGraph, ModuleNode } from './types.js';

export interface GraphRequest {
  readonly root: string;
  readonly entries: readonly string[];
  readonly policy: PolicyConfig;
  readonly detect: Detector;
  readonly cache: FactsCache;
  /** Follow package imports into the shipped JavaScript under node_modules. */
  readonly deps: boolean;
  readonly onProgress?: (done: number, known: number) => void;
}

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * load → graph: every entry, and every module its run-time references reach, parsed once
 * (or taken from the content cache) and analyzed with the shared detector.
 */
export function buildGraph(request: GraphRequest): Outcome<ModuleGraph> {
  const probe = createFileProbe();
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
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (thirdParty) continue;
      return fail({ code: 'source/unreadable', file: relative, detail: (error as Error).message });
    }
    let facts: ModuleFacts | null = null;
    if (isSourceFile(file)) {
      const hash = contentHash(text);
      facts = request.cache.get(relative, hash) ?? null;
      if (facts !== null) cached += 1;
      else {
        const source = parseSource(file, relative, text);
        if (!source.ok && !thirdParty) return source;
        if (source.ok) {
          facts = analyzeModule(source.value, relative, request.policy, request.detect);
          request.cache.set(relative, hash, facts);
          parsed += 1;
        }
      }
    }
    const edges: Edge[] = [];
    for (const reference of facts?.references ?? []) {
      if (reference.typeOnly || reference.specifier === null) continue;
      const resolution = resolveSpecifier(probe, reference.specifier, file, reference.kind);
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
    modules.set(file, { file, relative, facts, thirdParty, edges });
  }
  request.onProgress?.(queue.length, queue.length);
  return ok({ root: request.root, modules, parsed, cached });
}
