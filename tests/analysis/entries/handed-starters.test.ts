import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entry-facts.js';

// Issue #11, session 9: starters handed on as values, options kept in variables, launch settings
// written anywhere, loader hooks, worker pools. Each spelling has its case and a negative control.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";
const PRE = "path.join(__dirname, 'pre.cjs')";

describe('a starter passed as a value', () => {
  it('.bind and promisify keep the starter: the file is followed', () => {
    expect(entries(`${CJS}const f = cp.fork.bind(cp);\nf(${JOB});`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}const f = cp.fork.bind(null, ${JOB});\nf();`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}const { promisify } = require('node:util');\nconst run = promisify(cp.exec);\nrun('node ' + ${JOB});`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}cp.fork.bind(cp)(${JOB});`)).toEqual(followed('./job.cjs'));
  });
  it('a bound starter whose file is not placed fails closed', () => {
    expect(entries(`${CJS}const f = cp.fork.bind(cp);\nf('./job.cjs');`)).toEqual(failsClosed);
  });
  const handedOn: Array<[string, string]> = [
    ['run(cp.fork)', `${CJS}run(cp.fork);`],
    ['run(f) of a bound fork', `${CJS}run(cp.fork.bind(cp));`],
    ['{ start: cp.fork }', `${CJS}const o = { start: cp.fork };\no.start(${JOB});`],
    ['module.exports = cp.fork', `${CJS}module.exports = cp.fork;`],
    ['module.exports = the module', "module.exports = require('node:child_process');"],
    ['run(cp): the module handed on', `${CJS}run(cp);`],
    ['export const f = cp.fork', "import * as cp from 'node:child_process';\nexport const f = cp.fork;"],
    ['export { fork } (local)', "import { fork } from 'node:child_process';\nexport { fork };"],
    ["export { fork } from 'node:child_process'", "export { fork } from 'node:child_process';"],
    ["export * from 'node:child_process'", "export * from 'node:child_process';"],
    ['run(Worker)', "const { Worker } = require('node:worker_threads');\nrun(Worker);"],
    ['class extends Worker', "const { Worker } = require('node:worker_threads');\nclass Job extends Worker {}\nnew Job('./x.cjs');"],
    ['new ChildProcess()', `${CJS}new cp.ChildProcess().spawn({ file: process.execPath, args: ['node', 'x.js'] });`],
    ['cp[method] as a value', `${CJS}const m = 'fork';\nrun(cp[m + '']);`],
    ['run(register)', "import { register } from 'node:module';\nrun(register);"],
  ];
  for (const [name, text] of handedOn) it(`${name} is UNANALYZED`, () => expect(entries(text, name.includes('export') || name.includes('register') ? 'src/entry.mjs' : 'src/entry.cjs').unanalyzed).toBe(true));
  it('the message names what the starter reaches and why it is not followed', () => {
    const text = `${CJS}run(cp.fork);`;
    expect(entries(text).unanalyzed).toBe(true);
  });
  const followedUses: Array<[string, string]> = [
    ['a member read', `${CJS}const name = cp.fork.name;\nconsole.log(name);`],
    ['a feature test', `${CJS}if (typeof cp.fork === 'function' && cp.spawn) console.log('yes');`],
    ['a destructuring', `${CJS}const { execFile } = cp;\nexecFile('git', ['status']);`],
    ['printed', `${CJS}console.log(cp.fork, String(cp.exec));`],
    ['instanceof ChildProcess', `${CJS}const ok = (x) => x instanceof cp.ChildProcess;\nok(1);`],
    ['tsc CommonJS output', "const child_process_1 = require(\"child_process\");\n(0, child_process_1.execFileSync)('git', ['status']);"],
    ['a receiver of its own starter', `${CJS}cp.execFile.call(cp, 'git', ['status']);\nReflect.apply(cp.execFile, cp, ['git', ['status']]);`],
    ['promisify of a non-Node command', `${CJS}const { promisify } = require('node:util');\nconst run = promisify(cp.execFile);\nrun('git', ['status']);`],
  ];
  for (const [name, text] of followedUses) it(`negative control: ${name} is no hand-off`, () => expect(entries(text)).toEqual(untouched));
});

describe('options kept in a variable', () => {
  it('a const, a spread, a shorthand: read as written', () => {
    expect(entries(`${CJS}const o = { execArgv: ['--require', ${PRE}] };\ncp.fork(${JOB}, [], o);`)).toEqual(followed('./pre.cjs', './job.cjs', './pre.cjs'));
    expect(entries(`${CJS}const execArgv = ['--require', ${PRE}];\ncp.fork(${JOB}, [], { execArgv });`)).toEqual(followed('./job.cjs', './pre.cjs'));
    expect(entries(`${CJS}const base = { stdio: 'inherit' };\ncp.fork(${JOB}, [], { ...base, cwd: __dirname });`)).toEqual(followed('./job.cjs'));
  });
  it('options not seen whole fail closed for a Node child and a Worker', () => {
    expect(entries(`${CJS}module.exports = (o) => cp.fork(${JOB}, [], o);`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(entries(`${CJS}module.exports = (o) => cp.fork(${JOB}, [], { ...o, stdio: 'inherit' });`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(entries(`${CJS}module.exports = (o) => cp.spawn(process.execPath, [${JOB}], o);`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(entries(`const path = require('node:path');\nconst { Worker } = require('node:worker_threads');\nmodule.exports = (o) => new Worker(${JOB}, o);`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(entries(`${CJS}module.exports = (flags) => cp.fork(${JOB}, [], { execArgv: [flags] });`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
  });
  it("negative control: a non-Node program's options, the parent's own execArgv", () => {
    expect(entries(`${CJS}module.exports = (o) => cp.spawn('git', ['status'], o);`)).toEqual(untouched);
    expect(entries(`${CJS}cp.fork(${JOB}, [], { execArgv: process.execArgv.filter((flag) => flag !== '--inspect') });`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}cp.fork(${JOB}, [], { execArgv: [...process.execArgv, '--max-old-space-size=512'] });`)).toEqual(followed('./job.cjs'));
  });
});

