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

  it('a burst of saves gets one report, from a run that read every file as last written, shown after the quiet', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'tki-watch-burst-'));
    cpSync(path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel'), directory, { recursive: true });
    const parsed = parseCliArgs(['.', '--watch', '--no-depcruise']);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const reports: Array<WatchReport & { at: number }> = [];
    let wake: () => void = () => undefined;
    const next = (): Promise<void> => new Promise((resolve) => (wake = resolve));
    let waiting = next();
    // A long quiet: the runs the first saves start (they begin at once) end well inside it.
    const settleMs = 1_500;
    const handle = watchGuard(parsed.value, directory, directory, (report) => {
      reports.push({ ...report, at: performance.now() });
      wake();
    }, settleMs);
    try {
      await waiting;
      waiting = next();
      // Half a save (a file that does not parse), then the rest of the burst: neither the tool error
      // nor the in-between verdict is ever shown.
      writeFileSync(path.join(directory, 'lib/sockets.ts'), 'export const = ;\n');
      await new Promise((resolve) => setTimeout(resolve, 400));
      writeFileSync(path.join(directory, 'entry.ts'), "import { openSocket } from './lib/index.js';\n\nexport const connect = (): unknown => openSocket(8081);\n");
      writeFileSync(path.join(directory, 'lib/sockets.ts'), 'export const openSocket = (port: number): number => port;\n');
      const lastSave = performance.now();
      await waiting;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reports).toHaveLength(2);
      const second = reports[1];
      expect(second?.changed).toEqual(['entry.ts', 'lib/sockets.ts']);
      expect(second?.outcome).toMatchObject({ ok: true, value: { exitCode: 0 } });
      expect((second?.at ?? 0) - lastSave).toBeGreaterThanOrEqual(settleMs - 50);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('refuses --output and baseline rewriting', () => {
    expect(parseCliArgs(['--watch', '--output', 'x.txt'])).toMatchObject({ ok: false, error: { code: 'usage/conflict' } });
    expect(parseCliArgs(['--watch', '--update-baseline'])).toMatchObject({ ok: false, error: { code: 'usage/conflict' } });
  });
});
