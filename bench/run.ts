import type { BenchModule, BenchResult } from './types.js';

/**
 * `npm run bench`: every benchmark in one run, ratios side by side. Modules are listed here
 * (not discovered) so that a missing one is a compile error, not silence.
 */
const modules: Array<() => Promise<{ bench: BenchModule }>> = [
  () => import('./eslint-plugin.js'),
  () => import('./guard.js'),
  () => import('./guard-typed.js'),
  () => import('./guard-watch.js'),
  () => import('./inspector.js'),
  () => import('./inspector-sentences.js'),
  () => import('./sandbox.js'),
];

function line(result: BenchResult): string {
  const met = result.besideTarget === true ? '(shown, not judged)' : result.ratio <= result.target ? 'met' : 'MISSED';
  const details = Object.entries(result.details).map(([key, value]) => `${key}=${value}`).join('  ');
  return `  ${result.name.padEnd(58)} ratio ${result.ratio.toFixed(3).padStart(7)}  target ≤ ${String(result.target).padEnd(5)} ${met}\n      ${details}`;
}

async function main(): Promise<void> {
  let missed = 0;
  for (const load of modules) {
    const { bench } = await load();
    process.stdout.write(`\n${bench.title}\n`);
    for (const result of await bench.run()) {
      process.stdout.write(`${line(result)}\n`);
      if (result.besideTarget !== true && result.ratio > result.target) missed += 1;
    }
  }
  process.stdout.write(`\n${missed === 0 ? 'all targets met' : `${missed} target(s) missed`}\n`);
  process.exitCode = missed === 0 ? 0 : 1;
}

await main();
