import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';
import type { BenchModule, BenchResult } from './types.js';

/**
 * The typed classifier on two real projects installed by npm at pinned versions: viem's
 * TypeScript sources (viem ships them, ~1,470 files) and date-fns's ESM JavaScript (~1,400 files,
 * a JavaScript project checked with allowJs + checkJs). Each is copied with its committed bench
 * tsconfig (bench/projects/NAME/tsconfig.json) under .tki-cache/bench/, inside the repository so
 * that their imports resolve to node_modules. Every tool runs in a child process of its own,
 * rounds interleaved, medians compared:
 *   - default (typed) `tki-guard --project` vs `tsc --noEmit` on the same tsconfig (≤ 1.25×);
 *   - ESLint with the tki plugin, typed through `projectService`, vs ESLint with the same
 *     parser and projectService and one cheap typed rule (`no-for-in-array`) (≤ 1.3×).
 * TKI_BENCH_ROUNDS sets the rounds (default 3: each tsc run of viem takes tens of seconds).
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
  { name: 'date-fns', source: 'node_modules/date-fns', extension: 'js', skip: /^fp\/|\.cjs$/ },
];

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
  return { directory, files: names.length };
}

/** Wall time of one child process, in ms; it must end with a code up to `worst` (findings are 1; tsc's type errors are 2). */
function timed(args: readonly string[], cwd: string, worst = 1): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status === null || child.status > worst) throw new Error(`${args.join(' ')} failed (${child.status ?? child.signal}): ${child.stderr.slice(0, 400)}`);
  return elapsed;
}

function measure(project: Project): BenchResult[] {
  const { directory, files } = copyProject(project);
  const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
  const guard = path.join(REPO, 'dist/guard/cli.js');
  const child = path.join(REPO, 'dist/bench/eslint-typed-child.js');
  const runs = { tsc: [] as number[], guard: [] as number[], eslintBaseline: [] as number[], eslintPlugin: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    runs.tsc.push(timed([tsc, '-p', 'tsconfig.json', '--noEmit'], directory, 2));
    runs.guard.push(timed([guard, '--project', 'tsconfig.json', '--no-cache', '--format', 'json', '--output', path.join(directory, '.guard.json')], directory));
    runs.eslintBaseline.push(timed([child, directory, 'baseline', project.extension], directory));
    runs.eslintPlugin.push(timed([child, directory, 'plugin', project.extension], directory));
  }
  const ms = (values: readonly number[]): number => Math.round(median(values));
  return [
    {
      name: `${project.name}: tki-guard (typed, default) vs tsc --noEmit`,
      ratio: median(runs.guard) / median(runs.tsc),
      target: 1.25,
      details: { files, rounds: ROUNDS, guard_ms: ms(runs.guard), tsc_ms: ms(runs.tsc) },
    },
    {
      name: `${project.name}: ESLint + typed tki plugin vs one cheap typed rule`,
      ratio: median(runs.eslintPlugin) / median(runs.eslintBaseline),
      target: 1.3,
      details: { files, rounds: ROUNDS, plugin_ms: ms(runs.eslintPlugin), baseline_ms: ms(runs.eslintBaseline) },
    },
  ];
}

export const bench: BenchModule = {
  title: 'Typed classifier on real projects (bench/projects/*/tsconfig.json)',
  run: () => Promise.resolve(PROJECTS.flatMap(measure)),
};
