import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entry-facts.js';

// Issue #11, session 11: launch settings (`execArgv`, `NODE_OPTIONS`) count where the object can
// reach a starter (a call that may hand it on, a spread into one, an export, a return), not where
// every use of it is a plain read (round 9 look-alikes lookalike9-options-object-no-starter and
// lookalike9-local-worker-class). Each class has its cases and its negative controls.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";
const PRE = "path.join(__dirname, 'pre.cjs')";
const SETTINGS = "{ execArgv: ['--require', './pre.cjs'], env: { NODE_OPTIONS: '--import ./pre.mjs' }, shell: true }";

describe('settings no starter can receive are data', () => {
  const plain: Array<[string, string]> = [
    ['a const whose uses are Object.keys and a length', `const spawnOptions = ${SETTINGS};\nconsole.log(Object.keys(spawnOptions).length);`],
    ['a const whose execArgv is only tested', `const o = ${SETTINGS};\nif (o.execArgv.includes('--inspect')) console.log('debug');`],
    ['a const printed', `const o = ${SETTINGS};\nconsole.log(o, JSON.stringify(o), \`\${o.env.NODE_OPTIONS}\`);`],
    ['a literal printed', "console.log({ execArgv: ['--require', './pre.cjs'] });"],
    ['a literal discarded', "({ NODE_OPTIONS: '--require ./pre.cjs' });"],
    ['a local class named Worker (a job record)', "class Worker {\n  constructor(file, options) {\n    this.file = file;\n    this.options = options;\n  }\n}\nconsole.log(new Worker('./job.cjs', { execArgv: ['--require', './pre.cjs'] }).file);"],
    ['a local function that only reads its options', "function describe(options) { return options.execArgv.length; }\nconsole.log(describe({ execArgv: ['--require', './pre.cjs'] }));"],
  ];
  for (const [name, text] of plain) it(`${name}: untouched`, () => expect(entries(text)).toEqual(untouched));
});

describe('settings that can reach a starter are still followed', () => {
  const reaching: Array<[string, string, string?]> = [
    ['handed to a function of another module', "const pm2 = require('pm2');\npm2.start({ script: 'x.js', execArgv: ['--require', './pre.cjs'] });"],
    ['a const handed to a function', `const o = ${SETTINGS};\nrun(o);`],
    ['a const spread into a call argument', `const base = ${SETTINGS};\nrun({ ...base, stdio: 'inherit' });`],
    ['a const aliased, then handed on', `const o = ${SETTINGS};\nconst p = o;\nrun(p);`],
    ['a member of the const handed on', `const o = ${SETTINGS};\nrun({ env: o.env });`],
    ['returned', "function options() { return { execArgv: ['--require', './pre.cjs'] }; }\nrun(options());"],
    ['module.exports', "module.exports = { execArgv: ['--require', './pre.cjs'] };"],
    ['a const exported by name', `const o = ${SETTINGS};\nmodule.exports.options = o;`],
    ['export const', "export const options = { execArgv: ['--require', './pre.cjs'] };", 'src/entry.mjs'],
    ['export { o }', `const o = ${SETTINGS};\nexport { o };`, 'src/entry.mjs'],
    ['export default', "export default { env: { NODE_OPTIONS: '--require ./pre.cjs' } };", 'src/entry.mjs'],
    ['stored in a member', "const config = {};\nconfig.child = { execArgv: ['--require', './pre.cjs'] };\nrun(config);"],
    ['a local class that hands its options on', "class Worker {\n  constructor(file, options) { require('pm2').start({ script: file, ...options }); }\n}\nnew Worker('./job.cjs', { execArgv: ['--require', './pre.cjs'] });"],
    ['a local class whose instance is handed on', "class Job {\n  constructor(options) { this.options = options; }\n}\nrun(new Job({ execArgv: ['--require', './pre.cjs'] }));"],
    ['a local function that hands its options on', "function start(options) { require('pm2').start(options); }\nstart({ execArgv: ['--require', './pre.cjs'] });"],
    ['Object.assign(process.env, { NODE_OPTIONS })', "Object.assign(process.env, { NODE_OPTIONS: '-r ./x.js' });"],
  ];
  for (const [name, text, file] of reaching) it(`${name}: UNANALYZED`, () => expect(entries(text, file).unanalyzed).toBe(true));
  it('a const given to fork: its preload is an edge', () => {
    expect(entries(`${CJS}const o = { execArgv: ['--require', ${PRE}] };\ncp.fork(${JOB}, [], o);`).edges).toContain('./pre.cjs');
  });
  it('writes to process.env and process.execArgv reach every later child', () => {
    expect(entries(`${CJS}process.env.NODE_OPTIONS = '--require ' + ${PRE};`)).toEqual(followed('./pre.cjs'));
    expect(entries(`${CJS}process.execArgv.push('--require', ${PRE});`)).toEqual(followed('./pre.cjs'));
  });
  it('an environment built in pieces and given to fork', () => {
    expect(entries(`${CJS}const env = { ...process.env };\nenv.NODE_OPTIONS = '--require ./x.js';\ncp.fork(${JOB}, [], { env });`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
  });
  it('negative control: an environment built in pieces and only printed', () => {
    expect(entries("const env = {};\nenv.NODE_OPTIONS = '--require ./x.js';\nconsole.log(env.NODE_OPTIONS);")).toEqual(untouched);
  });
  it('the real worker_threads Worker is still a starter', () => {
    expect(entries("const { Worker } = require('node:worker_threads');\nnew Worker(require('node:path').join(__dirname, 'job.cjs'), { execArgv: ['--require', './pre.cjs'] });")).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(entries("const { Worker } = require('node:worker_threads');\nconst o = { execArgv: ['--require', './pre.cjs'] };\nconsole.log(o);").unanalyzed).toBe(false);
  });
  it('failsClosed is what a handed-on literal gives', () => {
    expect(entries("run({ execArgv: ['--require', './pre.cjs'] });")).toEqual(failsClosed);
  });
});

describe('text made of the settings carries them', () => {
  const carried: Array<[string, string]> = [
    ['JSON round trip handed on', `const o = ${SETTINGS};\nrun(JSON.parse(JSON.stringify(o)));`],
    ['execArgv joined into a third-party option', `const o = ${SETTINGS};\nrequire('pm2').start({ script: 'x.js', node_args: o.execArgv.join(' ') });`],
    ['NODE_OPTIONS in a template handed on', `const o = ${SETTINGS};\nrun(\`\${o.env.NODE_OPTIONS}\`);`],
    ['String() of execArgv handed on', `const o = ${SETTINGS};\nrun(String(o.execArgv));`],
  ];
  for (const [name, text] of carried) it(`${name}: UNANALYZED`, () => expect(entries(text).unanalyzed).toBe(true));
});
