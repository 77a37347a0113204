import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePacketDir } from '../tests/sandbox/helpers/packet.js';
import type { BenchModule, BenchResult } from './types.js';
import { median } from './stats.js';
import { measureLayers } from './sandbox-layers.js';

/**
 * What the sandbox adds to an inspection: `tki run` (bwrap) on a small packet against the same
 * pipeline run bare in a plain node process (no sandbox, no P1), rounds interleaved in one run,
 * medians compared. Podman's and Docker's costs are measured beside it where they can run (their image is
 * built before timing; an engine that cannot start, e.g. no dockerd, is a detail saying why, not a crash).
 * Times are wall clock around each child process, start to exit: what an operator waits for.
 * The second result splits bwrap's part into its layers (sandbox-layers.ts).
 */
// TKI_BENCH_SANDBOX_ROUNDS: fewer rounds for a quick look (the recorded figures use 11).
const ROUNDS = Number(process.env.TKI_BENCH_SANDBOX_ROUNDS ?? 11);
const BUDGET_MS = 100;
const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const tkiBin = join(root, 'dist', 'cli', 'tki.js');
const inProcess = join(root, 'dist', 'sandbox', 'report', 'in-process.js');

type Timed = { ok: true; ms: number } | { ok: false; line: string };

function tryTimed(args: readonly string[], expectStatus: readonly number[]): Timed {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...args], { encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status === null || !expectStatus.includes(result.status)) {
    const line = `${result.stderr}\n${result.stdout}`.trim().split('\n').filter((entry) => entry.trim() !== '').pop() ?? '';
    return { ok: false, line: `exited ${result.status ?? result.signal ?? 'without a status'}: ${line}` };
  }
  return { ok: true, ms: elapsed };
}

function timed(args: readonly string[], expectStatus: readonly number[]): number {
  const outcome = tryTimed(args, expectStatus);
  if (!outcome.ok) throw new Error(`bench/sandbox: ${args.join(' ')} ${outcome.line}`);
  return outcome.ms;
}

/** The container engines are measured only where they can run: one that cannot is a row saying why, never a crash. */
const CONTAINER_ENGINES = ['podman', 'docker'] as const;
type ContainerEngine = (typeof CONTAINER_ENGINES)[number];

function notMeasured(engine: ContainerEngine, line: string): string {
  const reason = engine === 'docker' && /daemon|docker\.sock|Cannot connect/i.test(line) ? 'dockerd not reachable' : `${engine} cannot run here`;
  return `not measured (${reason}: ${line.slice(0, 200)}${engine === 'docker' ? '; start it with `bash scripts/start-dockerd.sh`' : ''})`;
}

async function run(): Promise<BenchResult[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'tki-bench-sandbox-'));
  // A root operator's sandbox runs as nobody, which must reach the packet.
  chmodSync(scratch, 0o755);
  try {
    const packet = writePacketDir(join(scratch, 'packet'));
    const verdicts = [1, 2];
    // The bare pipeline: the inspector, its report over a channel (a file), the launcher's decode, check and write.
    const bareScript = `const m = await import(${JSON.stringify(inProcess)}); const o = await m.inspectToDirectory({ packetPath: ${JSON.stringify(packet)}, outDir: ${JSON.stringify(join(scratch, 'bare'))} }); process.exitCode = o.exitCode;`;
    const bare = (): number => timed(['--input-type=module', '-e', bareScript], verdicts);
    const sandboxArgs = (engine: string): string[] => [tkiBin, 'run', packet, '--out', join(scratch, engine), '--engine', engine];
    const sandboxed = (engine: string): number => timed(sandboxArgs(engine), verdicts);
    // Warm-up: page cache, and the container engines' local image (built once, outside the timing).
    // An engine whose warm-up fails (no dockerd, no podman) is reported as not measured.
    bare();
    sandboxed('bwrap');
    const unavailable: Partial<Record<ContainerEngine, string>> = {};
    const engines = CONTAINER_ENGINES.filter((engine) => {
      const warm = tryTimed(sandboxArgs(engine), verdicts);
      if (!warm.ok) unavailable[engine] = notMeasured(engine, warm.line);
      return warm.ok;
    });
    const times: Record<'bare' | 'bwrap' | ContainerEngine, number[]> = { bare: [], bwrap: [], podman: [], docker: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      times.bare.push(bare());
      times.bwrap.push(sandboxed('bwrap'));
      for (const engine of engines) times[engine].push(sandboxed(engine));
    }
    const bareMs = median(times.bare);
    const bwrapMs = median(times.bwrap);
    const addedMs = bwrapMs - bareMs;
    // Rounds are interleaved, so the per-round difference is also robust to load drifting over the run.
    const pairedAdded = median(times.bwrap.map((ms, round) => ms - (times.bare[round] ?? ms)));
    const layers = await measureLayers(packet, scratch, ROUNDS);
    return [
      {
        name: 'bwrap layers: bwrap alone (namespaces, mounts) ms ÷ 100 ms',
        ratio: (layers.layers.bwrap_alone ?? Number.NaN) / BUDGET_MS,
        target: 1,
        details: {
          ...Object.fromEntries(Object.entries(layers.layers).map(([key, ms]) => [`${key}_ms`, ms.toFixed(1)])),
          ...Object.fromEntries(Object.entries(layers.medians).map(([key, ms]) => [`median_${key}_ms`, ms.toFixed(1)])),
          rounds: ROUNDS,
        },
      },
      {
        name: 'tki run (bwrap) vs bare pipeline: added ms ÷ 100 ms',
        ratio: addedMs / BUDGET_MS,
        target: 1,
        details: {
          bare_median_ms: bareMs.toFixed(1),
          bwrap_median_ms: bwrapMs.toFixed(1),
          bwrap_added_ms: addedMs.toFixed(1),
          bwrap_added_ms_paired_median: pairedAdded.toFixed(1),
          bwrap_over_bare: (bwrapMs / bareMs).toFixed(3),
          ...Object.fromEntries(
            CONTAINER_ENGINES.flatMap((engine) => {
              const reason = unavailable[engine];
              if (reason !== undefined) return [[engine, reason]];
              const engineMs = median(times[engine]);
              return [
                [`${engine}_median_ms`, engineMs.toFixed(1)],
                [`${engine}_added_ms`, (engineMs - bareMs).toFixed(1)],
                [`${engine}_over_bare`, (engineMs / bareMs).toFixed(3)],
              ];
            }),
          ),
          rounds: ROUNDS,
        },
      },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const bench: BenchModule = { title: 'Sandbox cost: tki run (bwrap, podman, docker) vs the inspector pipeline bare', run };
