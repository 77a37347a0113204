import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import ts from 'typescript';
import '../policy/zod-jitless.js';
import { runGuard } from '../guard/index.js';
import { BUILTIN_MODULE_ROWS } from '../policy/index.js';
import type { BenchModule, BenchResult } from './types.js';
import { copyHeavyCorpus } from './corpus.js';
import { median } from './stats.js';

/**
 * tki-guard on a heavy real corpus installed by npm (bench/corpus.ts: typeorm's shipped
 * JavaScript plus effect's TypeScript sources, 1,556 files), copied to a temp directory so the
 * cache and the one-file edit stay there. Compared in one process, rounds interleaved, medians:
 * cold tki-guard vs (a) the parse floor, (b) dependency-cruiser with one forbidden-core rule;
 * warm re-run after editing one file vs cold. Peak RSS of each tool is measured in a child
 * process of its own (a shared process's peak would be the largest tool's).
 */
const ROUNDS = 3;
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The floor: read, parse with `ts.createSourceFile`, walk to every import/require specifier.
 * `lean` parses the way tki-guard does (guard/load/parse.ts: no JSDoc), the floor the ratio is
 * taken against; the floor with JSDoc is reported beside it as a detail.
 */
function parseFloor(files: readonly string[], lean = false): number {
  let specifiers = 0;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) specifiers += 1;
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) specifiers += 1;
    ts.forEachChild(node, visit);
  };
  const options = lean ? { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone } : ts.ScriptTarget.Latest;
  for (const file of files) visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), options, false, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS));
  return specifiers;
}

/** Builtins the policy gives a capability: the one forbidden-core rule of both baselines. */
const capabilityBuiltins = (): string[] => BUILTIN_MODULE_ROWS.filter((row) => row.capabilities.length > 0).map((row) => row.specifier.slice('node:'.length));

async function depcruiseOnce(directory: string): Promise<number> {
  const rule = { name: 'no-capability-core', severity: 'error' as const, from: {}, to: { dependencyTypes: ['core' as const], path: `^(node:)?(${capabilityBuiltins().join('|')})$` } };
  const result = await cruise(['.'], { baseDir: directory, validate: true, ruleSet: { forbidden: [rule] }, doNotFollow: { path: 'node_modules' }, outputType: 'json' });
  const output = typeof result.output === 'string' ? (JSON.parse(result.output) as { modules: unknown[] }) : result.output;
  return output.modules.length;
}

async function guardOnce(directory: string, fresh: boolean): Promise<number> {
  if (fresh) rmSync(path.join(directory, 'node_modules/.cache/tki'), { recursive: true, force: true });
  const run = await runGuard({ input: { kind: 'paths', paths: ['.'] }, cwd: directory, cache: true });
  if (!run.ok) throw new Error(`tki-guard failed on the corpus: ${JSON.stringify(run.error)}`);
  return run.value.result.stats.parsed;
}

/**
 * CPU time (ms) of this process's waited-for children, user + system, from /proc/self/stat
 * (cutime, cstime in USER_HZ ticks, 100 a second on Linux): a new process's CPU, which a loaded
 * machine stretches less than its wall time. Undefined where there is no /proc.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command name start at field 3 (state): cutime is field 16, cstime 17.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** One `tki-guard .` in a new process (the built CLI in dist/): what a user's warm or cold run costs, module loading included; wall and CPU ms. */
