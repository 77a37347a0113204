import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuard, type GuardRequest, type GuardRun } from '../../guard/index.js';
import { createWatchSession } from '../../guard/watch/session.js';
import { findingKeys, repoRoot } from './helpers.js';

/**
 * Typed `--watch` keeps the program and re-analyzes the saved files and their importers only
 * (type-only importers included: their typed facts come from the saved file's declarations). After
 * every step the report must equal a plain typed run over the same tree.
 */
const directory = mkdtempSync(path.join(tmpdir(), 'tki-watch-typed-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const file = (name: string): string => path.join(directory, name);
function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(file(name)), { recursive: true });
    writeFileSync(file(name), text);
  }
}

const CAPABILITY_TYPE = "export type Runner = typeof import('node:child_process').execFile;\n";
const DATA_TYPE = 'export type Runner = (command: string) => void;\n';

describe('typed --watch', () => {
  it('patches the saved file and its (type-only) importers with the kept program; globals ask for the full run', async () => {
    write({
      'package.json': '{ "name": "typed-watch", "type": "module" }\n',
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true, types: ['node'] }, include: ['src'] }),
      'src/types.ts': CAPABILITY_TYPE,
      'src/use.ts': "import type { Runner } from './types.js';\n\nexport function go(run: Runner): void {\n  run('ls');\n}\n",
      'src/other.ts': 'export const other = 1;\n',
    });
    // The declarations of node:child_process, as the user's project has them installed.
    mkdirSync(file('node_modules/@types'), { recursive: true });
    symlinkSync(path.join(repoRoot, 'node_modules/@types/node'), file('node_modules/@types/node'));
    const request: GuardRequest = { input: { kind: 'project', tsconfig: 'tsconfig.json' }, cwd: directory, depcruise: false };
    const plain = async (): Promise<string[]> => {
      const run = await runGuard({ ...request, cache: false });
      if (!run.ok) throw new Error(JSON.stringify(run.error));
      return findingKeys(run.value);
    };
    const session = createWatchSession(request, null);
    const step = async (saved: string[], mode: string): Promise<GuardRun> => {
      const outcome = await session.run(saved.map(file));
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      expect({ saved, mode: session.lastMode() }).toEqual({ saved, mode });
      expect(findingKeys(outcome.value)).toEqual(await plain());
      return outcome.value;
    };

    const first = await step([], 'full');
    expect(findingKeys(first)).toContain('src/use.ts:4 no-forbidden-capability EXEC');

    // The type changes; use.ts (a type-only importer, no edge in the module graph) is analyzed again.
    write({ 'src/types.ts': DATA_TYPE });
    const data = await step(['src/types.ts'], 'patched');
    expect(findingKeys(data)).not.toContain('src/use.ts:4 no-forbidden-capability EXEC');
    expect(data.result.stats.parsed).toBe(2);

    write({ 'src/types.ts': CAPABILITY_TYPE });
    expect(findingKeys(await step(['src/types.ts'], 'patched'))).toContain('src/use.ts:4 no-forbidden-capability EXEC');

    // A file nobody imports: only itself.
    write({ 'src/other.ts': "export const other = 2;\nexport const env = process.env['HOME'];\n" });
    expect((await step(['src/other.ts'], 'patched')).result.stats.parsed).toBe(1);

    // A global declaration can change what any name means: the full run.
    write({ 'src/other.ts': 'export const other = 3;\ndeclare global {\n  var runner: Runner;\n}\nimport type { Runner } from "./types.js";\n' });
    await step(['src/other.ts'], 'full');
  }, 300_000);
});
