import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordRun, type RunLog } from '../evidence.js';
import { runCommand } from './subprocess.js';

/**
 * Drives the inspector's write edge with hostile file names, in a child process, and then looks
 * at the filesystem: which files exist outside the output directory afterwards. The module under
 * test is the built write edge (dist/src/io/report-writer.js) or, for a mutation check, a mutated
 * copy of it: the verdict comes from the disk, not from what the writer says.
 */
export const HOSTILE_NAMES = ['../escape.md', '../../escape-2.md', 'sub/../../escape-3.md', 'checkpoint-../../escape-4.md'] as const;

export interface WriterAttempt {
  readonly hostile_name: string;
  readonly writer_said: string;
  /** Files that appeared outside the output directory (relative to the sandbox root of the probe). */
  readonly escaped_files: readonly string[];
  readonly files_in_out: readonly string[];
}

export interface WriterView {
  readonly run_id: string;
  readonly module: string;
  readonly exit_code: number | null;
  readonly attempts: readonly WriterAttempt[];
  readonly problem?: string;
}

function filesBelow(directory: string, prefix = ''): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(path.join(directory, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

export async function probeWriter(log: RunLog, writerModule: string): Promise<WriterView> {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-acceptance-writer-'));
  const driver = path.join(root, 'driver.mjs');
  // root/a/b/out is the output directory: every `../` lands somewhere under root, never outside the scratch area.
  writeFileSync(
    driver,
    [
      `import { writeTriplet } from ${JSON.stringify(pathToFileURL(writerModule).href)};`,
      `const [outDir, hostile] = process.argv.slice(2);`,
      `const files = [['report.json', '{}'], ['report.md', 'x'], [hostile, 'escaped']].map(([name, text]) => ({ name, bytes: Buffer.from(text) }));`,
      `const result = writeTriplet({ typed: outDir, path: outDir, previousCheckpoint: undefined }, { files, line: undefined });`,
      `process.stdout.write(JSON.stringify(result.ok ? { ok: true } : { ok: false, reason: result.reason }));`,
    ].join('\n'),
  );
  return recordRun<Omit<WriterView, 'run_id'>>(log, 'write-edge-hostile-names', `write edge ${path.basename(writerModule)} driven with ${HOSTILE_NAMES.length} hostile names`, ['node', driver, '<out>', ...HOSTILE_NAMES], async () => {
    if (!existsSync(writerModule)) return { value: { module: writerModule, exit_code: null, attempts: [], problem: `${writerModule} is missing: run \`npm run build\`` }, exitCode: null, artifacts: [] };
    const attempts: WriterAttempt[] = [];
    let lastExit: number | null = 0;
    for (const [index, hostile] of HOSTILE_NAMES.entries()) {
      const area = path.join(root, `attempt-${index}`);
      const outDir = path.join(area, 'a', 'b', 'out');
      mkdirSync(outDir, { recursive: true });
      const result = runCommand(process.execPath, [driver, outDir, hostile]);
      lastExit = result.status;
      const all = filesBelow(area);
      attempts.push({
        hostile_name: hostile,
        writer_said: result.stdout.trim() || `exit ${result.status}: ${result.stderr.trim().split('\n')[0] ?? ''}`,
        escaped_files: all.filter((file) => !file.startsWith('a/b/out/')),
        files_in_out: all.filter((file) => file.startsWith('a/b/out/')).map((file) => file.slice('a/b/out/'.length)),
      });
    }
    rmSync(root, { recursive: true, force: true });
    return { value: { module: writerModule, exit_code: lastExit, attempts }, exitCode: lastExit, artifacts: [] };
  });
}

/**
 * Mutation (c): a copy of the built write edge whose name check accepts anything, `../` included.
 * Returns the mutant's path; throws when the source no longer has the check it mutates (the
 * mutation test must then be updated, not silently pass).
 */
export function writerAcceptingDotDot(repoRoot: string): string {
  const frameSource = path.join(repoRoot, 'dist/src/io/report-frame.js');
  const frameText = readFileSync(frameSource, 'utf8');
  const check = 'return REPORT_FILE_NAME.test(name);';
  if (!frameText.includes(check)) throw new Error(`mutation (c): ${frameSource} no longer contains \`${check}\``);
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-acceptance-mutant-writer-'));
  const mutantFrame = path.join(directory, 'report-frame.mjs');
  writeFileSync(mutantFrame, frameText.replace(check, 'return name.length > 0;'));
  const writerSource = path.join(repoRoot, 'dist/sandbox/report/write-triplet.js');
  const writerText = readFileSync(writerSource, 'utf8');
  const frameImport = `'../../src/io/report-frame.js'`;
  if (!writerText.includes(frameImport)) throw new Error(`mutation (c): ${writerSource} no longer imports ${frameImport}`);
  const target = path.join(directory, 'write-triplet.mjs');
  writeFileSync(target, writerText.replace(frameImport, JSON.stringify(pathToFileURL(mutantFrame).href)));
  return target;
}
