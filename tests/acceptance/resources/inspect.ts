import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import path from 'node:path';
import { inspectPacket, reportSchema, type Report } from '../../../src/index.js';
import { artifactsUnder, recordRun, type RunLog } from '../evidence.js';
import { runCommand } from './subprocess.js';
import { inspectToDirectory } from '../../../sandbox/report/in-process.js';

/** One real inspector run: exit code, the parsed report.json, and what landed in the output directory. */
export interface InspectView {
  readonly run_id: string;
  readonly via: 'inspectPacket' | 'tki run';
  readonly packet_path: string;
  readonly out_dir: string;
  readonly exit_code: number | null;
  /** report.json, validated by the inspector's own schema; undefined when none was written or it is invalid. */
  readonly report?: Report;
  readonly report_problem?: string;
  readonly out_files: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
}

/** fixtures/packets/<name>: a directory packet, or the single .json file its expected.json names. */
export function fixturePacketPath(repoRoot: string, fixture: string): string {
  const directory = path.join(repoRoot, 'fixtures/packets', fixture);
  const meta = JSON.parse(readFileSync(path.join(directory, 'expected.json'), 'utf8')) as { packet?: string };
  return meta.packet === undefined || meta.packet === 'packet.json' ? directory : path.join(directory, meta.packet);
}

function readReport(outDir: string): { report?: Report; report_problem?: string } {
  const file = path.join(outDir, 'report.json');
  if (!existsSync(file)) return { report_problem: 'no report.json was written' };
  const parsed = reportSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? { report: parsed.data } : { report_problem: `report.json fails the report schema: ${parsed.error.message.slice(0, 300)}` };
}

const listing = (directory: string): string[] => (existsSync(directory) ? readdirSync(directory).sort() : []);

/** The inspector in-process through its public API (L4 rows that do not name L1). */
export async function inspectInProcess(log: RunLog, packetPath: string, outDir: string, name: string): Promise<InspectView> {
  rmSync(outDir, { recursive: true, force: true });
  return recordRun(log, `inspect-${name}`, `inspectPacket on ${path.basename(packetPath)}`, ['inspectPacket', JSON.stringify({ packetPath, outDir, name })], async () => {
    const outcome = await inspectToDirectory({ packetPath, outDir, name });
    const value = { via: 'inspectPacket' as const, packet_path: packetPath, out_dir: outDir, exit_code: outcome.exitCode, ...readReport(outDir), out_files: listing(outDir), stdout: outcome.line, stderr: '' };
    return { value, exitCode: outcome.exitCode, artifacts: artifactsUnder(outDir), inputs: [packetPath] };
  });
}

/** The operator's command, `tki run <packet> --out <dir>`, in the real bubblewrap sandbox (rows naming L1, end-to-end rows). */
export async function tkiRun(log: RunLog, repoRoot: string, packetPath: string, outDir: string, name: string): Promise<InspectView> {
  rmSync(outDir, { recursive: true, force: true });
  const args = [path.join(repoRoot, 'dist/cli/tki.js'), 'run', packetPath, '--out', outDir, '--engine', 'bwrap', '--name', name];
  return recordRun(log, `tki-run-${name}`, `tki run (bwrap) on ${path.basename(packetPath)}`, ['node', ...args], async () => {
    const result = runCommand(process.execPath, args);
    const value = { via: 'tki run' as const, packet_path: packetPath, out_dir: outDir, exit_code: result.status, ...readReport(outDir), out_files: listing(outDir), stdout: result.stdout, stderr: result.stderr + (result.error ?? '') };
    return { value, exitCode: result.status, artifacts: artifactsUnder(outDir), inputs: [packetPath] };
  });
}

/** One inotify event seen in the output directory while the inspector wrote its report. */
export interface WatchEvent {
  readonly event: string;
  readonly file: string;
}

/**
 * inspectPacket with the output directory watched (inotify via fs.watch): the event sequence shows
 * whether the report files were created under temp names and renamed into place (SPEC §5 atomic).
 */
export async function inspectWatched(log: RunLog, packetPath: string, outDir: string, name: string): Promise<InspectView & { readonly events: readonly WatchEvent[] }> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return recordRun(log, `inspect-watched-${name}`, `inspectPacket on ${path.basename(packetPath)} with its output directory watched`, ['inspectPacket', JSON.stringify({ packetPath, outDir, name }), 'fs.watch(outDir)'], async () => {
    const events: WatchEvent[] = [];
    const watcher = watch(outDir, (event, file) => events.push({ event, file: String(file) }));
    const outcome = await inspectToDirectory({ packetPath, outDir, name });
    // inotify events arrive on the event loop: give the last ones a moment before closing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    watcher.close();
    const value = { via: 'inspectPacket' as const, packet_path: packetPath, out_dir: outDir, exit_code: outcome.exitCode, ...readReport(outDir), out_files: listing(outDir), stdout: outcome.line, stderr: '', events };
    return { value, exitCode: outcome.exitCode, artifacts: artifactsUnder(outDir), inputs: [packetPath] };
  });
}
