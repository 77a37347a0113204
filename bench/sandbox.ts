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
 * medians compared. Podman's and Docker's costs are measured beside it (their image is built before timing).
 * Times are wall clock around each child process, start to exit: what an operator waits for.
 * The second result splits bwrap's part into its layers (sandbox-layers.ts).
 */
const ROUNDS = 11;
const BUDGET_MS = 100;
const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const tkiBin = join(root, 'dist', 'cli', 'tki.js');
const inProcess = join(root, 'dist', 'sandbox', 'report', 'in-process.js');

function timed(args: readonly string[], expectStatus: readonly number[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...args], { encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status === null || !expectStatus.includes(result.status)) {
    throw new Error(`bench/sandbox: ${args.join(' ')} exited ${result.status}: ${result.stderr.trim().split('\n').pop() ?? ''}`);
  }
  return elapsed;
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
    const sandboxed = (engine: string): number => timed([tkiBin, 'run', packet, '--out', join(scratch, engine), '--engine', engine], verdicts);
    // Warm-up: page cache, and podman's local image (built once, outside the timing).
    bare();
    sandboxed('bwrap');
    sandboxed('podman');
    sandboxed('docker');
    const times = { bare: [] as number[], bwrap: [] as number[], podman: [] as number[], docker: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      times.bare.push(bare());
      times.bwrap.push(sandboxed('bwrap'));
      times.podman.push(sandboxed('podman'));
      times.docker.push(sandboxed('docker'));
    }
    const bareMs = median(times.bare);
    const bwrapMs = median(times.bwrap);
    const podmanMs = median(times.podman);
    const dockerMs = median(times.docker);
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
          podman_median_ms: podmanMs.toFixed(1),
          podman_added_ms: (podmanMs - bareMs).toFixed(1),
          podman_over_bare: (podmanMs / bareMs).toFixed(3),
          docker_median_ms: dockerMs.toFixed(1),
          docker_added_ms: (dockerMs - bareMs).toFixed(1),
          docker_over_bare: (dockerMs / bareMs).toFixed(3),
          rounds: ROUNDS,
        },
      },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const bench: BenchModule = { title: 'Sandbox cost: tki run (bwrap, podman, docker) vs the inspector pipeline bare', run };
