import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';

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

/**
 * The two processes of `tki run`, measured apart (session 16): the inspector as it runs inside,
 * under the sandbox's V8 flags (`--jitless` among them), writing its frames on the report channel
 * (here a file); then the launcher, a plain node with its JIT, decoding, checking and writing them
 * (the steps of sandbox/report/in-process.ts, which runs both halves in one process). Run under
 * one set of flags, the launcher's check of a 100,000-claim report.json was interpreted too, and
 * was a third of the hostile row's CPU.
 */
export const INSPECT_INSIDE_CHILD = `
import { closeSync, openSync } from 'node:fs';
const [packetPath, channelPath, url] = process.argv.slice(1);
const { inspectPacket } = await import(url);
const started = performance.now();
const cpu = process.cpuUsage();
const fd = openSync(channelPath, 'w');
const outcome = await inspectPacket({ packetPath, reportFd: fd, name: 'bench' });
closeSync(fd);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, exitCode: outcome.exitCode, line: outcome.line }));
`;

export const LAUNCHER_WRITE_CHILD = `
import { readFileSync } from 'node:fs';
const [channelPath, outDir, url] = process.argv.slice(1);
const at = (relative) => import(new URL(relative, url).href);
const { ChannelDecoder } = await at('./io/report-frame.js');
const { checkReportJson, expectedCheckpointName } = await at('../sandbox/report/report-schema-check.js');
const { reportChannelCaps } = await at('../sandbox/report/channel-caps.js');
const { checkTriplet, writeTriplet } = await at('../sandbox/report/write-triplet.js');
const { prepareOutputDirectory } = await at('../sandbox/report/output-dir.js');
const started = performance.now();
const cpu = process.cpuUsage();
const decoder = new ChannelDecoder(reportChannelCaps());
decoder.push(readFileSync(channelPath));
const error = decoder.finish();
if (error !== undefined) throw new Error('report channel: ' + error.code);
const checked = checkTriplet(decoder.records, expectedCheckpointName('bench'), checkReportJson);
if (!checked.ok) throw new Error('report refused: ' + checked.reason);
const output = prepareOutputDirectory(outDir, undefined, 'inspect');
if (!output.ok) throw new Error('no output directory');
const written = writeTriplet(output.value, checked.triplet);
output.value.release();
if (!written.ok) throw new Error('report not written: ' + written.reason);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS }));
`;

export interface ChildResult {
  readonly ms: number;
  /** CPU time (user + system, all threads) over the same span: steadier than wall time on a loaded machine. */
  readonly cpuMs?: number;
  readonly maxRssKiB: number;
  /** The launcher's share of cpuMs, when the run was measured as two processes (runAsShipped). */
  readonly launcherCpuMs?: number;
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


/**
 * One `tki run` as it ships, its two processes one after the other (INSPECT_INSIDE_CHILD under
 * `insideFlags`, then LAUNCHER_WRITE_CHILD without flags): times and CPU summed, the larger peak
 * RSS, the inside's exit code and line. `url` is src/index.js.
 */
export async function runAsShipped(packetDir: string, outDir: string, url: string, insideFlags: readonly string[]): Promise<ChildResult> {
  const channelPath = `${outDir}.channel`;
  rmSync(outDir, { recursive: true, force: true });
  try {
    const inside = await runChild(INSPECT_INSIDE_CHILD, [packetDir, channelPath, url], insideFlags);
    if (inside.exitCode === undefined || statSync(channelPath).size === 0) return inside;
    const launcher = await runChild(LAUNCHER_WRITE_CHILD, [channelPath, outDir, url]);
    return {
      ...inside,
      ms: inside.ms + launcher.ms,
      cpuMs: (inside.cpuMs ?? inside.ms) + (launcher.cpuMs ?? launcher.ms),
      launcherCpuMs: launcher.cpuMs ?? launcher.ms,
      maxRssKiB: Math.max(inside.maxRssKiB, launcher.maxRssKiB),
    };
  } finally {
    rmSync(channelPath, { force: true });
  }
}
