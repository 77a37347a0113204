import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entry-facts.js';

// Round 12 (issues #10/#11): how a child is launched, beyond the literal the starter receives.
// Each class has its cases and its negative controls (the same launch, the trick removed).
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";
const PRE = "path.join(__dirname, 'pre.cjs')";
const CLEAN = "path.join(__dirname, 'clean.cjs')";

describe('a launch value changed after its const literal fails closed', () => {
  const changed: Array<[string, string]> = [
    ['a push inside a condition', `const args = [${CLEAN}];\nif (process.env.DEBUG) args.unshift('--require', ${PRE});\ncp.spawnSync(process.execPath, args);`],
    ['a push before the start, the start inside a function', `const args = [${CLEAN}];\nfunction start() { cp.spawnSync(process.execPath, args); }\nargs.unshift('--require', ${PRE});\nstart();`],
    ['a push of a spread', `const args = [${CLEAN}];\nargs.unshift(...extra);\ncp.spawnSync(process.execPath, args);`],
    ['an index write into the argument array', `const args = [${CLEAN}];\nargs[0] = ${JOB};\ncp.spawnSync(process.execPath, args);`],
    ['fill of the argument array', `const args = [${CLEAN}];\nargs.fill(${JOB});\ncp.spawnSync(process.execPath, args);`],
    ['Reflect.set on the options', `const opts = {};\nReflect.set(opts, 'execArgv', ['--require', ${PRE}]);\ncp.fork(${CLEAN}, [], opts);`],
    ['Object.defineProperty on the options', `const opts = {};\nObject.defineProperty(opts, 'execArgv', { value: ['--require', ${PRE}] });\ncp.fork(${CLEAN}, [], opts);`],
    ['Object.assign into the options', `const opts = {};\nObject.assign(opts, { execArgv: ['--require', ${PRE}] });\ncp.fork(${CLEAN}, [], opts);`],
    ['an index write into the options execArgv', `const opts = { execArgv: [] };\nopts.execArgv[0] = '--require';\nopts.execArgv[1] = ${PRE};\ncp.fork(${CLEAN}, [], opts);`],
    ['Array.prototype.push.call on the options execArgv', `const opts = { execArgv: [] };\nArray.prototype.push.call(opts.execArgv, '--require', ${PRE});\ncp.fork(${CLEAN}, [], opts);`],
    ['an env given to a function', `const env = { ...process.env };\nsetUp(env);\ncp.fork(${CLEAN}, [], { env });`],
    ['an alias of the options changed', `const opts = {};\nconst same = opts;\nsame.execArgv = ['--require', ${PRE}];\ncp.fork(${CLEAN}, [], opts);`],
  ];
  for (const [name, text] of changed) it(`${name}: UNANALYZED`, () => expect(entries(CJS + text).unanalyzed).toBe(true));

  it('negative controls: the same launches, the values never changed', () => {
    expect(entries(`${CJS}const args = ['--require', ${PRE}, ${CLEAN}];\ncp.spawnSync(process.execPath, args);`)).toEqual(followed('./pre.cjs', './clean.cjs'));
    const read = entries(`${CJS}const opts = { execArgv: ['--require', ${PRE}] };\nconsole.log(opts.execArgv.length);\ncp.fork(${CLEAN}, [], opts);`);
    expect({ edges: new Set(read.edges), unanalyzed: read.unanalyzed }).toEqual({ edges: new Set(['./clean.cjs', './pre.cjs']), unanalyzed: false });
    expect(entries(`${CJS}const args = [${CLEAN}];\nconsole.log(args.join(' '), path.basename(args[0]));\ncp.spawnSync(process.execPath, args);`)).toEqual(followed('./clean.cjs'));
  });
  it('push and unshift statements between the declaration and the start are replayed exactly', () => {
    expect(entries(`${CJS}const args = [${CLEAN}];\nargs.unshift('--require', ${PRE});\ncp.spawnSync(process.execPath, args);`)).toEqual(followed('./pre.cjs', './clean.cjs'));
    expect(entries(`${CJS}const args = ['--require', ${PRE}];\nargs.push(${JOB});\ncp.spawnSync(process.execPath, args);\nargs.push('--later');`)).toEqual(followed('./pre.cjs', './job.cjs'));
    const shorthand = entries(`${CJS}const execArgv = [];\nexecArgv.push('--require', ${PRE});\ncp.fork(${CLEAN}, [], { execArgv });`);
    expect({ edges: new Set(shorthand.edges), unanalyzed: shorthand.unanalyzed }).toEqual({ edges: new Set(['./clean.cjs', './pre.cjs']), unanalyzed: false });
  });
  it('writes the settings rule reads exactly are followed, not failed closed', () => {
    const written = entries(`${CJS}const opts = { stdio: 'inherit' };\nopts.execArgv = ['--require', ${PRE}];\nopts.timeout = 5;\ncp.fork(${CLEAN}, [], opts);`);
    expect({ edges: new Set(written.edges), unanalyzed: written.unanalyzed }).toEqual({ edges: new Set(['./clean.cjs', './pre.cjs']), unanalyzed: false });
    const pushed = entries(`${CJS}const opts = { execArgv: [] };\nopts.execArgv.push('--require', ${PRE});\ncp.fork(${CLEAN}, [], opts);`);
    expect({ edges: new Set(pushed.edges), unanalyzed: pushed.unanalyzed }).toEqual({ edges: new Set(['./clean.cjs', './pre.cjs']), unanalyzed: false });
  });
});

