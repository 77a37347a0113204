import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { inspectToDirectory } from '../../../../sandbox/report/in-process.js';
import { DEFAULT_LIMITS } from '../../../../src/index.js';
import { writeHostilePacket } from '../packet-gen.js';
import { SHAPES, type ShapeName } from './shapes.js';

/**
 * Measures a hostile shape against its floor, each measurement in its own child process
 * (`--max-old-space-size=2048`, the sandbox profile's heap): the inspector's unsandboxed entry
 * (sandbox/report/in-process.ts, as tests/inspector/red-team/run.ts calls it) against reading and hashing
 * every byte of the packet, and against reading and parsing packet.json once. Paired rounds,
 * medians. Compile and run (from the repository root):
 *
 *   npx tsc --ignoreConfig --module nodenext --moduleResolution nodenext --target es2023 --types node \
 *     --resolveJsonModule --skipLibCheck --rootDir . --outDir .tki-cache/rt-cost tests/inspector/red-team/cost/measure.ts
 *   node .tki-cache/rt-cost/tests/inspector/red-team/cost/measure.js bench <shape> <n> [rounds] [timeoutMs]
 */
const repo = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

async function inspect(packetDir: string, outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await inspectToDirectory({ packetPath: packetDir, outDir }, DEFAULT_LIMITS);
  const used = process.cpuUsage(cpu);
  const size = (name: string): number => (existsSync(path.join(outDir, name)) ? statSync(path.join(outDir, name)).size : -1);
  const blocked = existsSync(path.join(outDir, 'report.json')) ? (JSON.parse(readFileSync(path.join(outDir, 'report.json'), 'utf8')) as { blocked_reasons?: unknown }).blocked_reasons : undefined;
  console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, exitCode: outcome.exitCode, verdict: outcome.verdict, reportJson: size('report.json'), reportMd: size('report.md'), blocked: JSON.stringify(blocked ?? null).slice(0, 200), rssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function floorHash(packetDir: string): void {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let bytes = 0;
  for (const file of filesUnder(packetDir)) {
    const data = readFileSync(file);
    bytes += data.length;
    createHash('sha256').update(data).digest('hex');
  }
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes }));
}

function floorParse(packetDir: string): void {
  const started = performance.now();
  const cpu = process.cpuUsage();
  JSON.parse(readFileSync(path.join(packetDir, 'packet.json'), 'utf8'));
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }));
}

function child(args: string[], timeoutMs: number): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--max-old-space-size=2048', process.argv[1] ?? '', ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  const last = `${run.stdout}`.trim().split('\n').at(-1) ?? '';
  if (run.error !== undefined || run.status !== 0 || !last.startsWith('{')) {
    const trace = /^\s+at /m.test(`${run.stderr}`);
    return { failed: run.error?.message ?? `status ${String(run.status)} signal ${String(run.signal)}`, stackTrace: trace, stderr: `${run.stderr}`.slice(0, 300) };
  }
  return JSON.parse(last) as Record<string, unknown>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function bench(shape: ShapeName, n: number, rounds: number, timeoutMs: number): void {
  const dir = path.join(repo, '.tki-cache', 'rt-cost-packets', `${shape}-${String(n)}`);
  rmSync(dir, { recursive: true, force: true });
  writeHostilePacket(path.join(dir, 'packet'), SHAPES[shape](n));
  const runs: Record<string, unknown>[] = [];
  const hashes: number[] = [];
  const parses: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    runs.push(child(['inspect', path.join(dir, 'packet'), path.join(dir, 'out')], timeoutMs));
    hashes.push(Number(child(['floor-hash', path.join(dir, 'packet')], timeoutMs).cpuMs));
    parses.push(Number(child(['floor-parse', path.join(dir, 'packet')], timeoutMs).cpuMs));
    if (runs.at(-1)?.failed !== undefined) break;
  }
  const cpu = median(runs.map((run) => Number(run.cpuMs)));
  const wall = median(runs.map((run) => Number(run.ms)));
  const bytes = filesUnder(path.join(dir, 'packet')).reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(JSON.stringify({ shape, n, packetBytes: bytes, rounds: runs.length, inspectorCpuMs: cpu, inspectorWallMs: wall, floorHashCpuMs: median(hashes), floorParseCpuMs: median(parses), ratioHash: cpu / median(hashes), ratioParse: cpu / median(parses), last: runs.at(-1) }));
}

const [mode, a, b, c, d] = process.argv.slice(2);
if (mode === 'inspect') await inspect(a ?? '', b ?? '');
else if (mode === 'floor-hash') floorHash(a ?? '');
else if (mode === 'floor-parse') floorParse(a ?? '');
else if (mode === 'bench') bench(a as ShapeName, Number(b), Number(c ?? 3), Number(d ?? 300_000));
else console.log(`shapes: ${Object.keys(SHAPES).join(' ')}`);
