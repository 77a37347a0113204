import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../guard/index.js';
import { isWatched, watchGuard, type WatchReport } from '../../guard/watch/loop.js';
import { repoRoot } from './helpers.js';

describe('tki-guard --watch', () => {
  it('watches sources and configuration, not caches or dependencies', () => {
    expect(['src/a.ts', 'lib/b.mjs', 'tki.policy.json', 'tsconfig.build.json', 'pkg/package.json', 'tki-baseline.json'].every(isWatched)).toBe(true);
    expect(['node_modules/x/index.js', '.tki-cache/guard-facts.json', '.git/index', 'README.md', 'src/a.ts.swp'].some(isWatched)).toBe(false);
  });

  it('re-reports after a save, on the warm cache, and only what changed is re-parsed', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'tki-watch-'));
    cpSync(path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel'), directory, { recursive: true });
    const parsed = parseCliArgs(['.', '--watch', '--no-depcruise']);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const reports: WatchReport[] = [];
    let wake: () => void = () => undefined;
    const next = (): Promise<void> => new Promise((resolve) => (wake = resolve));
    let waiting = next();
    const handle = watchGuard(parsed.value, directory, directory, (report) => {
      reports.push(report);
      wake();
    });
    try {
      await waiting;
      expect(reports[0]).toMatchObject({ changed: [], outcome: { ok: true, value: { exitCode: 1 } } });
      waiting = next();
      writeFileSync(path.join(directory, 'lib/sockets.ts'), 'export const openSocket = (port: number): number => port;\n');
      await waiting;
      const second = reports[1];
      expect(second?.changed).toEqual(['lib/sockets.ts']);
      expect(second?.outcome).toMatchObject({ ok: true, value: { exitCode: 0 } });
      if (second?.outcome.ok !== true) throw new Error('second report failed');
      expect(second.outcome.value.verdict.result.stats).toMatchObject({ files: 4, parsed: 1, cached: 3 });
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('refuses --output and baseline rewriting', () => {
    expect(parseCliArgs(['--watch', '--output', 'x.txt'])).toMatchObject({ ok: false, error: { code: 'usage/conflict' } });
    expect(parseCliArgs(['--watch', '--update-baseline'])).toMatchObject({ ok: false, error: { code: 'usage/conflict' } });
  });
});