describe('process-wide settings written through a function', () => {
  it('Reflect.set(process.env, NODE_OPTIONS) is followed; another key is not a launch setting', () => {
    expect(entries(`${CJS}Reflect.set(process.env, 'NODE_OPTIONS', '--require ' + ${PRE});`)).toEqual(followed('./pre.cjs'));
    expect(entries(`${CJS}Reflect.set(process.env, 'DEBUG', 'app:*');`)).toEqual(untouched);
  });
  it('Object.defineProperty(process.env, NODE_OPTIONS) is followed', () => {
    expect(entries(`${CJS}Object.defineProperty(process.env, 'NODE_OPTIONS', { value: '--require ' + ${PRE} });`)).toEqual(followed('./pre.cjs'));
  });
  it('Object.assign(cluster.settings, { exec }) names the workers file; an object not written out fails closed', () => {
    const cluster = "const path = require('node:path');\nconst cluster = require('node:cluster');\n";
    expect(entries(`${cluster}Object.assign(cluster.settings, { exec: ${JOB} });\ncluster.fork();`)).toEqual(followed('./job.cjs'));
    expect(entries(`${cluster}Object.assign(cluster.settings, loadSettings());\ncluster.fork();`).unanalyzed).toBe(true);
  });
  it('an alias of process.execArgv changed fails closed; one only read does not', () => {
    expect(entries(`${CJS}const ea = process.execArgv;\nea.push('--require', ${PRE});\ncp.fork(${CLEAN});`).unanalyzed).toBe(true);
    expect(entries(`${CJS}const ea = process.execArgv;\nconsole.log(ea.includes('--inspect'));\ncp.fork(${CLEAN});`)).toEqual(followed('./clean.cjs'));
  });
});

describe('the Node executable by another name', () => {
  const names: Array<[string, string]> = [
    ['nodejs', "'nodejs'"],
    ['process.release.name', 'process.release.name'],
    ['a path rebuilt from execPath', "path.join(path.dirname(process.execPath), 'node')"],
  ];
  for (const [name, program] of names) {
    it(`${name}: the entry is followed`, () => expect(entries(`${CJS}cp.spawnSync(${program}, [${JOB}]);`)).toEqual(followed('./job.cjs')));
  }
  it('negative control: another program with the same words', () => {
    expect(entries(`${CJS}cp.spawnSync('echo', ['node', ${JOB}]);`)).toEqual(untouched);
  });
});

