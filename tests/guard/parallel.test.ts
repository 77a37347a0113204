import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../guard/progress.js';
import { repoRoot } from './helpers.js';

/** 320 modules (enough for the worker pool to start) in chains of ten that end in `node:net`. */
function chainProject(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-guard-parallel-'));
  mkdirSync(path.join(directory, 'src'));
  const count = 320;
  for (let index = 0; index < count; index += 1) {
    const last = index % 10 === 9;
    const next = last ? "import { connect } from 'node:net';\n" : `import { value${index + 1} } from './m${index + 1}.js';\n`;
    // `[connect]` holds the function itself (a `typeof` test alone would be a clean feature test).
    const use = last ? '[connect].length' : `value${index + 1} + 1`;
    const extra = index % 97 === 0 ? 'export const secret = process.env.TOKEN;\n' : '';
    writeFileSync(path.join(directory, 'src', `m${index}.ts`), `${next}export const value${index} = ${use};\n${extra}`);
  }
  return directory;
}

function runJson(directory: string, jobs: number): { status: number | null; findings: unknown[] } {
  const cli = path.join(repoRoot, 'dist/guard/cli.js');
  const result = spawnSync(process.execPath, [cli, '.', '--format', 'json', '--no-cache', '--no-depcruise', '--jobs', String(jobs)], { cwd: directory, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, findings: (JSON.parse(result.stdout) as { findings: unknown[] }).findings };
}

describe('--jobs (worker threads, from the built CLI)', () => {
  it('reports exactly what one thread reports', () => {
    const directory = chainProject();
    const single = runJson(directory, 1);
    const parallel = runJson(directory, 2);
    expect(single.status).toBe(1);
    // Every module reaches NETWORK (32 directly, 288 through their chain); m0, m97, m194 and
    // m291 read the environment, which reaches the 0 + 7 + 4 + 1 modules before them in their chain.
    expect(single.findings).toHaveLength(320 + 4 + 12);
    expect(parallel).toEqual(single);
  });
});

describe('progress on stderr', () => {
  it('draws only on a terminal, at most every 100 modules, and clears its line', () => {
    const written: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const progress = createProgress(terminal);
    for (let done = 0; done <= 250; done += 1) progress?.update(done, 250);
    progress?.clear();
    expect(written).toEqual(['\r\u001b[Ktki-guard: 0/250 modules', '\r\u001b[Ktki-guard: 100/250 modules', '\r\u001b[Ktki-guard: 200/250 modules', '\r\u001b[Ktki-guard: 250/250 modules', '\r\u001b[K']);
    expect(createProgress({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream)).toBeUndefined();
  });
});
