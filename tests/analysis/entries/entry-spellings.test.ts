import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entry-facts.js';

const CJS = "const path = require('node:path');\nconst { fork, spawn, exec, execSync } = require('node:child_process');\nconst { Worker } = require('node:worker_threads');\n";
const ESM = "import path from 'node:path';\nimport { fork, spawn, exec } from 'node:child_process';\nimport { Worker } from 'node:worker_threads';\nimport { fileURLToPath } from 'node:url';\n";

describe('spellings of a path relative to the module', () => {
  const cjs: Array<[string, string, string]> = [
    ["path.join(__dirname, '..', 'x.cjs')", "fork(path.join(__dirname, '..', 'x.cjs'));", '../x.cjs'],
    ['path.join(path.dirname(__filename), …)', "fork(path.join(path.dirname(__filename), 'x.cjs'));", './x.cjs'],
    ['path.dirname(__filename) + …', "fork(path.dirname(__filename) + '/jobs/x.cjs');", './jobs/x.cjs'],
    ['a template with a const folder', "const jobs = path.join(__dirname, 'jobs');\nfork(`${jobs}/x.cjs`);", './jobs/x.cjs'],
    ['a const chain', "const root = __dirname;\nconst file = root + '/x.cjs';\nnew Worker(file);", './x.cjs'],
    ["require.resolve('./x', { paths: [__dirname] })", "fork(require.resolve('./x.cjs', { paths: [__dirname] }));", './x.cjs'],
    ["require.resolve('./x', { paths: [a folder] })", "fork(require.resolve('./x.cjs', { paths: [path.join(__dirname, 'lib')] }));", './lib/x.cjs'],
    ['the module itself (__filename)', "fork(__filename, ['child']);", './entry.cjs'],
    ['path.posix.join', "fork(path.posix.join(__dirname, 'x.cjs'));", './x.cjs'],
    ["require('path').join", "fork(require('path').join(__dirname, 'x.cjs'));", './x.cjs'],
  ];
  for (const [name, text, edge] of cjs) it(`follows ${name}`, () => expect(entries(CJS + text)).toEqual(followed(edge)));

  const esm: Array<[string, string, string]> = [
    ["path.resolve(import.meta.dirname, 'x')", "fork(path.resolve(import.meta.dirname, 'x'));", './x'],
    ["new URL('../x.mjs', import.meta.url).pathname", "new Worker(new URL('../x.mjs', import.meta.url).pathname);", '../x.mjs'],
    ['.pathname keeps percent-escapes (Node reads the string literally)', "fork(new URL('./a b.cjs', import.meta.url).pathname);", './a%20b.cjs'],
    ['fileURLToPath(import.meta.url) folder', "fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'x.cjs'));", './x.cjs'],
    ['a const URL', "const job = new URL('./jobs/x.mjs', import.meta.url);\nnew Worker(job);", './jobs/x.mjs'],
    ['url.href through a const', "const job = new URL('./x.mjs', import.meta.url).href;\nnew Worker(job);", './x.mjs'],
  ];
  for (const [name, text, edge] of esm) it(`follows ${name}`, () => expect(entries(ESM + text, 'src/entry.mjs')).toEqual(followed(edge)));
});

describe('entries that cannot be placed fail closed', () => {
  const cases: Array<[string, string]> = [
    ['process.argv[1]-relative (the main script, not this module)', "fork(path.join(path.dirname(process.argv[1]), 'x.cjs'));"],
    ['process.argv[1] itself', "fork(process.argv[1], ['child']);"],
    ['process.cwd()-relative', "fork(path.join(process.cwd(), 'x.cjs'));"],
    ['a working-directory path', "fork('./x.cjs');"],
    ['require.resolve with paths it cannot see', "export const run = (dirs) => fork(require.resolve('./x.cjs', { paths: dirs }));"],
    ['a join through something that is not node:path', "const mine = { join: (a, b) => '/elsewhere/' + b };\nfork(mine.join(__dirname, 'x.cjs'));"],
    ['a let that may be reassigned', "let file = path.join(__dirname, 'x.cjs');\nfile = process.argv[2];\nfork(file);"],
  ];
  for (const [name, text] of cases) it(name, () => expect(entries(CJS + text)).toEqual(failsClosed));
});

