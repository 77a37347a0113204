import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'tki-engine-';
const OWNER_FILE = 'owner.pid';
/** A directory without an owner file (an older tki) counts as stale after this long. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** Whether a process exists (EPERM: it exists but is someone else's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's: alive.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Removes `tki-engine-*` directories a killed run left behind: those whose owner process is gone.
 * A concurrent run's directory (its owner alive) is never touched.
 */
export function sweepStaleWorkDirs(root: string = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => name.startsWith(PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = join(root, name);
    try {
      const owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8').trim());
      if (Number.isSafeInteger(owner) && owner > 0 && processAlive(owner)) continue;
    } catch {
      try {
        if (Date.now() - statSync(dir).mtimeMs < ORPHAN_AGE_MS) continue;
      } catch {
        continue;
      }
    }
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/**
 * A work directory for one run, owned by this process (its pid on record), removed at the end and
 * on SIGINT/SIGTERM: the handler removes it, then exits 3 (a run cut short never succeeds).
 */
export function createWorkDir(root: string = tmpdir()): { path: string; release: () => void } {
  sweepStaleWorkDirs(root);
  const path = mkdtempSync(join(root, PREFIX));
  writeFileSync(join(path, OWNER_FILE), `${process.pid}\n`);
  const onSignal = (): void => {
    rmSync(path, { recursive: true, force: true });
    process.exit(3);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    path,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