function cliOnce(directory: string, ...extra: string[]): { wall: number; cpu: number | undefined } {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  // The text report of the corpus is ~0.7 MB: above spawnSync's default 1 MiB buffer it would kill the child.
  // tki-allow-next-line unresolved-module -- the child runs a file made at run time (dist/, .tki-cache/), not source the guard can read
  const child = spawnSync(process.execPath, [path.join(REPO, 'dist/guard/cli.js'), '.', ...extra], { cwd: directory, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0 && child.status !== 1) throw new Error(`tki-guard CLI failed on the corpus: ${child.stderr.split('\n')[0] ?? ''}`);
  const wall = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

async function timed(action: () => unknown): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Peak RSS (MiB) of one run of `body` in a fresh Node process, over the built modules in dist/. */
function peakRss(body: string, directory: string): number {
  const script = `const directory = ${JSON.stringify(directory)};\n${body}\nconsole.log(process.resourceUsage().maxRSS);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`peak RSS probe failed: ${child.stderr.split('\n')[0] ?? ''}`);
  return Math.round(Number(child.stdout.trim().split('\n').pop()) / 1024);
}

function peaks(directory: string): Record<string, number> {
  const dist = (file: string): string => JSON.stringify(path.join(REPO, 'dist', file));
  return {
    guard_peak_rss_mib: peakRss(`await import(${dist('policy/zod-jitless.js')}); const { runGuard } = await import(${dist('guard/index.js')}); await runGuard({ input: { kind: 'paths', paths: ['.'] }, cwd: directory, cache: false });`, directory),
    depcruise_peak_rss_mib: peakRss(`const { cruise } = await import('dependency-cruiser'); await cruise(['.'], { baseDir: directory, validate: true, ruleSet: { forbidden: [{ name: 'x', severity: 'error', from: {}, to: { dependencyTypes: ['core'] } }] }, doNotFollow: { path: 'node_modules' } });`, directory),
  };
}

export const bench: BenchModule = {
  title: 'tki-guard: whole-program analysis on typeorm 1.1.1 (shipped JS) + effect 4.1.0 (src), temp copy',
  async run(): Promise<BenchResult[]> {
    const { directory, files } = copyHeavyCorpus('tki-guard-bench-');
    try {
      // Warm-up: module loading and JIT are not what we measure.
      parseFloor(files);
      await guardOnce(directory, true);
      await depcruiseOnce(directory);
      const times = { floor: [] as number[], leanFloor: [] as number[], cold: [] as number[], warm: [] as number[], depcruise: [] as number[], cliCold: [] as number[], cliWarm: [] as number[] };
      const cpu = { cliCold: [] as number[], cliWarm: [] as number[] };
      const cli = (into: 'cliCold' | 'cliWarm', ...extra: string[]): void => {
        const { wall, cpu: used } = cliOnce(directory, ...extra);
        times[into].push(wall);
        if (used !== undefined) cpu[into].push(used);
      };
      let parsedWarm = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        times.floor.push(await timed(() => parseFloor(files)));
        times.leanFloor.push(await timed(() => parseFloor(files, true)));
        times.cold.push(await timed(() => guardOnce(directory, true)));
        // The warm run follows a cold one that filled the cache, with one file edited in between.
        appendFileSync(files[round % files.length] as string, `\nexport const benchEdit${round} = ${round};\n`);
        times.warm.push(await timed(async () => (parsedWarm = await guardOnce(directory, false))));
        times.depcruise.push(await timed(() => depcruiseOnce(directory)));
        // The same pair as a user runs it: each in a new process, the warm one on the cache the runs above filled.
        cli('cliCold', '--no-cache');
        appendFileSync(files[(round + ROUNDS) % files.length] as string, `\nexport const cliEdit${round} = ${round};\n`);
        cli('cliWarm');
      }
      const [floor, leanFloor, cold, warm, depcruise] = [times.floor, times.leanFloor, times.cold, times.warm, times.depcruise].map(median) as [number, number, number, number, number];
      const common = { files: files.length, rounds: ROUNDS, guard_cold_median_ms: Math.round(cold), load_average_1m: Number((loadavg()[0] ?? 0).toFixed(1)) };
      const memory = peaks(directory);
      return [
        {
          name: 'tki-guard cold vs parse floor (parsed as the guard parses)',
          ratio: cold / leanFloor,
          target: 1.5,
          details: { ...common, floor_without_jsdoc_median_ms: Math.round(leanFloor), floor_with_jsdoc_median_ms: Math.round(floor), ratio_to_floor_with_jsdoc: Number((cold / floor).toFixed(3)) },
        },
        { name: 'tki-guard cold vs dependency-cruiser (one core rule)', ratio: cold / depcruise, target: 1, details: { ...common, depcruise_median_ms: Math.round(depcruise) } },
        { name: 'tki-guard warm (one file edited) vs cold', ratio: warm / cold, target: 0.1, details: { ...common, guard_warm_median_ms: Math.round(warm), files_parsed_warm: parsedWarm, ...memory } },
        {
          name: 'tki-guard CLI warm (one file edited) vs CLI cold, new processes',
          ratio: median(times.cliWarm) / median(times.cliCold),
          target: 0.1,
          details: {
            files: files.length,
            rounds: ROUNDS,
            cli_cold_median_ms: Math.round(median(times.cliCold)),
            cli_warm_median_ms: Math.round(median(times.cliWarm)),
            ...(cpu.cliWarm.length === ROUNDS && cpu.cliCold.length === ROUNDS
              ? { cli_cold_cpu_median_ms: median(cpu.cliCold), cli_warm_cpu_median_ms: median(cpu.cliWarm), cpu_ratio: Number((median(cpu.cliWarm) / median(cpu.cliCold)).toFixed(3)) }
              : {}),
          },
        },
      ];
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  },
};
