import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../../policy/index.js';

const analyze = (text: string, relativePath: string) => analyzeSourceFile(parseSourceText(relativePath, text), { policy: RECOMMENDED_POLICY, relativePath });

/** The `require` edges a file's program entries became, and whether anything was UNANALYZED. */
function entries(text: string, relativePath = 'src/entry.cjs'): { edges: Array<string | null>; unanalyzed: boolean } {
  const facts = analyze(text, relativePath);
  return {
    edges: facts.references.filter((reference) => reference.kind === 'require' && !(reference.specifier ?? '').startsWith('node:')).map((reference) => reference.specifier),
    unanalyzed: facts.findings.some((finding) => finding.capability === 'UNANALYZED'),
  };
}

const WORKER_CJS = "const { Worker } = require('node:worker_threads');\nconst path = require('node:path');\n";
const WORKER_ESM = "import { Worker } from 'node:worker_threads';\nimport path from 'node:path';\nimport { fileURLToPath, pathToFileURL } from 'node:url';\n";

describe('Worker entries: one evaluator of a path relative to the module', () => {
  const cases: Array<[string, string, string]> = [
    ['path.join(__dirname, …)', `${WORKER_CJS}new Worker(path.join(__dirname, 'jobs', 'x.cjs'));`, './jobs/x.cjs'],
    ['path.resolve(__dirname, …)', `${WORKER_CJS}new Worker(path.resolve(__dirname, 'jobs/x.cjs'));`, './jobs/x.cjs'],
    ['a template with __dirname', `${WORKER_CJS}new Worker(\`\${__dirname}/jobs/x.cjs\`);`, './jobs/x.cjs'],
    ['__dirname + …', `${WORKER_CJS}new Worker(__dirname + '/jobs/x.cjs');`, './jobs/x.cjs'],
    ['require.resolve', `${WORKER_CJS}new Worker(require.resolve('./jobs/x.cjs'));`, './jobs/x.cjs'],
    ['a path one folder up', `${WORKER_CJS}new Worker(path.join(__dirname, '..', 'shared', 'x.cjs'));`, '../shared/x.cjs'],
    ['path.join(__filename, "..", …)', `${WORKER_CJS}new Worker(path.join(__filename, '..', 'x.cjs'));`, './x.cjs'],
    ['a const holding the path', `${WORKER_CJS}const job = path.join(__dirname, 'x.cjs');\nfunction start() { return new Worker(job); }`, './x.cjs'],
    ['a bare require.resolve names a package', `${WORKER_CJS}new Worker(require.resolve('pkg/worker'));`, 'pkg/worker'],
  ];
  for (const [name, text, edge] of cases) {
    it(`follows ${name}`, () => expect(entries(text)).toEqual({ edges: [edge], unanalyzed: false }));
  }

  const esm: Array<[string, string, string]> = [
    ['new URL with ./', `${WORKER_ESM}new Worker(new URL('./jobs/x.cjs', import.meta.url));`, './jobs/x.cjs'],
    ['new URL without ./ (URL semantics: a sibling folder)', `${WORKER_ESM}new Worker(new URL('jobs/x.cjs', import.meta.url));`, './jobs/x.cjs'],
    ['new URL one folder up', `${WORKER_ESM}new Worker(new URL('../lib/x.mjs', import.meta.url));`, '../lib/x.mjs'],
    ['fileURLToPath(new URL(…))', `${WORKER_ESM}new Worker(fileURLToPath(new URL('./jobs/x.cjs', import.meta.url)));`, './jobs/x.cjs'],
    ['a percent-encoded URL, decoded as Node does', `${WORKER_ESM}new Worker(new URL('./%74ask.mjs', import.meta.url));`, './task.mjs'],
    ['path.join(import.meta.dirname, …)', `${WORKER_ESM}new Worker(path.join(import.meta.dirname, 'jobs/x.cjs'));`, './jobs/x.cjs'],
    ['import.meta.filename', `${WORKER_ESM}new Worker(path.join(import.meta.filename, '../x.cjs'));`, './x.cjs'],
    ['pathToFileURL(…).href', `${WORKER_ESM}new Worker(pathToFileURL(path.join(import.meta.dirname, 'x.cjs')).href);`, './x.cjs'],
  ];
  for (const [name, text, edge] of esm) {
    it(`follows ${name}`, () => expect(entries(text, 'src/entry.mjs')).toEqual({ edges: [edge], unanalyzed: false }));
  }

  it('fails closed on an entry it cannot place: a variable, a working-directory path', () => {
    expect(entries(`${WORKER_CJS}export function start(file) { return new Worker(file); }`)).toEqual({ edges: [], unanalyzed: true });
    expect(entries(`${WORKER_CJS}new Worker('./jobs/x.cjs');`)).toEqual({ edges: [], unanalyzed: true });
    expect(entries(`${WORKER_CJS}new Worker(path.resolve('jobs/x.cjs'));`)).toEqual({ edges: [], unanalyzed: true });
  });

  it('does not follow a shadowed __dirname or a parameter that hides the const', () => {
    expect(entries(`${WORKER_CJS}const __dirname = '/tmp';\nnew Worker(path.join(__dirname, 'x.cjs'));`).unanalyzed).toBe(true);
    expect(entries(`${WORKER_CJS}const job = path.join(__dirname, 'x.cjs');\nfunction start(job) { return new Worker(job); }`).unanalyzed).toBe(true);
  });

  it('leaves code workers to their own rule (eval, data: URLs)', () => {
    expect(entries(`${WORKER_CJS}new Worker('postMessage(1)', { eval: true });`).unanalyzed).toBe(false);
  });
});

