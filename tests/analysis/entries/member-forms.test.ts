import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entry-facts.js';

// Every spelling of a child_process / worker_threads starter that runs a project file is an edge,
// and each has a benign look-alike (a local `fork`, a project `Worker` class) that is not.
const FILE = "path.join(__dirname, 'child.cjs')";
const CJS = "const path = require('node:path');\n";
const ESM = "import path from 'node:path';\n";

describe('child_process members on a module object (CommonJS)', () => {
  const cases: Array<[string, string]> = [
    ['cp.fork on require("child_process")', `const cp = require('child_process');\ncp.fork(__dirname + '/child.cjs');`],
    ["cp['fork']", `const cp = require('node:child_process');\ncp['fork'](${FILE});`],
    ['(0, cp.fork)(…)', `const cp = require('node:child_process');\n(0, cp.fork)(${FILE});`],
    ['cp.fork.call(cp, …)', `const cp = require('node:child_process');\ncp.fork.call(cp, ${FILE}, []);`],
    ['cp.fork.apply(cp, […])', `const cp = require('node:child_process');\ncp.fork.apply(cp, [${FILE}]);`],
    ['require("child_process").fork(…)', `require('child_process').fork(${FILE});`],
    ['a destructured, aliased member of a const module', `const cp = require('node:child_process');\nconst { fork: start } = cp;\nstart(${FILE});`],
    ['a const holding the member', `const cp = require('node:child_process');\nconst start = cp.fork;\nstart(${FILE});`],
    ['cp.spawn(process.execPath, [file])', `const cp = require('node:child_process');\ncp.spawn(process.execPath, [${FILE}]);`],
    ['cp.execFileSync("node", [file])', `const cp = require('node:child_process');\ncp.execFileSync('node', [${FILE}]);`],
    ['cp.spawnSync(process.argv[0], [file])', `const cp = require('node:child_process');\ncp.spawnSync(process.argv[0], [${FILE}]);`],
    ['cp.execFile.call(cp, "node", [file])', `const cp = require('node:child_process');\ncp.execFile.call(cp, 'node', [${FILE}]);`],
  ];
  for (const [name, text] of cases) it(`follows ${name}`, () => expect(entries(CJS + text)).toEqual(followed('./child.cjs')));
});

describe('child_process members on a module object (ES modules)', () => {
  const cases: Array<[string, string]> = [
    ['import * as cp', `import * as cp from 'node:child_process';\ncp.fork(${FILE.replace('__dirname', 'import.meta.dirname')});`],
    ['import cp from (default)', `import cp from 'child_process';\ncp.fork(new URL('./child.cjs', import.meta.url));`],
    ['import { fork as start }', `import { fork as start } from 'node:child_process';\nstart(new URL('./child.cjs', import.meta.url));`],
    ['await import()', `const cp = await import('node:child_process');\ncp.fork(new URL('./child.cjs', import.meta.url));`],
    ['destructured await import()', `const { fork } = await import('node:child_process');\nfork(new URL('./child.cjs', import.meta.url));`],
    ['cp.default.fork', `import * as cp from 'node:child_process';\ncp.default.fork(new URL('./child.cjs', import.meta.url));`],
  ];
  for (const [name, text] of cases) it(`follows ${name}`, () => expect(entries(ESM + text, 'src/entry.mjs')).toEqual(followed('./child.cjs')));
});

describe('worker_threads Worker under every name', () => {
  const cases: Array<[string, string, string?]> = [
    ['wt.Worker on require()', `const wt = require('node:worker_threads');\nnew wt.Worker(${FILE});`],
    ['an aliased destructured Worker', `const { Worker: Thread } = require('worker_threads');\nnew Thread(${FILE});`],
    ['new (require(…).Worker)(…)', `new (require('worker_threads').Worker)(${FILE});`],
    ['import * as wt', `import * as wt from 'node:worker_threads';\nnew wt.Worker(new URL('./child.cjs', import.meta.url));`, 'src/entry.mjs'],
    ['import { Worker as Thread }', `import { Worker as Thread } from 'node:worker_threads';\nnew Thread(new URL('./child.cjs', import.meta.url));`, 'src/entry.mjs'],
  ];
  for (const [name, text, file] of cases) it(`follows ${name}`, () => expect(entries((file === undefined ? CJS : ESM) + text, file)).toEqual(followed('./child.cjs')));
});

