import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { entries } from './entry-facts.js';

// The path evaluator against Node itself: each module prints the value of an entry expression
// when Node runs it, and the edge the analyzer found must name that very file.
const root = mkdtempSync(path.join(tmpdir(), 'tki-entries-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const file of ['src/x.cjs', 'src/jobs/x.cjs', 'src/lib/x.cjs', 'x.cjs', 'src/a b.cjs', 'src/a%20b.cjs']) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), '');
}

const CJS = "const path = require('node:path');\nconst url = require('node:url');\n";
const ESM = "import path from 'node:path';\nimport { fileURLToPath, pathToFileURL } from 'node:url';\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
const cases: Array<[string, 'src/entry.cjs' | 'src/entry.mjs']> = [
  ["path.join(__dirname, '..', 'x.cjs')", 'src/entry.cjs'],
  ["path.join(path.dirname(__filename), 'jobs', 'x.cjs')", 'src/entry.cjs'],
  ["path.resolve(__dirname, 'lib/../jobs/x.cjs')", 'src/entry.cjs'],
  ["`${__dirname}/jobs/x.cjs`", 'src/entry.cjs'],
  ["require.resolve('./x.cjs', { paths: [path.join(__dirname, 'lib')] })", 'src/entry.cjs'],
  ["require.resolve('./jobs/x.cjs')", 'src/entry.cjs'],
  ["url.fileURLToPath(url.pathToFileURL(path.join(__dirname, 'x.cjs')))", 'src/entry.cjs'],
  ["new URL('../x.cjs', import.meta.url).pathname", 'src/entry.mjs'],
  ["new URL('./a b.cjs', import.meta.url).pathname", 'src/entry.mjs'],
  ["fileURLToPath(new URL('./a%20b.cjs', import.meta.url))", 'src/entry.mjs'],
  ["new URL('jobs/x.cjs', import.meta.url).href", 'src/entry.mjs'],
  ["path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'x.cjs')", 'src/entry.mjs'],
  ["path.resolve(import.meta.dirname, '..', 'x.cjs')", 'src/entry.mjs'],
  ["new URL(import.meta.resolve('./jobs/x.cjs'))", 'src/entry.mjs'],
];

/** The file Node names by a printed value: a path as written, a file: URL decoded. */
const printedFile = (printed: string): string => (printed.startsWith('file:') ? fileURLToPath(printed) : printed);

describe('the path evaluator agrees with Node', () => {
  for (const [expression, module] of cases) {
    it(`${expression} (${module})`, () => {
      const prelude = module.endsWith('.mjs') ? ESM : CJS;
      const modulePath = path.join(root, module);
      writeFileSync(modulePath, `${prelude}console.log(String(${expression}));\n`);
      const printed = execFileSync(process.execPath, [modulePath], { encoding: 'utf8' }).trim();
      const starter = module.endsWith('.mjs') ? "import { Worker } from 'node:worker_threads';\n" : "const { Worker } = require('node:worker_threads');\n";
      const found = entries(`${starter}${prelude}new Worker(${expression});`, module);
      expect(found.unanalyzed).toBe(false);
      expect(found.edges).toHaveLength(1);
      expect(path.join(path.dirname(modulePath), String(found.edges[0]))).toBe(printedFile(printed));
    });
  }
});