describe('Node child entries', () => {
  const CP = "const path = require('node:path');\nconst cp = require('node:child_process');\nconst { fork, spawn, execFileSync } = require('node:child_process');\n";
  const cases: Array<[string, string, string[]]> = [
    ['fork(path.join(__dirname, …))', `${CP}fork(path.join(__dirname, 'child.cjs'));`, ['./child.cjs']],
    ['fork(require.resolve(…))', `${CP}fork(require.resolve('./child.cjs'), ['--flag']);`, ['./child.cjs']],
    ['spawn(process.execPath, [file])', `${CP}spawn(process.execPath, [path.join(__dirname, 'child.cjs')], { stdio: 'inherit' });`, ['./child.cjs']],
    ['node options before the file are skipped', `${CP}spawn('node', ['--no-warnings', '--max-old-space-size=64', '--conditions', 'node', path.join(__dirname, 'child.cjs'), '--port', '1']);`, ['./child.cjs']],
    ['a preload is an entry too', `${CP}execFileSync(process.execPath, ['-r', require.resolve('./hook.cjs'), path.join(__dirname, 'child.cjs')]);`, ['./hook.cjs', './child.cjs']],
  ];
  for (const [name, text, edges] of cases) {
    it(`follows ${name}`, () => expect(entries(text)).toEqual({ edges, unanalyzed: false }));
  }

  // Session 6's known gap, fixed in session 7 (member-forms.test.ts has every spelling).
  it('follows cp.fork', () => expect(entries(`${CP}cp.fork(__dirname + '/child.cjs');`)).toEqual({ edges: ['./child.cjs'], unanalyzed: false }));

  it('follows execFileSync("node", [fileURLToPath(new URL(…))]) from an ES module', () => {
    const text = "import { execFileSync } from 'node:child_process';\nimport { fileURLToPath } from 'node:url';\nexecFileSync('node', [fileURLToPath(new URL('./child.cjs', import.meta.url))]);";
    expect(entries(text, 'src/entry.mjs')).toEqual({ edges: ['./child.cjs'], unanalyzed: false });
  });

  it('fails closed when the Node child entry is not known', () => {
    expect(entries(`${CP}export const run = (file) => fork(file);`)).toEqual({ edges: [], unanalyzed: true });
    expect(entries(`${CP}export const run = (args) => spawn(process.execPath, args);`)).toEqual({ edges: [], unanalyzed: true });
    expect(entries(`${CP}spawn(process.execPath, ['--no-warnings']);`)).toEqual({ edges: [], unanalyzed: true });
  });

  it('fails closed on code a Node child reads from standard input (`-`, the REPL), as on `-e` code', () => {
    const input = `{ input: "require('node:net').connect(80, 'example.com')" }`;
    expect(entries(`${CP}cp.spawnSync(process.execPath, ['-'], ${input});`)).toEqual({ edges: [], unanalyzed: true });
    expect(entries(`${CP}cp.spawnSync('node', ['--no-warnings', '-'], ${input});`)).toEqual({ edges: [], unanalyzed: true });
    expect(entries(`${CP}cp.spawnSync(process.execPath, ['-i'], ${input});`)).toEqual({ edges: [], unanalyzed: true });
    expect(entries(`${CP}cp.spawnSync(process.execPath, ['--interactive'], ${input});`)).toEqual({ edges: [], unanalyzed: true });
    expect(entries(`${CP}cp.execSync("echo 'require(1)' | node -");`)).toEqual({ edges: [], unanalyzed: true });
    // Printing Node's own version or help runs nothing of the caller's; checking stdin's syntax neither.
    expect(entries(`${CP}cp.spawnSync(process.execPath, ['--version']);`)).toEqual({ edges: [], unanalyzed: false });
    expect(entries(`${CP}cp.spawnSync(process.execPath, ['--check', '-'], ${input});`)).toEqual({ edges: [], unanalyzed: false });
  });

  it('leaves other programs and inline code alone', () => {
    expect(entries(`${CP}spawn('git', [path.join(__dirname, 'x.cjs')]);`)).toEqual({ edges: [], unanalyzed: false });
    expect(entries(`${CP}execFileSync(process.execPath, ['-e', 'console.log(1)']);`)).toEqual({ edges: [], unanalyzed: false });
  });
});
