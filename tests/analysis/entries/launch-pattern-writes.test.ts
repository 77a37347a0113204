import { describe, expect, it } from 'vitest';
import ts from '../../../policy/typescript.cjs';
import { assignedReferences } from '../../../analysis/syntax/launch-pattern-targets.js';
import { entries, followed, untouched } from './entry-facts.js';

// Round 13 (issue #11): launch settings written by an assignment whose target is a pattern or a
// loop head, the argument array escaping into a holder, Node named `/proc/self/exe`.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";
const PRE = "path.join(__dirname, 'pre.cjs')";
const CLEAN = "path.join(__dirname, 'clean.cjs')";

/** The first destructuring assignment or loop head of `text`: each written target with its matched value (`?`: unseen). */
function written(text: string): string[] {
  const file = ts.createSourceFile('x.js', text, ts.ScriptTarget.Latest, true);
  let found: string[] | undefined;
  const visit = (node: ts.Node): void => {
    const references = assignedReferences(node);
    if (found === undefined && (references.length > 0 || ts.isForOfStatement(node))) found = references.map(({ target, value }) => `${target.getText(file)}=${value?.getText(file) ?? '?'}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found ?? [];
}

describe('the references a pattern assigns, each once, with the value a literal source shows', () => {
  it('array and object patterns, renamed keys, nested, defaults, rests, holes', () => {
    expect(written('[a.b, , c[0]] = [1, 2, 3];')).toEqual(['a.b=1', 'c[0]=3']);
    expect(written("({ k: o.x, n: { m: o.y }, z: o.z = 'd' } = { k: 'v', n: { m: 'w' } });")).toEqual(["o.x='v'", "o.y='w'", 'o.z=?']);
    expect(written('[o.a = 1, ...o.rest] = [2, 3];')).toEqual(['o.a=2', 'o.rest=?']);
    expect(written('({ ...o.rest } = src);')).toEqual(['o.rest=?']);
    expect(written('[...[o.a]] = [1];')).toEqual(['o.a=?']);
    expect(written('({ [k]: o.a } = { a: 1 });')).toEqual(['o.a=?']);
    expect(written('[o.a, o.b] = [...x, 1];')).toEqual(['o.a=?', 'o.b=?']);
  });
  it('loop heads: the only element of a literal is the value; otherwise unseen', () => {
    expect(written("for (o.a of ['v']);")).toEqual(["o.a='v'"]);
    expect(written("for (o.a of ['v', 'w']);")).toEqual(['o.a=?']);
    expect(written("for ([o.a] of [['v']]);")).toEqual(["o.a='v'"]);
    expect(written("for (o.a in { k: 1 });")).toEqual(['o.a=?']);
    expect(written('for (const a of list);')).toEqual([]);
  });
  it('a plain assignment is not a pattern', () => {
    expect(written('o.a = [1];')).toEqual([]);
  });
});

describe('launch settings written through a pattern target or a loop head', () => {
  const followedWrites: Array<[string, string]> = [
    ['object destructuring, same key', `({ NODE_OPTIONS: process.env.NODE_OPTIONS } = { NODE_OPTIONS: '--require ' + ${PRE} });`],
    ['object destructuring, renamed key', `({ preload: process.env.NODE_OPTIONS } = { preload: '--require ' + ${PRE} });`],
    ['array destructuring', `[process.env.NODE_OPTIONS] = ['--require ' + ${PRE}];`],
    ['nested with a default', `({ a: [process.env.NODE_OPTIONS = 'x'] } = { a: ['--require ' + ${PRE}] });`],
    ['a for…of head', `for (process.env.NODE_OPTIONS of ['--require ' + ${PRE}]);`],
    ['&&=', `process.env.NODE_OPTIONS &&= '--require ' + ${PRE};`],
  ];
  for (const [name, text] of followedWrites) it(`${name}: the preload is followed`, () => expect(entries(`${CJS}${text}\ncp.spawnSync(process.execPath, [${CLEAN}]);`)).toEqual(followed('./pre.cjs', './clean.cjs')));

  const unseen: Array<[string, string]> = [
    ['a rest into process.env', `({ ...process.env } = loadEnv());`],
    ['a for…of head over a list', `for (process.env.NODE_OPTIONS of flags);`],
    ['a destructured value not written out', `[process.env.NODE_OPTIONS] = loadFlags();`],
    ['process.execArgv elements', `[process.execArgv[0], process.execArgv[1]] = ['--require', ${PRE}];`],
    ['a process.execArgv element by index', `process.execArgv[0] = '--require';`],
    ['a for…in head into execArgv', `for (process.execArgv[0] in { '--require': 1 });`],
    ['execArgv of an options object that reaches a starter', `const opts = {};\n({ flags: opts.execArgv } = load());\ncp.fork(${CLEAN}, [], opts);`],
  ];
  for (const [name, text] of unseen) it(`${name}: UNANALYZED`, () => expect(entries(`${CJS}${text}\ncp.fork(${CLEAN});`).unanalyzed).toBe(true));

  it('look-alike: NODE_OPTIONS destructured into a local record only counted is data', () => {
    expect(entries("const local = {};\n({ NODE_OPTIONS: local.NODE_OPTIONS } = { NODE_OPTIONS: '--require ./pre.cjs' });\nconsole.log(Object.keys(local).length);")).toEqual(untouched);
    expect(entries("const local = {};\n[local.NODE_OPTIONS] = ['--require ./pre.cjs'];\nfor (local.execArgv of [['--require', './pre.cjs']]);\nconsole.log(Object.keys(local).length);")).toEqual(untouched);
  });
  it('cluster.settings.exec written through a pattern names the workers file; unseen fails closed', () => {
    const cluster = "const path = require('node:path');\nconst cluster = require('node:cluster');\n";
    expect(entries(`${cluster}[cluster.settings.exec] = [${JOB}];\ncluster.fork();`)).toEqual(followed('./job.cjs'));
    expect(entries(`${cluster}({ file: cluster.settings.exec } = load());\ncluster.fork();`).unanalyzed).toBe(true);
  });
  it('negative controls: other keys written through patterns are no launch setting', () => {
    expect(entries(`${CJS}({ DEBUG: process.env.DEBUG } = { DEBUG: 'app:*' });\n[process.env.LANG] = ['C'];\ncp.spawnSync(process.execPath, [${CLEAN}]);`)).toEqual(followed('./clean.cjs'));
  });
});

describe('the argument array written through a pattern target, or escaping into a holder', () => {
  const changed: Array<[string, string]> = [
    ['array destructuring of an element', `[args[0]] = [${JOB}];`],
    ['object destructuring of an element', `({ file: args[0] } = { file: ${JOB} });`],
    ['a default in a pattern', `[args[0] = ${JOB}] = [];`],
    ['a rest into an element', `[...args[0]] = [${JOB}];`],
    ['a for…of head', `for (args[0] of [${JOB}]);`],
    ['a for…in head', `for (args[0] in { x: 1 });`],
    ['++', 'args[0]++;'],
    ['delete', 'delete args[0];'],
    ['held by an object literal', `const holder = { args };\nholder.args.unshift('--require', ${PRE});`],
    ['held by a property of an object literal', `const holder = { list: args };\nholder.list.unshift('--require', ${PRE});`],
    ['held by an array literal', `for (const list of [args]) list.unshift('--require', ${PRE});`],
    ['a with statement', `with (args) unshift('--require', ${PRE});`],
    ['passed on by ||', `const list = extra || args;\nlist.unshift('--require', ${PRE});`],
    ['a conditional', `(flag ? args : []).unshift('--require', ${PRE});`],
    ['handed to a holder given to an unknown function', `keep({ args });`],
    ['yielded', `function* g() { yield args; }`],
  ];
  for (const [name, text] of changed) it(`${name}: UNANALYZED`, () => expect(entries(`${CJS}const args = [${CLEAN}];\n${text}\ncp.spawnSync(process.execPath, args);`).unanalyzed).toBe(true));

  it('negative controls: reads of the array leave it as written', () => {
    const reads = [
      'console.log([...args], `${args}`, typeof args, !args, args.length, args[0] === "x");',
      'for (const word of args) console.log(word);',
      'if (args) console.log(JSON.stringify({ args }));',
      'const copy = { list: [...args] };\ncopy.list.unshift("--inspect");',
      'const [first] = args;\nconsole.log(first);',
    ];
    for (const read of reads) expect(entries(`${CJS}const args = [${CLEAN}];\n${read}\ncp.spawnSync(process.execPath, args);`)).toEqual(followed('./clean.cjs'));
  });
  it('an environment held by the starter options, and by a const only handed to the starter, stays read', () => {
    const direct = entries(`${CJS}const env = { ...process.env, NODE_OPTIONS: '--require ' + ${PRE} };\ncp.spawnSync(process.execPath, [${CLEAN}], { env });`);
    expect({ edges: new Set(direct.edges), unanalyzed: direct.unanalyzed }).toEqual({ edges: new Set(['./pre.cjs', './clean.cjs']), unanalyzed: false });
    const held = entries(`${CJS}const env = { ...process.env, NODE_OPTIONS: '--require ' + ${PRE} };\nconst opts = { env, stdio: 'inherit' };\ncp.spawnSync(process.execPath, [${CLEAN}], opts);`);
    expect({ edges: new Set(held.edges), unanalyzed: held.unanalyzed }).toEqual({ edges: new Set(['./pre.cjs', './clean.cjs']), unanalyzed: false });
  });
});

describe('Node named by /proc/self/exe', () => {
  for (const program of ["'/proc/self/exe'", "'/proc/thread-self/exe'", '`/proc/${process.pid}/exe`', "'/proc/' + process.pid + '/exe'"]) {
    it(`${program}: the entry is followed`, () => expect(entries(`${CJS}cp.spawnSync(${program}, [${JOB}]);`)).toEqual(followed('./job.cjs')));
  }
  it('negative control: another file under /proc is no program of Node', () => {
    expect(entries(`${CJS}cp.spawnSync('/proc/self/status', [${JOB}]);`)).toEqual(untouched);
  });
});