describe('NODE_OPTIONS and execArgv written anywhere', () => {
  it('an inherited environment with NODE_OPTIONS: the preload is followed, or fails closed', () => {
    expect(entries(`${CJS}cp.fork(${JOB}, [], { env: { ...process.env, NODE_OPTIONS: '--require ' + ${PRE} } });`)).toEqual(followed('./job.cjs', './pre.cjs'));
    expect(entries(`${CJS}cp.fork(${JOB}, [], { env: { ...process.env, NODE_OPTIONS: '--require ./x.js' } });`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
  });
  it('process.env.NODE_OPTIONS = … before a spawn', () => {
    expect(entries(`${CJS}process.env.NODE_OPTIONS = '--require ' + ${PRE};\ncp.fork(${JOB});`)).toEqual(followed('./pre.cjs', './job.cjs'));
    expect(entries(`${CJS}process.env['NODE_OPTIONS'] = \`\${process.env.NODE_OPTIONS ?? ''} --import \${${PRE}}\`;`)).toEqual(followed('./pre.cjs'));
    expect(entries(`${CJS}process.env.NODE_OPTIONS += ' --require ./x.js';`)).toEqual(failsClosed);
    expect(entries(`${CJS}Object.assign(process.env, { NODE_OPTIONS: '-r ./x.js' });`)).toEqual(failsClosed);
  });
  it('an environment built in pieces', () => {
    expect(entries(`${CJS}const env = { ...process.env };\nenv.NODE_OPTIONS = '--require ./x.js';\ncp.fork(${JOB}, [], { env });`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(entries(`${CJS}const flags = '--require ' + ${PRE};\ncp.fork(${JOB}, [], { env: { NODE_OPTIONS: flags } });`)).toEqual(followed('./job.cjs', './pre.cjs'));
    expect(entries(`${CJS}module.exports = (env) => cp.fork(${JOB}, [], { env });`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
  });
  it('process.execArgv.push before a fork, cluster.fork(env)', () => {
    expect(entries(`${CJS}process.execArgv.push('--require', ${PRE});`)).toEqual(followed('./pre.cjs'));
    expect(entries("const cluster = require('node:cluster');\ncluster.fork({ NODE_OPTIONS: '--require ./x.js' });")).toEqual(failsClosed);
    expect(entries("const cluster = require('node:cluster');\nmodule.exports = (env) => cluster.fork(env);")).toEqual(failsClosed);
  });
  it('negative control: inert options and names', () => {
    expect(entries(`${CJS}process.env.NODE_OPTIONS = '--max-old-space-size=4096';`)).toEqual(untouched);
    expect(entries(`${CJS}process.env.NODE_OPTIONS = process.env.NODE_OPTIONS ?? '';`)).toEqual(untouched);
    expect(entries("const cluster = require('node:cluster');\ncluster.fork({ WORKER_ID: '1' });")).toEqual(untouched);
    expect(entries('const config = { execArgv: [], name: "x" };\nconsole.log(config);')).toEqual(untouched);
  });
});

describe('module.register: ESM loader hooks run code', () => {
  const ESM = "import { register } from 'node:module';\n";
  it('the hooks module is an edge, resolved against parentURL', () => {
    expect(entries(`${ESM}register('./hooks.mjs', import.meta.url);`, 'src/entry.mjs')).toEqual(followed('./hooks.mjs'));
    expect(entries(`${ESM}register('./hooks.mjs', { parentURL: import.meta.url });`, 'src/entry.mjs')).toEqual(followed('./hooks.mjs'));
    expect(entries(`${ESM}register(new URL('./lib/hooks.mjs', import.meta.url));`, 'src/entry.mjs')).toEqual(followed('./lib/hooks.mjs'));
    expect(entries("const m = require('node:module');\nconst { pathToFileURL } = require('node:url');\nm.register('../hooks.mjs', pathToFileURL(__filename));")).toEqual(followed('../hooks.mjs'));
    expect(entries(`${ESM}import { pathToFileURL } from 'node:url';\nregister('ts-node/esm', pathToFileURL('./'));`, 'src/entry.mjs')).toEqual(followed('ts-node/esm'));
  });
  it('a hooks module the syntax cannot place fails closed', () => {
    expect(entries(`${ESM}register('./hooks.mjs');`, 'src/entry.mjs')).toEqual(failsClosed);
    expect(entries(`${ESM}export const hook = (file) => register(file, import.meta.url);`, 'src/entry.mjs')).toEqual(failsClosed);
    expect(entries(`${ESM}register('data:text/javascript,export{}');`, 'src/entry.mjs')).toEqual(failsClosed);
  });
  it("negative control: other members of node:module, a project's own register", () => {
    expect(entries("import { isBuiltin } from 'node:module';\nisBuiltin('fs');", 'src/entry.mjs')).toEqual(untouched);
    expect(entries("const register = (name) => name;\nregister('./hooks.mjs');")).toEqual(untouched);
  });
});

describe('worker pools started from a path', () => {
  it('piscina, tinypool, workerpool, poolifier: the file is an edge', () => {
    expect(entries(`const Piscina = require('piscina');\nconst path = require('node:path');\nnew Piscina({ filename: path.resolve(__dirname, 'job.cjs') });`).edges).toContain('./job.cjs');
    expect(entries(`import { Piscina } from 'piscina';\nconst pool = new Piscina();\npool.run(1, { filename: new URL('./job.mjs', import.meta.url).href });`, 'src/entry.mjs')).toEqual(followed('./job.mjs'));
    expect(entries("import Tinypool from 'tinypool';\nnew Tinypool({ filename: new URL('./job.mjs', import.meta.url).href });", 'src/entry.mjs')).toEqual(followed('./job.mjs'));
    expect(entries("const workerpool = require('workerpool');\nworkerpool.pool(__dirname + '/job.cjs');").edges).toContain('./job.cjs');
    expect(entries("const { FixedThreadPool } = require('poolifier');\nnew FixedThreadPool(4, __dirname + '/job.cjs');").edges).toContain('./job.cjs');
  });
  it('a pool file the syntax cannot place, or options it cannot see, fails closed', () => {
    expect(entries("const Piscina = require('piscina');\nnew Piscina({ filename: './job.cjs' });").unanalyzed).toBe(true);
    expect(entries("const Piscina = require('piscina');\nmodule.exports = (options) => new Piscina(options);").unanalyzed).toBe(true);
    expect(entries("import { Piscina } from 'piscina';\nconst pool = new Piscina();\nexport const run = (task, o) => pool.run(task, o);", 'src/entry.mjs').unanalyzed).toBe(true);
    expect(entries("const workerpool = require('workerpool');\nmodule.exports = (file) => workerpool.pool(file);").unanalyzed).toBe(true);
  });
  it('negative control: a pool without a file, look-alike names', () => {
    expect(entries("const workerpool = require('workerpool');\nworkerpool.pool({ maxWorkers: 2 });").unanalyzed).toBe(false);
    expect(entries("const Piscina = require('piscina');\nconst pool = new Piscina({ filename: __dirname + '/job.cjs' });\npool.run({ a: 1 });").unanalyzed).toBe(false);
    expect(entries("class Piscina { constructor(o) { this.o = o; } }\nnew Piscina({ filename: './job.cjs' });")).toEqual(untouched);
  });
});
