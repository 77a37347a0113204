import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRunLog, type RunLog } from './evidence.js';
import { copyInspectorProject, plantedSources, runGuardCli, type GuardView } from './resources/guard.js';
import { fixturePacketPath, inspectInProcess, tkiRun, type InspectView } from './resources/inspect.js';
import { attestWithCli, type AttestationView } from './resources/sandbox.js';
import { probeWriter, type WriterView } from './resources/writer.js';

/**
 * Everything the 45 checks run, each at most once per acceptance run and shared between rows:
 * one attestation, one guard run over the real tree, one over the planted copy, one inspector
 * run per fixture. Mutation checks build a context with one resource replaced (a mutated
 * profile, tree or writer) and run the same check on it.
 */
export interface PlantedGuardView extends GuardView {
  /** src/acceptance-planted/<file> → its content, as planted. */
  readonly plants: ReadonlyMap<string, string>;
}

export interface AcceptanceContext {
  readonly repoRoot: string;
  /** Where runs keep their outputs (report directories, the attestation bundle). */
  readonly outRoot: string;
  readonly log: RunLog;
  attestation(): Promise<AttestationView>;
  /** tki-guard over the real project (or, in a mutation check, over a mutated copy of it). */
  realGuard(): Promise<GuardView>;
  /** tki-guard over a copy of the inspector with fixtures/acceptance/planted/*.ts added under src/. */
  plantedGuard(): Promise<PlantedGuardView>;
  /** A fixture packet through inspectPacket, in-process. */
  inspect(fixture: string): Promise<InspectView>;
  /** A packet through `tki run` in the real bwrap sandbox; `key` names the run. */
  sandboxRun(key: string, packetPath: string, name?: string): Promise<InspectView>;
  /** The built write edge (or a mutant of it) driven with hostile names. */
  writer(): Promise<WriterView>;
}

export interface ContextOptions {
  readonly repoRoot: string;
  readonly outRoot: string;
  readonly log?: RunLog;
  /** Replaces the shared attestation (mutation a). */
  readonly attestation?: (log: RunLog) => Promise<AttestationView>;
  /** Runs "the real tree" guard in this directory instead of the repository (mutation b). */
  readonly guardRoot?: string;
  /** Drives this report writer instead of dist/sandbox/report/write-triplet.js (mutation c). */
  readonly writerModule?: string;
}

function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= compute());
}

function memoByKey<T>(compute: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let promise = cache.get(key);
    if (promise === undefined) {
      promise = compute(key);
      cache.set(key, promise);
    }
    return promise;
  };
}

export function createContext(options: ContextOptions): AcceptanceContext {
  const { repoRoot, outRoot } = options;
  const log = options.log ?? createRunLog();
  mkdirSync(path.join(outRoot, 'runs'), { recursive: true });
  const runsDir = (name: string): string => path.join(outRoot, 'runs', name);
  const sandboxRuns = new Map<string, Promise<InspectView>>();
  return {
    repoRoot,
    outRoot,
    log,
    attestation: once(() => (options.attestation ?? ((runLog) => attestWithCli(runLog, repoRoot, path.join(outRoot, 'attestation'))))(log)),
    realGuard: once(() => runGuardCli(log, repoRoot, 'guard-real-tree', options.guardRoot ?? repoRoot, path.join(outRoot, 'guard-real-tree.json'))),
    plantedGuard: once(async () => {
      const plants = plantedSources(repoRoot);
      const copy = copyInspectorProject(repoRoot, { plants });
      try {
        const view = await runGuardCli(log, repoRoot, 'guard-planted-tree', copy, path.join(outRoot, 'guard-planted-tree.json'));
        return { ...view, plants };
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    }),
    inspect: memoByKey((fixture) => inspectInProcess(log, fixturePacketPath(repoRoot, fixture), runsDir(`inspect-${fixture}`), fixture)),
    sandboxRun(key, packetPath, name = key) {
      let promise = sandboxRuns.get(key);
      if (promise === undefined) {
        promise = tkiRun(log, repoRoot, packetPath, runsDir(`tki-run-${key}`), name);
        sandboxRuns.set(key, promise);
      }
      return promise;
    },
    writer: once(() => probeWriter(log, options.writerModule ?? path.join(repoRoot, 'dist/sandbox/report/write-triplet.js'))),
  };
}
