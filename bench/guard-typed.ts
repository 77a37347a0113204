import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';
import type { BenchModule, BenchResult } from './types.js';

/**
 * The typed classifier on real TypeScript projects installed by npm at pinned versions (both are
 * devDependencies): viem 2.58.8's sources (~1,500 .ts files; viem ships them) and
 * @effect-ts/system 0.57.5's `_src/` (1,381 .ts files of heavily generic code, no dependencies).
 * date-fns's ESM JavaScript (~1,400 files, allowJs + checkJs) is a third, JavaScript project,
 * run when TKI_BENCH_PROJECTS names it. Each is copied with its committed bench tsconfig
 * (bench/projects/NAME/tsconfig.json) under .tki-cache/bench/, inside the repository so that its
 * imports resolve to node_modules, and with a default tki.policy.json of its own so that it is its
 * own project root (not tki's, with tki's dependency-cruiser config). Every tool runs in a child process of its own, rounds
 * interleaved, medians compared:
 *   - default (typed) `tki-guard --project` vs `tsc --noEmit` on the same tsconfig (≤ 1.25×);
 *   - ESLint with the tki plugin, typed through `projectService`, vs ESLint with the same
 *     parser and projectService and one cheap typed rule (`no-for-in-array`) (≤ 1.3×).
 * TKI_BENCH_ROUNDS sets the rounds (default 3: each tsc run of viem takes tens of seconds);
 * TKI_BENCH_PROJECTS (comma-separated names) picks projects (default: the two TypeScript ones).
 */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = Number(process.env['TKI_BENCH_ROUNDS'] ?? 3);

interface Project {
  readonly name: string;
  /** The package directory under node_modules. */
  readonly source: string;
  readonly extension: 'ts' | 'js';
  /** Package-relative paths to leave out (the package's compiled copies, its tests). */
  readonly skip: RegExp;
}

const PROJECTS: readonly Project[] = [
  { name: 'viem', source: 'node_modules/viem', extension: 'ts', skip: /^(_types|_esm|_cjs)\/|\.d\.ts$|\.test\.ts$|\.bench\.ts$/ },
  // Only `_src/` holds sources; the package's other folders are its compiled .js and .d.ts.
  { name: 'effect-ts-system', source: 'node_modules/@effect-ts/system', extension: 'ts', skip: /^(?!_src\/)|\.d\.ts$/ },
  { name: 'date-fns', source: 'node_modules/date-fns', extension: 'js', skip: /^fp\/|\.cjs$/ },
];

const DEFAULT_PROJECTS = ['viem', 'effect-ts-system'];
const chosen = (process.env['TKI_BENCH_PROJECTS'] ?? DEFAULT_PROJECTS.join(',')).split(',').map((name) => name.trim());

function copyProject(project: Project): { directory: string; files: number } {
  const directory = path.join(REPO, '.tki-cache/bench', project.name);
  rmSync(directory, { recursive: true, force: true });
  const source = path.join(REPO, project.source);
  const names = (readdirSync(source, { recursive: true }) as string[]).filter((name) => name.endsWith(`.${project.extension}`) && !project.skip.test(name.split(path.sep).join('/')));
  for (const name of names) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    copyFileSync(path.join(source, name), path.join(directory, name));
  }
  copyFileSync(path.join(REPO, 'bench/projects', project.name, 'tsconfig.json'), path.join(directory, 'tsconfig.json'));
  writeFileSync(path.join(directory, 'package.json'), '{ "type": "module", "private": true }\n');
  // The project's own policy root (the defaults): without it both tools find tki's own
  // tki.policy.json above the copy, and tki-guard takes the repository as the project root, so it
  // also ran tki's own `.dependency-cruiser.cjs` over the copy (57 % of the guard's CPU on
  // effect-ts-system), a configuration the project never made.
  writeFileSync(path.join(directory, 'tki.policy.json'), '{}\n');
  return { directory, files: names.length };
}