describe('execArgv and NODE_OPTIONS preloads are entries too', () => {
  it('follows an anchored --require / --import in execArgv (fork and Worker)', () => {
    expect(entries(`${CJS}fork(path.join(__dirname, 'child.cjs'), [], { execArgv: ['--require', path.join(__dirname, 'hook.cjs')] });`)).toEqual(followed('./child.cjs', './hook.cjs'));
    expect(entries(`${CJS}new Worker(path.join(__dirname, 'child.cjs'), { execArgv: ['--import', require.resolve('./hook.mjs')] });`)).toEqual(followed('./child.cjs', './hook.mjs'));
  });
  it('follows the --require=… and --import=… forms', () => {
    expect(entries(`${CJS}spawn(process.execPath, [\`--require=\${path.join(__dirname, 'hook.cjs')}\`, path.join(__dirname, 'child.cjs')]);`)).toEqual(followed('./hook.cjs', './child.cjs'));
  });
  it('a bare preload names a package', () => {
    expect(entries(`${CJS}spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'child.ts')]);`)).toEqual(followed('tsx', './child.ts'));
  });
  it('fails closed on a working-directory --require ./hook.cjs or --import ./hook.mjs', () => {
    expect(entries(`${CJS}fork(path.join(__dirname, 'child.cjs'), [], { execArgv: ['--require', './hook.cjs'] });`).unanalyzed).toBe(true);
    expect(entries(`${CJS}new Worker(path.join(__dirname, 'child.cjs'), { execArgv: ['--import', './hook.mjs'] });`).unanalyzed).toBe(true);
    expect(entries(`${CJS}spawn(process.execPath, ['--require=./hook.cjs', path.join(__dirname, 'child.cjs')]);`).unanalyzed).toBe(true);
  });
  it('fails closed on execArgv it cannot see', () => {
    expect(entries(`${CJS}export const run = (flags) => fork(path.join(__dirname, 'child.cjs'), [], { execArgv: flags });`, 'src/entry.mjs').unanalyzed).toBe(true);
  });
  it('reads NODE_OPTIONS written in the child environment', () => {
    expect(entries(`${CJS}fork(path.join(__dirname, 'child.cjs'), [], { env: { ...process.env, NODE_OPTIONS: '--require ./hook.cjs' } });`).unanalyzed).toBe(true);
    expect(entries(`${CJS}fork(path.join(__dirname, 'child.cjs'), [], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });`)).toEqual(followed('./child.cjs'));
    expect(entries(`${CJS}fork(path.join(__dirname, 'child.cjs'), [], { env: { NODE_OPTIONS: \`--require \${path.join(__dirname, 'hook.cjs')}\` } });`)).toEqual(followed('./child.cjs', './hook.cjs'));
  });
  it('benign options are not entries', () => {
    expect(entries(`${CJS}fork(path.join(__dirname, 'child.cjs'), [], { execArgv: ['--inspect-port', '0', '--max-old-space-size=64'], stdio: 'pipe' });`)).toEqual(followed('./child.cjs'));
  });
});

describe('Node command lines run by a shell', () => {
  it('fails closed on a literal node command line with a working-directory file', () => {
    expect(entries(`${CJS}exec('node ./x.js');`)).toEqual(failsClosed);
    expect(entries(`${CJS}execSync('node --require ./hook.cjs scripts/build.js --fast');`)).toEqual(failsClosed);
    expect(entries(`${CJS}exec('npm test && node ./x.js');`)).toEqual(failsClosed);
  });
  it('follows a command line whose file is anchored at the module', () => {
    expect(entries(`${CJS}exec(\`node \${path.join(__dirname, 'x.cjs')}\`);`)).toEqual(followed('./x.cjs'));
    expect(entries(`${CJS}exec(\`"\${process.execPath}" \${path.join(__dirname, 'x.cjs')} --flag\`);`)).toEqual(followed('./x.cjs'));
  });
  it('a shell spawn of a node command line', () => {
    expect(entries(`${CJS}spawn('node ./x.js', { shell: true });`)).toEqual(failsClosed);
  });
  it('leaves other programs alone', () => {
    expect(entries(`${CJS}exec('git status --short');`)).toEqual(untouched);
    expect(entries(`${CJS}execSync('ls node_modules');`)).toEqual(untouched);
    expect(entries(`${CJS}exec(\`git log \${path.join(__dirname, 'x.cjs')}\`);`)).toEqual(untouched);
  });
  it('fails closed on a node command line it cannot read', () => {
    expect(entries(`${CJS}export const run = (file) => exec(\`node \${file}\`);`, 'src/entry.mjs')).toEqual(failsClosed);
  });
});

describe('cluster workers', () => {
  const CLUSTER = "const path = require('node:path');\nconst cluster = require('node:cluster');\n";
  it('follows setupPrimary / setupMaster({ exec })', () => {
    expect(entries(`${CLUSTER}cluster.setupPrimary({ exec: path.join(__dirname, 'worker.cjs') });\ncluster.fork();`)).toEqual(followed('./worker.cjs'));
    expect(entries(`${CLUSTER}cluster.setupMaster({ exec: path.join(__dirname, 'worker.cjs'), execArgv: ['-r', path.join(__dirname, 'hook.cjs')] });`)).toEqual(followed('./worker.cjs', './hook.cjs'));
  });
  it('fails closed on an exec it cannot place', () => {
    expect(entries(`${CLUSTER}export const start = (file) => cluster.setupPrimary({ exec: file });`, 'src/entry.mjs')).toEqual(failsClosed);
    expect(entries(`${CLUSTER}export const start = (settings) => cluster.setupPrimary(settings);`, 'src/entry.mjs')).toEqual(failsClosed);
  });
  it('cluster.fork() alone re-runs the main script: not an entry of this module', () => {
    expect(entries(`${CLUSTER}if (cluster.isPrimary) cluster.fork();`)).toEqual(untouched);
  });
});

describe('esm entry spellings', () => {
  it('fork of a URL from an ES module', () => {
    expect(entries(`${ESM}fork(new URL('./child.mjs', import.meta.url), ['x']);`, 'src/entry.mjs')).toEqual(followed('./child.mjs'));
  });
});
