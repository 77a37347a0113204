import { basename } from 'node:path';
import { DEFAULT_BASELINE_FILE } from '../baseline/format.js';
import { fail, type Outcome } from '../errors.js';
import { buildGraph } from '../graph/build.js';
import { patchGraph } from '../graph/patch.js';
import type { ModuleGraph } from '../graph/types.js';
import { SOURCE_EXTENSIONS } from '../load/inputs.js';
import { finishRun, prepareRun, type GuardRequest, type GuardRun, type RunContext } from '../run.js';
import { openTypedProgram, type TypedProgram } from './typed-program.js';

/** What a saved file asks of the next run. */
export type ChangeKind = 'source' | 'verdict' | 'configuration';

/**
 * A source file changes one module; the baseline changes only the verdict (read again by every
 * report); anything else (a tsconfig, the policy, a package.json, `.dependency-cruiser.cjs`)
 * can change inputs, resolution or the policy, so the run starts over.
 */
export function changeKindOf(file: string, baselineFile: string | null): ChangeKind {
  const name = basename(file);
  if (file === baselineFile || name === DEFAULT_BASELINE_FILE) return 'verdict';
  return SOURCE_EXTENSIONS.some((extension) => name.endsWith(extension)) ? 'source' : 'configuration';
}

export interface WatchSession {
  /** The run after saves of `changed` (absolute paths); none: a full run. */
  run(changed: readonly string[]): Promise<Outcome<GuardRun>>;
  /** How the last run was made, for the progress line and the benchmark. */
  readonly lastMode: () => 'full' | 'patched' | 'verdict';
  /**
   * Writes what the runs so far used to the facts cache. Kept off `run` so that the loop writes it
   * after the report is shown: no report waits for a disk write.
   */
  persist(): void;
}

/**
 * `--watch` keeps the graph, the resolver with its file-system answers and the facts in memory
 * between saves: a saved source file is read, parsed and resolved again and spliced into the
 * graph (graph/patch.ts), and only the search and the report run over the whole program again.
 * In typed mode the program is kept too (typed-program.ts) and the saved files' importers are
 * analyzed again with them, since their typed facts depend on the saved files' declarations.
 * Whenever a patch could differ from a fresh walk (a file added or removed, a new module
 * reached, a module dropped, a configuration file saved, a saved file that declares globals or
 * augments a module), the run is the plain one on the warm cache, which is always right.
 */
export function createWatchSession(plainRequest: GuardRequest, baselineFile: string | null): WatchSession {
  let state: { context: RunContext; graph: ModuleGraph } | null = null;
  /** Typed mode: the program kept between saves (typed-program.ts); set by the full run that opens it. */
  let typedProgram: TypedProgram | null = null;
  const request: GuardRequest = {
    ...plainRequest,
    openTypedDetector: async (tsconfig) => {
      typedProgram = await openTypedProgram(tsconfig);
      return typedProgram.detector();
    },
  };
  /** Saved files whose patch failed (an entry that does not parse): patched again with the next save. */
  const pending = new Set<string>();
  let mode: 'full' | 'patched' | 'verdict' = 'full';

  const full = async (): Promise<Outcome<GuardRun>> => {
    mode = 'full';
    // What the kept cache learned since the last write is not lost with it: the new run reads it back.
    state?.context.cache.save();
    state = null;
    typedProgram = null;
    pending.clear();
    const context = await prepareRun(request);
    if (!context.ok) return context;
    const graph = await buildGraph(context.value.graphRequest);
    if (!graph.ok) return graph;
    state = { context: context.value, graph: graph.value };
    return finishRun(context.value, graph.value);
  };

  return {
    lastMode: () => mode,
    persist: () => state?.context.cache.save(),
    async run(changed) {
      const kinds = changed.map((file) => changeKindOf(file, baselineFile));
      if (state === null || changed.length === 0 || kinds.includes('configuration')) return full();
      for (const [index, file] of changed.entries()) if (kinds[index] === 'source') pending.add(file);
      if (pending.size === 0) {
        mode = 'verdict';
        return finishRun(state.context, state.graph);
      }
      let context = state.context;
      let files = [...pending].sort();
      if (context.graphRequest.detect.typed === true) {
        // Typed facts depend on other files: the kept program is brought up to date and every file that imports a saved one is analyzed again.
        const affected = typedProgram?.update(files) ?? null;
        if (affected === null || typedProgram === null) return full();
        const known = state.graph.modules;
        files = [...new Set([...files, ...affected.filter((file) => known.has(file))])].sort();
        context = { ...context, graphRequest: { ...context.graphRequest, detect: typedProgram.detector() } };
      }
      const patched = patchGraph(context.graphRequest, state.graph, files);
      if (patched.kind === 'rebuild') return full();
      if (patched.kind === 'failed') return fail(patched.error);
      pending.clear();
      mode = 'patched';
      state = { context, graph: patched.graph };
      return finishRun(state.context, patched.graph);
    },
  };
}