describe('shell text and wrappers', () => {
  it('env --split-string= and -S joined to its value are split', () => {
    expect(entries(`${CJS}cp.spawnSync('env', ['--split-string=node ' + ${JOB}]);`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}cp.spawnSync('env', ['-Snode ' + ${JOB}]);`)).toEqual(followed('./job.cjs'));
  });
  it('env -S text is split by GNU env\'s rules: quotes, a partial quote, `\\c`, a comment, a long option prefix', () => {
    for (const text of ['"node"', "'node'", 'no"de"', 'node\\c junk', 'node #note']) {
      expect(entries(`${CJS}cp.spawnSync('env', ['-S', ${JSON.stringify(text)}, ${JOB}]);`), text).toEqual(followed('./job.cjs'));
    }
    expect(entries(`${CJS}cp.spawnSync('env', ['--sp=no"de"', ${JOB}]);`)).toEqual(followed('./job.cjs'));
    // Look-alike: a `#` word and what follows it is a comment, so the preload is never read.
    expect(entries(`${CJS}cp.spawnSync('env', ['-S', 'node # --require x', ${JOB}]);`)).toEqual(followed('./job.cjs'));
    // The evasion next to it: the preload before the comment is read.
    expect(entries(`${CJS}cp.spawnSync('env', ['-S', '"node" --require ' + ${PRE}, ${CLEAN}]);`)).toEqual(followed('./pre.cjs', './clean.cjs'));
  });
  it('npx -c and --call= run their text as a command line', () => {
    expect(entries(`${CJS}cp.spawnSync('npx', ['-c', 'node ' + ${JOB}]);`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}cp.spawnSync('npx', ['--call=node ' + ${JOB}]);`)).toEqual(followed('./job.cjs'));
    // A line computed from data is judged as `sh -c line` is (the EXEC grant's business); one not seen at all fails closed.
    expect(entries(`${CJS}cp.spawnSync('npx', ['-c', line]);`)).toEqual(entries(`${CJS}cp.spawnSync('sh', ['-c', line]);`));
    expect(entries(`${CJS}cp.spawnSync('npx', ['-c', ...words]);`)).toEqual(failsClosed);
  });
  it('export NODE_OPTIONS earlier in the line is followed into the node command', () => {
    expect(entries(`${CJS}cp.execSync('export NODE_OPTIONS="--require ' + ${PRE} + '"; node ' + ${CLEAN});`)).toEqual(followed('./pre.cjs', './clean.cjs'));
  });
  it('a sourced file fails closed, with or without a node command after it (the file may start one, choice 90)', () => {
    expect(entries(`${CJS}cp.execSync('set -a; . ./child.env; node ' + ${CLEAN});`).unanalyzed).toBe(true);
    expect(entries(`${CJS}cp.execSync('source ./child.env; node ' + ${CLEAN});`).unanalyzed).toBe(true);
    expect(entries(`${CJS}cp.execSync('. ./child.env; echo ok');`).unanalyzed).toBe(true);
  });
  it('a comment ends the command; a # inside quotes or a word does not', () => {
    expect(entries(`${CJS}cp.execSync('echo ok # node ' + ${JOB});`)).toEqual(untouched);
    expect(entries(`${CJS}cp.execSync('echo "a # b"; node ' + ${JOB});`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}cp.execSync('echo a#b; node ' + ${JOB});`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}cp.execSync('# setup\\nnode ' + ${JOB});`)).toEqual(followed('./job.cjs'));
  });
  it('node --check runs no entry, but its preloads still run (Node 20)', () => {
    expect(entries(`${CJS}cp.spawnSync(process.execPath, ['--check', ${JOB}]);`)).toEqual(untouched);
    expect(entries(`${CJS}cp.spawnSync(process.execPath, ['-r', ${PRE}, '-c', ${JOB}]);`)).toEqual(followed('./pre.cjs'));
  });
});

describe('env files and settings objects that reach no child', () => {
  it('util.parseEnv only counted is data; written into process.env it is a load', () => {
    const util = "const util = require('node:util');\n";
    expect(entries(`${CJS}${util}const parsed = util.parseEnv('A=1');\nconsole.log(Object.keys(parsed).length);\ncp.fork(${CLEAN});`)).toEqual(followed('./clean.cjs'));
    expect(entries(`${CJS}${util}Object.assign(process.env, util.parseEnv('A=1'));\ncp.fork(${CLEAN});`).unanalyzed).toBe(true);
  });
  it('a local settings object only pushed and counted is data; handed on it counts', () => {
    const local = "const settings = { execArgv: [], env: {} };\nsettings.execArgv.push('--require', './pre.cjs');\nsettings.env.NODE_OPTIONS = '--require ./pre.cjs';\n";
    expect(entries(`${local}console.log(Object.keys(settings).length, settings.execArgv.length);`)).toEqual(untouched);
    expect(entries(`${local}run(settings);`).unanalyzed).toBe(true);
  });
});
