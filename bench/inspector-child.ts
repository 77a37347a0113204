import { spawn } from 'node:child_process';

/**
 * The inspector benchmarks' child processes. The inspector runs with the launcher's writer in one
 * process (sandbox/report/in-process.ts, as `tki run` writes reports, without the sandbox); `url`
 * is src/index.js, the in-process module sits beside it in dist/.: each measurement runs in its own process so that
 * its peak RSS is its own; times are taken inside the child (no start-up).
 */
export const INSPECT_CHILD = `
const [packetPath, outDir, url] = process.argv.slice(1);
const { inspectToDirectory } = await import(new URL('../sandbox/report/in-process.js', url).href);
const started = performance.now();
const cpu = process.cpuUsage();
const outcome = await inspectToDirectory({ packetPath, outDir, name: 'bench' });
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, exitCode: outcome.exitCode, line: outcome.line }));
`;

export interface ChildResult {
  readonly ms: number;
  /** CPU time (user + system, all threads) over the same span: steadier than wall time on a loaded machine. */
  readonly cpuMs?: number;
  readonly maxRssKiB: number;
  readonly exitCode?: number;
  readonly line?: string;
}

/** `nodeFlags`: e.g. the sandbox profile's heap limit, so that a benchmark run fits where `tki run` would. */
export function runChild(source: string, args: string[], nodeFlags: readonly string[] = []): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--input-type=module', '-e', source, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(output) as ChildResult);
      } catch {
        reject(new Error(`bench child produced no result: ${output.slice(0, 200)}`));
      }
    });
  });
}

