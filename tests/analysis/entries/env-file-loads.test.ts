import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../../policy/index.js';
import { entries, followed, untouched } from './entry-facts.js';

// Issue #11, session 11: an env file loaded into the process (`process.loadEnvFile()`,
// `util.parseEnv` into `process.env`, dotenv) may set NODE_OPTIONS, which every Node child started
// later inherits: the start is UNANALYZED, and the witness names the load.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";

function reasons(text: string, file = 'src/entry.cjs'): string[] {
  const facts = analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file });
  return facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => JSON.stringify(finding));
}

describe('an env file loaded, then a Node child started', () => {
  const loads: Array<[string, string]> = [
    ['process.loadEnvFile()', 'process.loadEnvFile();'],
    // A file placed beside the code (`path.join(__dirname, …)`) is an `env-file` reference the guard reads instead (choice 97).
    ["process.loadEnvFile('.env.local')", "process.loadEnvFile('.env.local');"],
    ["require('dotenv').config()", "require('dotenv').config();"],
    ["require('dotenv/config')", "require('dotenv/config');"],
    ['dotenv.config() of an import', "const dotenv = require('dotenv');\ndotenv.config({ path: '.env' });"],
    ['util.parseEnv into process.env', "const util = require('node:util');\nObject.assign(process.env, util.parseEnv(require('node:fs').readFileSync('.env', 'utf8')));"],
  ];
  const starts: Array<[string, string]> = [
    ['fork', `cp.fork(${JOB});`],
    ['spawn of node', `cp.spawnSync(process.execPath, [${JOB}]);`],
    ['a shell line starting node', `cp.execSync('node ' + ${JOB});`],
  ];
  for (const [load, loadText] of loads) {
    for (const [start, startText] of starts) {
      it(`${load}, then ${start}: UNANALYZED, the entry still followed`, () => {
        const found = entries(`${CJS}${loadText}\n${startText}`);
        expect(found.unanalyzed).toBe(true);
        expect(found.edges.filter((edge) => !edge?.startsWith('dotenv'))).toEqual(['./job.cjs']);
      });
    }
  }
  it("import 'dotenv/config' in an ES module, then fork", () => {
    const text = "import 'dotenv/config';\nimport { fork } from 'node:child_process';\nfork(new URL('./job.mjs', import.meta.url));";
    expect(entries(text, 'src/entry.mjs')).toEqual({ edges: ['./job.mjs'], unanalyzed: true });
  });
  it('cluster.fork() after loading one', () => {
    expect(entries("const cluster = require('node:cluster');\nprocess.loadEnvFile();\ncluster.fork();").unanalyzed).toBe(true);
  });
  it('the witness names the load', () => {
    const found = reasons(`${CJS}process.loadEnvFile();\ncp.fork(${JOB});`);
    expect(found.some((reason) => reason.includes('loadEnvFile') && reason.includes('NODE_OPTIONS'))).toBe(true);
  });
});

describe('negative controls', () => {
  it('an env file with no Node child: a program other than node, a Worker', () => {
    expect(entries(`${CJS}process.loadEnvFile();\ncp.execSync('git status');`)).toEqual(untouched);
    const worker = entries(`${CJS}require('dotenv').config();\nconst { Worker } = require('node:worker_threads');\nnew Worker(${JOB});`);
    expect(worker).toEqual({ edges: ['dotenv', './job.cjs'], unanalyzed: false });
  });
  it('a Node child with no env file loaded', () => {
    expect(entries(`${CJS}cp.fork(${JOB});`)).toEqual(followed('./job.cjs'));
  });
  it('a child given an environment of its own (process.env not passed on)', () => {
    expect(entries(`${CJS}process.loadEnvFile();\ncp.fork(${JOB}, [], { env: { PATH: process.env.PATH } });`)).toEqual(followed('./job.cjs'));
  });
  it('a local loadEnvFile method of an object of this file is no env file', () => {
    expect(entries(`${CJS}const config = { loadEnvFile() { return {}; } };\nconfig.loadEnvFile();\ncp.fork(${JOB});`)).toEqual(followed('./job.cjs'));
  });
});

describe('Node itself: NODE_OPTIONS from process.loadEnvFile() reaches a child forked later', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-env-file-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it('the preload runs in the child', () => {
    const marker = path.join(root, 'preloaded');
    writeFileSync(path.join(root, 'pre.cjs'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');`);
    writeFileSync(path.join(root, 'job.cjs'), '');
    writeFileSync(path.join(root, 'child.env'), `NODE_OPTIONS=--require ${path.join(root, 'pre.cjs')}\n`);
    writeFileSync(path.join(root, 'entry.cjs'), `${CJS}process.loadEnvFile(path.join(__dirname, 'child.env'));\ncp.spawnSync(process.execPath, [${JOB}], { stdio: 'inherit' });`);
    // A variable already set wins over the file's (as with dotenv): the parent runs without one.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS'));
    const result = spawnSync(process.execPath, [path.join(root, 'entry.cjs')], { encoding: 'utf8', timeout: 30_000, env });
    expect(result.status).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });
});