describe('look-alikes are not entries', () => {
  it('a local function named fork', () => {
    expect(entries(`${CJS}function fork(file) { return file; }\nfork(${FILE});\nfork(process.argv[2]);`)).toEqual(untouched);
  });
  it('an object of the project with a fork member', () => {
    expect(entries(`${CJS}const cp = { fork(file) { return file; } };\ncp.fork(${FILE});\ncp.fork(process.argv[2]);`)).toEqual(untouched);
  });
  it('a project module with a fork member', () => {
    expect(entries(`${CJS}const git = require('./git.cjs');\ngit.fork(process.argv[2]);`).unanalyzed).toBe(false);
  });
  it('a parameter named cp that hides the module', () => {
    expect(entries(`${CJS}const cp = require('node:child_process');\nexport function branch(cp, name) { return cp.fork(name); }`, 'src/entry.mjs')).toEqual(untouched);
  });
  it('a Worker class of the project', () => {
    expect(entries(`${CJS}class Worker { constructor(queue) { this.queue = queue; } }\nnew Worker('emails');\nnew Worker(process.argv[2]);`)).toEqual(untouched);
  });
  it('a Worker function of the project', () => {
    expect(entries(`${CJS}function Worker(queue) { this.queue = queue; }\nnew Worker('emails');`)).toEqual(untouched);
  });
});

describe('fails closed where the member or the entry is not known', () => {
  it('a computed member of child_process', () => {
    expect(entries(`${CJS}const cp = require('node:child_process');\nexport function run(method) { return cp[method](${FILE}); }`, 'src/entry.mjs').unanalyzed).toBe(true);
  });
  it('cp.fork of a parameter', () => {
    expect(entries(`${CJS}const cp = require('node:child_process');\nexport const run = (file) => cp.fork(file);`, 'src/entry.mjs')).toEqual(failsClosed);
  });
  it('wt.Worker of a parameter', () => {
    expect(entries(`import * as wt from 'node:worker_threads';\nexport const run = (file) => new wt.Worker(file);`, 'src/entry.mjs')).toEqual(failsClosed);
  });
  it('cp.fork.apply with arguments it cannot see', () => {
    expect(entries(`${CJS}const cp = require('node:child_process');\nexport const run = (args) => cp.fork.apply(cp, args);`, 'src/entry.mjs')).toEqual(failsClosed);
  });
  it('an imported Worker of unknown origin stays a worker (a project module may re-export the real one)', () => {
    expect(entries(`import { Worker } from './threads.js';\nnew Worker('./x.cjs');`, 'src/entry.mjs').unanalyzed).toBe(true);
  });
});

describe('module objects held by var, let and import =', () => {
  it('var and let holding child_process (compiled and older code)', () => {
    expect(entries(`${CJS}var cp = require('child_process');\ncp.fork(${FILE});`)).toEqual(followed('./child.cjs'));
    expect(entries(`${CJS}let cp = require('child_process');\nexport const run = (file) => cp.fork(file);`, 'src/entry.mjs')).toEqual(failsClosed);
    expect(entries(`${CJS}function main() {\n  if (process.env.X) { var cp = require('child_process'); }\n  cp.fork(${FILE});\n}`)).toEqual(followed('./child.cjs'));
  });
  it('import cp = require(…) in TypeScript', () => {
    expect(entries(`import path = require('node:path');\nimport cp = require('node:child_process');\ncp.fork(${FILE});`, 'src/entry.cts')).toEqual(followed('./child.cjs'));
  });
  it('a let path is still not evaluated (it may be reassigned)', () => {
    expect(entries(`${CJS}var cp = require('child_process');\nlet file = ${FILE};\nfile = process.argv[2];\ncp.fork(file);`)).toEqual(failsClosed);
  });
});
