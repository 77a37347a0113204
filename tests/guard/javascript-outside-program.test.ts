import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../guard/load/inputs.js';
import { findingKeys, guardDirectory } from './helpers.js';

/**
 * A mixed TypeScript/JavaScript project without `allowJs`: ESLint lints its `.js`, so tki-guard
 * analyzes them too (syntactically, one by one: they are not in the type checker's program),
 * in typed mode and with --fast. `npx eslint .` also lints what the tsconfig excludes or does not
 * include, so the guard does too (guard/load/inputs.ts sourcesOutsideProgram; red team 7).
 */
function mixedProject(compilerOptions: Record<string, unknown>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-mixed-'));
  const files: Record<string, string> = {
    'package.json': '{ "name": "mixed", "type": "module" }\n',
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true, ...compilerOptions }, include: ['src', 'scripts'], exclude: ['src/vendor'] }),
    'src/app.ts': "import { env } from 'node:process';\nexport const home = env['HOME'];\n",
    'src/more/b.js': "const { exec } = require('child_process');\nexec('ls');\n",
    'scripts/release.mjs': "import { spawn } from 'node:child_process';\nspawn('git', ['tag']);\n",
    'scripts/tool.cjs': "module.exports = require('node:net').connect;\n",
    'src/vendor/skip.js': "require('node:child_process').exec('rm');\n",
    'other/outside.js': "require('node:child_process').exec('rm');\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('JavaScript outside the tsconfig program', () => {
  it('is an input when allowJs is off: .js, .mjs, .cjs under include, and (as ESLint lints them) under exclude or outside include', () => {
    const root = mixedProject({});
    const inputs = loadInputs({ kind: 'project', tsconfig: 'tsconfig.json' }, root);
    if (!inputs.ok) throw new Error(inputs.error.code);
    expect(inputs.value.files.map((file) => path.relative(root, file))).toEqual(['other/outside.js', 'scripts/release.mjs', 'scripts/tool.cjs', 'src/app.ts', 'src/more/b.js', 'src/vendor/skip.js']);
  });

  it.each([
    ['typed', true],
    ['--fast', false],
  ] as const)('is analyzed (%s): the same findings ESLint reports for these files', async (_mode, typed) => {
    const root = mixedProject({});
    const run = await guardDirectory(root, { input: { kind: 'project', tsconfig: 'tsconfig.json' }, typed });
    expect(findingKeys(run)).toEqual([
      'other/outside.js:1 no-forbidden-capability EXEC',
      'scripts/release.mjs:1 no-forbidden-capability EXEC',
      'scripts/tool.cjs:1 no-forbidden-capability NETWORK',
      'src/app.ts:1 no-forbidden-capability ENV',
      'src/more/b.js:1 no-forbidden-capability EXEC',
      'src/vendor/skip.js:1 no-forbidden-capability EXEC',
    ]);
  });

  it('with allowJs the JavaScript is in the program already (typed), and listed once', async () => {
    const root = mixedProject({ allowJs: true });
    const inputs = loadInputs({ kind: 'project', tsconfig: 'tsconfig.json' }, root);
    if (!inputs.ok) throw new Error(inputs.error.code);
    expect(inputs.value.files.map((file) => path.relative(root, file))).toEqual(['other/outside.js', 'scripts/release.mjs', 'scripts/tool.cjs', 'src/app.ts', 'src/more/b.js', 'src/vendor/skip.js']);
  });
});
