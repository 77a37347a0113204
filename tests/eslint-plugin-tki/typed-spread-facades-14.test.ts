import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ESLint } from 'eslint';
import { typedPluginEslint } from './lint-helper.js';

/**
 * The typed plugin gives an importer the reach of what it loads (red-team round 13, issue #10): a
 * provider that spreads a capability into a storing function, a rollup key-copy facade, and a tsc
 * facade chain past the followed depth (UNANALYZED, never silence). Inside the repository, so that
 * `@types/node` resolves.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const POLICY = { grants: [{ files: ['provider-*.ts', '*.cjs'], capabilities: ['EXEC' as const], reason: 'the providers hold it on purpose' }] };
const LOAD = "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const facade: Record<string, unknown> = load(";
const TSC_STAR = 'var __exportStar = (this && this.__exportStar) || function(m, exports) {\n  for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) exports[p] = m[p];\n};\n';

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [path.join(repoRoot, 'node_modules/@types')] }, include: ['*.ts'] }),
  'package.json': '{ "type": "module" }',
  'provider-spread.ts': "import { execSync } from 'node:child_process';\nexport const kept: unknown[] = [];\nfunction keepAll(...values: unknown[]): void {\n  kept.push(...values);\n}\nconst pair = [execSync] as const;\nkeepAll(...pair);",
  'provider-rest.ts': "import { execSync } from 'node:child_process';\nexport const kept: unknown[] = [];\nfunction keepAll<T extends unknown[]>(...values: T): T {\n  kept.push(...values);\n  return values;\n}\nkeepAll(execSync);",
  'app-spread.ts': "import { kept } from './provider-spread.js';\nexport const first = kept[0];",
  'app-rest.ts': "import { kept } from './provider-rest.js';\nexport const first = kept[0];",
  'rollup.cjs': "'use strict';\nvar m = require('node:child_process');\nObject.keys(m).forEach(function (k) {\n  if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) Object.defineProperty(exports, k, { enumerable: true, get: function () { return m[k]; } });\n});\n",
  'app-rollup.ts': `${LOAD}'./rollup.cjs');`,
  'app-chain.ts': `${LOAD}'./chain-0.cjs');`,
};
for (let index = 0; index < 6; index += 1) FILES[`chain-${index}.cjs`] = `"use strict";\n${TSC_STAR}__exportStar(require("${index === 5 ? 'node:child_process' : `./chain-${index + 1}.cjs`}"), exports);`;

let work: string;
const results = new Map<string, ESLint.LintResult>();

beforeAll(async () => {
  mkdirSync(path.join(repoRoot, '.tki-cache'), { recursive: true });
  work = mkdtempSync(path.join(repoRoot, '.tki-cache', 'typed-spread-facades-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(work, name), text);
  const linted = Object.keys(FILES).filter((name) => name.endsWith('.ts'));
  for (const result of await typedPluginEslint(POLICY, work).lintFiles(linted.map((name) => path.join(work, name)))) results.set(path.basename(result.filePath), result);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const said = (file: string): string => (results.get(file)?.messages ?? []).map((message) => message.message).join('\n');

describe('typed plugin: importers of spread stores and compiled facades', () => {
  it.each(['provider-spread.ts', 'provider-rest.ts'])('%s: the hand-off is UNANALYZED though the file is granted EXEC', (file) => {
    expect(said(file)).toMatch(/cannot be analyzed statically \(it reaches EXEC/);
  });

  it.each(['app-spread.ts', 'app-rest.ts', 'app-rollup.ts'])('%s reaches EXEC at its import or load', (file) => {
    expect(said(file)).toMatch(/reaches EXEC/);
  });

  it('app-chain.ts: a facade chain past the followed depth is UNANALYZED at the load', () => {
    expect(said('app-chain.ts')).toMatch(/`\.\/chain-0\.cjs` cannot be analyzed statically[^\n]*deeper than 4 facades/);
  });
});
