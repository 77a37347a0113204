import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuard } from '../../guard/index.js';
import { importClosure } from '../../scripts/pack/closure.js';

/**
 * The tki-guard bin runs a bundle of the guard (scripts/pack/bundle-guard.ts, issue #11): tsc's
 * dist/guard/cli-main.js replaced by a bundle of itself, split at its dynamic imports, its chunks
 * beside it. These check the built bundle: what it loads, how it takes TypeScript, and that it
 * answers as the modules it was made from (runGuard, unbundled).
 */
const root = path.resolve(import.meta.dirname, '../..');
const guardDist = path.join(root, 'dist/guard');
const chunks = (): string[] => readdirSync(guardDist).filter((name) => name.startsWith('cli-main-chunk-'));
const work = mkdtempSync(path.join(tmpdir(), 'tki-bundle-20w-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the tki-guard bundle', () => {
  it('replaces cli-main.js, whose closure is its chunks, the analysis thread and npm packages only', () => {
    const closure = importClosure(root, ['dist/guard/cli-main.js'], false);
    expect(closure.missing).toEqual([]);
    // Outside the bundle: only the analysis thread's file (guard/own-files.ts) and what it imports.
    const thread = new Set(importClosure(root, ['dist/guard/parallel/worker.js'], false).files);
    expect(closure.files.filter((file) => !file.startsWith('dist/guard/cli-main') && !thread.has(file))).toEqual([]);
    expect(thread.has('dist/guard/parallel/worker.js')).toBe(true);
    expect(closure.files).not.toContain('dist/guard/run.js');
    expect(closure.files).not.toContain('dist/guard/report/judge.js');
    expect(chunks().length).toBeGreaterThan(1);
  });

  it('takes the TypeScript instance itself: no chunk wraps policy/typescript.cjs in a namespace of getters', () => {
    for (const name of chunks()) {
      const text = readFileSync(path.join(guardDist, name), 'utf8');
      expect({ name, wrapped: /__toESM\(require_typescript\(\)/.test(text) }).toEqual({ name, wrapped: false });
    }
  });

  it('names the folders its cache keys hash from where the modules it was made from are', () => {
    const text = [readFileSync(path.join(guardDist, 'cli-main.js'), 'utf8'), ...chunks().map((name) => readFileSync(path.join(guardDist, name), 'utf8'))].join('\n');
    // Each folder is named from the bundle's own URL (dist/guard/), the place of guard/own-files.ts.
    expect(text).toMatch(/join\d*\(GUARD_DIRECTORY, "resolve"\)/);
    expect(text).toMatch(/join\d*\(GUARD_DIRECTORY, "search"\)/);
    expect(text).toContain('new URL("./parallel/worker.js", import.meta.url)');
    expect(readdirSync(path.join(guardDist, 'resolve'))).toContain('saved.js');
    expect(readdirSync(path.join(guardDist, 'search'))).toContain('cross-module-memo.js');
  });

  it('reports what runGuard finds through the unbundled modules, cold and warm', async () => {
    const project = path.join(work, 'project');
    mkdirSync(path.join(project, 'node_modules'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{"name":"bundle-20w","type":"module"}');
    writeFileSync(path.join(project, 'net.js'), "import { request } from 'node:http';\nexport const get = (url) => request(url);\n");
    writeFileSync(path.join(project, 'main.js'), "import { get } from './net.js';\nexport const go = () => get('http://example.test');\n");
    const cli = (): string => {
      const child = spawnSync(process.execPath, [path.join(guardDist, 'cli.js'), '--format', 'json', '.'], { cwd: project, encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(1);
      return child.stdout;
    };
    const cold = cli();
    writeFileSync(path.join(project, 'main.js'), `${readFileSync(path.join(project, 'main.js'), 'utf8')}export const more = 1;\n`);
    const warm = cli();
    const unbundled = await runGuard({ input: { kind: 'paths', paths: ['.'] }, cwd: project, cache: false });
    expect(unbundled.ok).toBe(true);
    const findings = (report: string): unknown => (JSON.parse(report) as { findings: unknown[] }).findings.length;
    expect(findings(cold)).toBeGreaterThan(0);
    expect(findings(warm)).toBe(findings(cold));
    expect(findings(cold)).toBe(unbundled.ok ? unbundled.value.result.findings.length : -1);
  });
});
