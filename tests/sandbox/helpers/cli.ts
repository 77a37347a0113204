import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const TKI_BIN = join(PROJECT_ROOT, 'dist', 'cli', 'tki.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built `tki` as an operator would. The tests need dist/ and the addon: a missing
 * build fails the test loudly instead of skipping it.
 */
export function runTki(args: readonly string[], env: Readonly<Record<string, string>> = {}): CliRun {
  if (!existsSync(TKI_BIN)) throw new Error(`${TKI_BIN} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [TKI_BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratchDirs: string[] = [];

/** World-traversable (0755): a root operator's sandbox runs as nobody and must reach the packet in it. */
export function scratchDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tki-${label}-`));
  chmodSync(dir, 0o755);
  scratchDirs.push(dir);
  return dir;
}

/** For `afterAll`: the scratch directories this test file made. */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
