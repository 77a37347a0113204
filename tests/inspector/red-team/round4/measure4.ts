import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { inspectToDirectory } from '../../../../sandbox/report/in-process.js';
import { DEFAULT_LIMITS } from '../../../../src/index.js';
import { writeHostilePacket } from '../packet-gen.js';
import { SHAPES4 } from './shapes4.js';

/**
 * rt-packets4 cost measurements (not a test: wall time belongs here, never in a unit test). Each
 * measurement runs in its own child with the sandbox profile's heap (`--max-old-space-size=2048`):
 * the inspector's unsandboxed entry against reading and sha256-hashing every byte of the packet, and
 * against reading and JSON.parse-ing packet.json once. Paired rounds, medians of CPU time (steadier
 * than wall time on the shared machine; both are printed). From the repository root:
 *
 *   npx tsc --ignoreConfig --module nodenext --moduleResolution nodenext --target es2023 --types node \
 *     --resolveJsonModule --skipLibCheck --rootDir . --outDir .tki-cache/rt-packets4 \
 *     tests/inspector/red-team/round4/measure4.ts
 *   node .tki-cache/rt-packets4/tests/inspector/red-team/round4/measure4.js bench <shape> <n> [rounds] [timeoutMs]
 */
const repo = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

function sizeOf(dir: string): number {
  return existsSync(dir) ? filesUnder(dir).reduce((sum, file) => sum + statSync(file).size, 0) : 0;
}

async function inspect(packetDir: string, outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await inspectToDirectory({ packetPath: packetDir, outDir }, DEFAULT_LIMITS);
  const used = process.cpuUsage(cpu);
  const reportPath = path.join(outDir, 'report.json');
  const blocked = existsSync(reportPath) && statSync(reportPath).size < 64 * 1024 * 1024 ? (JSON.parse(readFileSync(reportPath, 'utf8')) as { blocked_reasons?: unknown }).blocked_reasons : '(report too large to parse here)';
  console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, exitCode: outcome.exitCode, verdict: outcome.verdict, reportBytes: sizeOf(outDir), blocked: JSON.stringify(blocked ?? null).slice(0, 200), rssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function floorHash(packetDir: string): void {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const file of filesUnder(packetDir)) createHash('sha256').update(readFileSync(file)).digest('hex');
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }));
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
    return { failed: run.error?.message ?? `status ${String(run.status)} signal ${String(run.signal)}`, stackTrace: /^\s+at /m.test(`${run.stderr}`), stderr: `${run.stderr}`.slice(0, 300) };
  }
  return JSON.parse(last) as Record<string, unknown>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function bench(shape: string, n: number, rounds: number, timeoutMs: number): void {
  const make = SHAPES4[shape];
  if (make === undefined) throw new Error(`unknown shape ${shape}`);
  const dir = path.join(repo, '.tki-cache', 'rt-packets4', `${shape}-${String(n)}`);
  rmSync(dir, { recursive: true, force: true });
  writeHostilePacket(path.join(dir, 'packet'), make(n));
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
  const packetBytes = sizeOf(path.join(dir, 'packet'));
  const last = runs.at(-1) ?? {};
  console.log(JSON.stringify({ shape, n, load1: loadavg()[0]?.toFixed(1), packetBytes, rounds: runs.length, inspectorCpuMs: cpu, inspectorWallMs: median(runs.map((run) => Number(run.ms))), floorHashCpuMs: median(hashes), floorParseCpuMs: median(parses), ratioHash: cpu / median(hashes), ratioParse: cpu / median(parses), reportPerPacketByte: Number(last.reportBytes) / packetBytes, last }));
  rmSync(path.join(dir, 'out'), { recursive: true, force: true });
}

const [mode, a, b, c, d] = process.argv.slice(2);
if (mode === 'inspect') await inspect(a ?? '', b ?? '');
else if (mode === 'floor-hash') floorHash(a ?? '');
else if (mode === 'floor-parse') floorParse(a ?? '');
else if (mode === 'bench') bench(a ?? '', Number(b), Number(c ?? 3), Number(d ?? 600_000));
else console.log(`shapes: ${Object.keys(SHAPES4).join(' ')}`);