/**
 * Preloaded into every timed child: at exit it writes the process's own CPU time (user + system,
 * ms) to the file named by TKI_BENCH_CPU_FILE. On a loaded machine wall time measures the queue
 * as much as the tool; CPU time is printed beside it so a loaded run can still be read.
 */
const CPU_PRELOAD = "process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.TKI_BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });\n";

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** One child process: wall and CPU time in ms; it must end with a code up to `worst` (findings are 1; tsc's type errors are 2). */
function timed(args: readonly string[], cwd: string, worst = 1): Timing {
  const preload = path.join(REPO, '.tki-cache/bench/cpu-preload.cjs');
  const cpuFile = path.join(REPO, '.tki-cache/bench/cpu-usage.txt');
  writeFileSync(preload, CPU_PRELOAD);
  rmSync(cpuFile, { force: true });
  const started = process.hrtime.bigint();
  // tki-allow-next-line unresolved-module -- the child runs a file made at run time (dist/, .tki-cache/), not source the guard can read
  const child = spawnSync(process.execPath, ['--require', preload, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, TKI_BENCH_CPU_FILE: cpuFile } });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status === null || child.status > worst) throw new Error(`${args.join(' ')} failed (${child.status ?? child.signal}): ${child.stderr.slice(0, 400)}`);
  return { wallMs, cpuMs: Number(readFileSync(cpuFile, 'utf8')) };
}

function measure(project: Project): BenchResult[] {
  const { directory, files } = copyProject(project);
  const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
  const guard = path.join(REPO, 'dist/guard/cli.js');
  const child = path.join(REPO, 'dist/bench/eslint-typed-child.js');
  const runs = { tsc: [] as Timing[], guard: [] as Timing[], eslintBaseline: [] as Timing[], eslintPlugin: [] as Timing[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    runs.tsc.push(timed([tsc, '-p', 'tsconfig.json', '--noEmit'], directory, 2));
    runs.guard.push(timed([guard, '--project', 'tsconfig.json', '--no-cache', '--format', 'json', '--output', path.join(directory, '.guard.json')], directory));
    runs.eslintBaseline.push(timed([child, directory, 'baseline', project.extension], directory));
    runs.eslintPlugin.push(timed([child, directory, 'plugin', project.extension], directory));
  }
  const wall = (timings: readonly Timing[]): number => median(timings.map((timing) => timing.wallMs));
  const cpu = (timings: readonly Timing[]): number => median(timings.map((timing) => timing.cpuMs));
  const ms = (value: number): number => Math.round(value);
  return [
    {
      name: `${project.name}: tki-guard (typed, default) vs tsc --noEmit`,
      ratio: wall(runs.guard) / wall(runs.tsc),
      target: 1.25,
      details: { files, rounds: ROUNDS, guard_ms: ms(wall(runs.guard)), tsc_ms: ms(wall(runs.tsc)), guard_cpu_ms: ms(cpu(runs.guard)), tsc_cpu_ms: ms(cpu(runs.tsc)), cpu_ratio: (cpu(runs.guard) / cpu(runs.tsc)).toFixed(3) },
    },
    {
      name: `${project.name}: ESLint + typed tki plugin vs one cheap typed rule`,
      ratio: wall(runs.eslintPlugin) / wall(runs.eslintBaseline),
      target: 1.3,
      details: {
        files,
        rounds: ROUNDS,
        plugin_ms: ms(wall(runs.eslintPlugin)),
        baseline_ms: ms(wall(runs.eslintBaseline)),
        plugin_cpu_ms: ms(cpu(runs.eslintPlugin)),
        baseline_cpu_ms: ms(cpu(runs.eslintBaseline)),
        cpu_ratio: (cpu(runs.eslintPlugin) / cpu(runs.eslintBaseline)).toFixed(3),
      },
    },
  ];
}

export const bench: BenchModule = {
  title: 'Typed classifier on real projects (bench/projects/*/tsconfig.json)',
  run: () => Promise.resolve(PROJECTS.filter((project) => chosen.includes(project.name)).flatMap(measure)),
};
