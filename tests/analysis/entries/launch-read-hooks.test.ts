import { describe, expect, it } from 'vitest';
import { entries, followed } from './entry-facts.js';

// Round 14 (issue #11, docs/choices.md 35): uses choice 28 counted as reads that run the program's
// code with the launch value itself. Each class has cases and negative controls (the same read, no
// code of the program given the value).
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\nconst pre = path.join(__dirname, 'pre.cjs');\nconst clean = path.join(__dirname, 'clean.cjs');\n";
const START = 'cp.spawnSync(process.execPath, args);';
const FORK = 'cp.fork(clean, []);';
const unanalyzed = (text: string): boolean => entries(CJS + text).unanalyzed;

describe('a read that hands the argument array to code of the program fails closed', () => {
  const handOffs: Array<[string, string]> = [
    ['forEach with the array parameter', "args.forEach((value, index, list) => list.unshift('--require', pre));"],
    ['map with the array parameter', "args.map((value, index, list) => list.push('x'));"],
    ['findLast with the array parameter', "args.findLast((value, index, list) => { list[0] = pre; });"],
    ['reduce with the array as fourth parameter', 'args.reduce((sum, value, index, list) => { list[index] = pre; return sum; }, 0);'],
    ['reduceRight with the array as fourth parameter', "args.reduceRight((sum, value, index, list) => list.unshift('-r', pre), 0);"],
    ['every with a rest parameter', "args.every((...all) => all[2].unshift('-r', pre));"],
    ['some with a function reading arguments', "args.some(function (value) { arguments[2].unshift('-r', pre); });"],
    ['filter with a named function', 'args.filter(tweak);'],
    ['the parameter handed on from the callback', 'args.forEach((value, index, list) => tweak(list));'],
    ['JSON.stringify with a replacer', "JSON.stringify(args, (key, value) => { if (key === '') value.unshift('-r', pre); return value; });"],
    ['JSON.stringify of a literal holding it, with a replacer', 'JSON.stringify({ args }, replacer);'],
    ['instanceof a class of the program', 'if (args instanceof Tweak) console.log(1);'],
    ['instanceof a shadowed Array', 'function f(Array) { return args instanceof Array; }'],
    ['a tagged template', 'note`${args}`;'],
    ['a literal holding it iterated', "for (const list of [args]) list.unshift('-r', pre);"],
  ];
  for (const [name, text] of handOffs) it(`${name}: UNANALYZED`, () => expect(unanalyzed(`const args = [clean];\n${text}\n${START}`)).toBe(true));

  it('negative controls: callbacks that stop before the array, reads of the parameter, builtin callbacks, no replacer, a builtin class, an untagged template, String.raw', () => {
    const reads = [
      "args.forEach((value, index) => console.log(index, value));",
      'args.forEach((value, index, list) => console.log(index, list.length, list[0]));',
      'args.reduce((sum, value, index) => sum + index, 0);',
      'console.log(args.filter(Boolean).length);',
      'console.log(JSON.stringify(args), JSON.stringify(args, null, 2));',
      "if (args instanceof Array) console.log('list');",
      'console.log(`${args}`, String.raw`${args}`);',
      'console.log(Array.from(args, (value, index) => index));',
      'const count = (list) => list.length;\nconsole.log(count(args));',
    ];
    for (const read of reads) expect(entries(`${CJS}const args = [clean];\n${read}\n${START}`), read).toEqual(followed('./clean.cjs'));
  });

  it('an env given to a replacer fails closed; printed without one it is read', () => {
    expect(unanalyzed('const env = { ...process.env };\nJSON.stringify(env, (key, value) => (key === \'\' ? Object.assign(value, extra) : value));\ncp.spawnSync(process.execPath, [clean], { env });')).toBe(true);
    expect(entries(`${CJS}const env = { ...process.env };\nconsole.log(JSON.stringify(env));\ncp.spawnSync(process.execPath, [clean], { env });`)).toEqual(followed('./clean.cjs'));
  });
});

