import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 17 (issue #10, `stdio17-stdout-array-element-constructor`): `[process.stdout][0].constructor`.
 * Choice 69 judged a standard stream taken apart where it is read, or through names it is copied into; a
 * stream written into a container (or handed to a call, or returned) and taken apart out of it got
 * through. A container, a call's result and a function that returns the stream hold it (choice 76):
 * whatever comes out of them is judged as the stream.
 */
const capabilitiesOf = (text: string, file = 'lib/a.cjs'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

type Row = readonly [string, string];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));

describe('a standard stream taken apart out of what holds it reaches the network', () => {
  each([
    ['the row: `[process.stdout][0].constructor`', "const S = [process.stdout][0].constructor;\nnew S().connect(59999, '127.0.0.1');"],
    ['an object literal property read at once', 'const S = ({ s: process.stdout }).s.constructor;\nnew S();'],
    ['an object literal kept in a name', 'const box = { s: process.stdout };\nconst S = box.s.constructor;\nnew S();'],
    ['a shorthand property of an imported stream', "import { stderr } from 'node:process';\nconst box = { stderr };\nexport const p = Object.getPrototypeOf(box.stderr);"],
    ['a `Map` built from entries', "const m = new Map([['s', process.stdout]]);\nconst S = m.get('s').constructor;\nnew S();"],
    ['a `Set` iterated', 'const set = new Set([process.stderr]);\nfor (const s of set) new s.constructor();'],
    ['a spread into another array', 'const S = [...[process.stdout]][0].constructor;\nnew S();'],
    ['destructured from an array', 'const [s] = [process.stdout];\nnew s.constructor();'],
    ['`Array.of`', 'const S = Array.of(process.stdin)[0].constructor;\nnew S();'],
    ['`.at(0)`', 'const S = [process.stdout].at(0).constructor;\nnew S();'],
    ['`.find(Boolean)`', 'const S = [process.stdout].find(Boolean).constructor;\nnew S();'],
    ['returned by an arrow kept in a name', 'const get = () => process.stdout;\nconst S = get().constructor;\nnew S();'],
    ['returned by a function declaration', 'function get() {\n  return process.stdout;\n}\nObject.getPrototypeOf(get());'],
    ['returned by a function called at once', 'Object.getPrototypeOf((() => process.stderr)());'],
    ["returned by an object literal's method", 'const o = { get() { return process.stdout; } };\nnew (o.get().constructor)();'],
    ['handed through an identity call', 'const id = (x) => x;\nid(process.stdout).connect(59999);'],
    ['`connect` read out of an array', 'const box = [process.stdout];\nbox[0].connect(59999);'],
    ['`__proto__` of an element', 'const all = [process.stdout, process.stderr];\nmodule.exports = all[1].__proto__;'],
    ["a callback of an array's method", '[process.stdout].forEach((s) => {\n  module.exports = Object.getPrototypeOf(s);\n});'],
    ["a promise's callback", 'Promise.resolve(process.stderr).then((s) => new s.constructor());'],
    ['nested arrays', 'const S = [[process.stdout]][0][0].constructor;\nnew S();'],
  ] as Row[])('%s', (_name, [, code]) => {
    const file = code.includes('import ') ? 'lib/a.ts' : 'lib/a.cjs';
    expect(capabilitiesOf(code, file)).toContain('NETWORK');
  });
});

describe('a standard stream held and only used as a stream stays pure (choice 4)', () => {
  each([
    ['streams in an array, each written', "const streams = [process.stdout, process.stderr];\nfor (const s of streams) s.write('x');\nstreams[0].write('y');"],
    ['an element picked by a run-time index and written', "const streams = [process.stdout, process.stderr];\nfunction out(i) {\n  streams[i].write('x');\n}\nout(1);"],
    ['readline over the process streams', "const readline = require('node:readline');\nconst rl = readline.createInterface({ input: process.stdin, output: process.stdout });\nrl.question('?', () => rl.close());"],
    ["only the constructor's name read out of a container", 'const box = { s: process.stdout };\nconsole.log(box.s.constructor.name);'],
    ['a function returning the stream, written to', "const get = () => process.stdout;\nget().write('x');"],
    ["an array's length", 'console.log([process.stdout].length);'],
    ["an array's callback that writes", "[process.stdout, process.stderr].forEach((s) => s.write('x'));"],
    ['destructured and listened on', "const [out] = [process.stdout];\nout.on('drain', () => undefined);"],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).toEqual([]));
});
