import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingKeys, guardDirectory } from './helpers.js';

/** Node chooses a loader by the extension of a file's real path, so the guard's inputs do too. */
describe('inputs are judged by their real path, as Node loads them', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-real-path-'));
  writeFileSync(path.join(directory, 'data.json'), '{"name": "x"}\n');
  symlinkSync('data.json', path.join(directory, 'run.js'));
  writeFileSync(path.join(directory, 'tool'), "require('node:child_process').execSync('true');\n");
  symlinkSync('tool', path.join(directory, 'tool.js'));
  writeFileSync(path.join(directory, 'entry.cjs'), "console.log(require('./run.js').name);\n");
  writeFileSync(path.join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowJs: true, module: 'nodenext', noEmit: true }, include: ['*'] }));

  it('a .js link to JSON is data, not a program that fails to parse (walk and tsconfig alike)', async () => {
    for (const input of [{ kind: 'paths', paths: ['.'] }, { kind: 'project', tsconfig: 'tsconfig.json' }] as const) {
      const run = await guardDirectory(directory, { input });
      expect(findingKeys(run).filter((key) => key.startsWith('run.js'))).toEqual([]);
      // Not vacuous: a .js link to an extensionless file is code (CommonJS runs it as JavaScript),
      // judged and named by its real path, the file Node loads.
      expect(findingKeys(run).some((key) => key.startsWith('tool:1 ') && key.endsWith(' EXEC'))).toBe(true);
    }
  }, 120_000);
});