describe('process.execArgv handed to code that may change it fails closed', () => {
  const handOffs: Array<[string, string]> = [
    ['a function of the file', "function addPreload(flags) { flags.push('--require', pre); }\naddPreload(process.execArgv);"],
    ['an imported function', 'require(\'./tweak.cjs\')(process.execArgv);'],
    ['an array literal handed to a function', 'tweak([process.execArgv]);'],
    ['an array literal iterated', "for (const flags of [process.execArgv]) flags.push('--require', pre);"],
    ['an object literal kept', 'const holder = { flags: process.execArgv };\ntweak(holder);'],
    ['a JSON.stringify replacer', "JSON.stringify(process.execArgv, (key, value) => { if (key === '') value.push('--require', pre); return value; });"],
    ['instanceof a class of the program', 'if (process.execArgv instanceof Tweak) console.log(1);'],
    ['a callback given the array', "process.execArgv.forEach((flag, index, list) => list.push('-r', pre));"],
    ['a const alias handed on', 'const flags = process.execArgv;\ntweak(flags);'],
    ['a local function that hands its parameter on', 'function pass(flags) { tweak(flags); }\npass(process.execArgv);'],
    ['a function called through .call', 'tweak.call(null, process.execArgv);'],
    ['Reflect.apply with the list in its arguments', 'Reflect.apply(tweak, null, [process.execArgv]);'],
    ['a local function reading arguments', "function add() { arguments[0].push('-r', pre); }\nadd(process.execArgv);"],
  ];
  for (const [name, text] of handOffs) it(`${name}: UNANALYZED`, () => expect(unanalyzed(`${text}\n${FORK}`)).toBe(true));

  it('negative controls: printed, counted, copied, filtered with a builtin, tested against Array, spread into a new list', () => {
    const reads = [
      'console.log(process.execArgv, JSON.stringify(process.execArgv));',
      'console.log(process.execArgv.length, process.execArgv.includes(\'--inspect\'));',
      "const flags = process.execArgv.filter(Boolean);\nflags.push('--require', pre);",
      'if (process.execArgv instanceof Array) console.log(1);',
      'for (const flag of process.execArgv) console.log(flag);',
      'process.execArgv.forEach((flag) => console.log(flag));',
      'const copy = [...process.execArgv];\ntweak(copy);',
      "function hasFlag(flags, flag) { return flags.includes(flag); }\nconsole.log(hasFlag(process.execArgv, '--jitless'));",
      'tweak({ flags: [...process.execArgv] });',
    ];
    for (const read of reads) expect(entries(`${CJS}${read}\n${FORK}`), read).toEqual(followed('./clean.cjs'));
  });
});

describe('an alias of process.execArgv or process.env through a choice of values is the object itself (launch15-execargv-or-alias)', () => {
  const aliases: Array<[string, string]> = [
    ['|| []', "const flags = process.execArgv || [];\nflags.push('--require', pre);"],
    ['?? []', "const flags = process.execArgv ?? [];\nflags.unshift('--require', pre);"],
    ['?:', "const flags = process.env.X ? [] : process.execArgv;\nflags.push('--require', pre);"],
    ['an index write through ||', "const flags = process.execArgv || [];\nflags[0] = '--require';"],
  ];
  for (const [name, text] of aliases) it(`${name}: UNANALYZED`, () => expect(unanalyzed(`${text}\n${FORK}`)).toBe(true));
  it('process.env through || is followed as process.env', () => {
    expect(entries(`${CJS}const env = process.env || {};\nenv.NODE_OPTIONS = '--require ' + pre;\n${FORK}`).edges).toContain('./pre.cjs');
  });
  it('look-alike: a copy through || changes only the copy', () => {
    expect(entries(`${CJS}const flags = process.execArgv.slice() || [];\nflags.push('--require', pre);\n${FORK}`)).toEqual(followed('./clean.cjs'));
  });
});

describe('a builtin prototype replaced in the file makes its launch consts UNANALYZED', () => {
  const patches: Array<[string, string]> = [
    ['Array.prototype.join', 'Array.prototype.join = function () { this.unshift(\'-r\', pre); return \'\'; };\nconsole.log(`${args}`);'],
    ['Array.prototype.toString', 'Array.prototype.toString = tweak;\nif (args == \'x\') console.log(1);'],
    ['Array.prototype[Symbol.iterator] by defineProperty', 'Object.defineProperty(Array.prototype, Symbol.iterator, { value: tweak });\nfor (const word of args) console.log(word);'],
    ['Array.prototype[Symbol.iterator] by assignment', 'Array.prototype[Symbol.iterator] = tweak;\nconsole.log(...args);'],
    ['Array.prototype.push (the replay trusts it)', "Array.prototype.push = Array.prototype.unshift;\nargs.push('--require', pre);"],
    ['Object.prototype.toString', 'Object.prototype.toString = tweak;'],
    ['Function.prototype[Symbol.hasInstance] by Reflect.defineProperty', 'Reflect.defineProperty(Function.prototype, Symbol.hasInstance, { value: tweak });\nif (args instanceof Array) console.log(1);'],
    ['globalThis.Array.prototype', "globalThis.Array.prototype['join'] = tweak;"],
  ];
  for (const [name, text] of patches) it(`${name}: UNANALYZED`, () => expect(unanalyzed(`const args = [clean];\n${text}\n${START}`)).toBe(true));

  it('negative controls: a prototype of the program written, a builtin method only read', () => {
    expect(entries(`${CJS}function Job() {}\nJob.prototype.run = function () {};\nconst args = [clean];\n${START}`)).toEqual(followed('./clean.cjs'));
    expect(entries(`${CJS}const join = Array.prototype.join;\nconst args = [clean];\nconsole.log(args.join(' '), typeof join);\n${START}`)).toEqual(followed('./clean.cjs'));
  });
});

// Round 15 (launch15-patch-*): choice 35's scope is the program. A write to a member of a shared
// prototype, by any spelling, is UNANALYZED where it is written, in any module (it changes every
// launch of the process that loads it); its importers get it through the graph.
describe('a builtin prototype patched by any spelling is UNANALYZED in any module', () => {
  const patchModules: Array<[string, string]> = [
    ['Array.prototype.push', 'Array.prototype.push = Array.prototype.unshift;'],
    ['Object.getPrototypeOf([])', 'Object.getPrototypeOf([]).push = [].unshift;'],
    ['Reflect.getPrototypeOf of an argument list', "const list = ['x'];\nReflect.getPrototypeOf(list).join = tweak;"],
    ['getPrototypeOf of a builtin constructor (Function.prototype)', 'Object.getPrototypeOf(Array).call = tweak;'],
    ['[].__proto__', '[].__proto__.push = [].unshift;'],
    ['a const alias', 'const AP = Array.prototype;\nAP.push = AP.unshift;'],
    ['an alias of an alias of getPrototypeOf', 'const P = Object.getPrototypeOf([]);\nconst Q = P;\nQ[Symbol.iterator] = tweak;'],
    ['x.constructor.prototype', '[].constructor.prototype.join = tweak;'],
    ['the array iterator prototype', 'Object.getPrototypeOf([][Symbol.iterator]()).next = tweak;'],
    ['__defineGetter__', "Array.prototype.__defineGetter__('length', tweak);"],
    ['Function.prototype by ||=', 'Function.prototype.call ||= tweak;'],
    ['Object.defineProperty through an alias', "const AP = Array.prototype;\nObject.defineProperty(AP, 'join', { value: tweak });"],
    ['inside a function', 'function install() { const AP = Array.prototype; AP.join = tweak; }\ninstall();'],
  ];
  for (const [name, text] of patchModules) it(`${name}: UNANALYZED in a module with no launch`, () => expect(entries(text, 'src/patch.cjs').unanalyzed).toBe(true));

  it('the row shapes: the same-file spellings also make the launch UNANALYZED', () => {
    for (const patch of ['Object.getPrototypeOf([]).push = [].unshift;', '[].__proto__.push = [].unshift;', 'const AP = Array.prototype;\nAP.push = AP.unshift;']) {
      expect(unanalyzed(`${patch}\nconst args = [clean];\nargs.push('--require', pre);\n${START}`), patch).toBe(true);
    }
  });

  it('look-alikes: a prototype of the program, a local class named Array, a prototype only read, an object\'s own __proto__ set', () => {
    for (const text of [
      'function Job() {}\nJob.prototype.run = function () {};\nObject.defineProperty(Job.prototype, "name", { value: "job" });',
      'class Array {}\nArray.prototype.run = function () {};',
      // A new key planted on Array.prototype: read only by code that names it.
      "Array.prototype.tag = 'x';\nArray.prototype.first = function () { return this[0]; };\nObject.defineProperty(Array.prototype, 'last', { value: 1 });",
      'const AP = Array.prototype;\nconsole.log(typeof AP.push, Object.getPrototypeOf([]) === AP);',
      'const record = {};\nrecord.__proto__ = null;',
      'const proto = Object.getPrototypeOf(instance);\nconsole.log(proto.constructor.name);',
      // zod's and handlebars' method installers: the prototype of the program's own instance.
      "const proto = Object.getPrototypeOf(inst);\nObject.defineProperty(proto, 'toString', { get() { return 1; } });",
      'class Job { install() { Object.getPrototypeOf(this).run = function () {}; } }',
    ]) expect(entries(text, 'src/lookalike.cjs').unanalyzed, text).toBe(false);
  });
});
