import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { entries } from './entries/entry-facts.js';

// Round 16 (fix16c, docs/choices.md 67): the launch evaluator computes `path.join`, `path.resolve`,
// `url.fileURLToPath`… itself. A builtin module's object is one per process, so a replacement written in
// any module (the patch module, or the entry) is UNANALYZED where it is written.
const unanalyzed = (code: string): boolean => entries(`const path = require('node:path');\nconst url = require('node:url');\n${code}`, 'src/patch.cjs').unanalyzed;

describe('a function the launch evaluator computes, replaced on the shared module object', () => {
  const cases: Array<[string, string]> = [
    ['path.join = … (the row)', 'const join = path.join;\npath.join = (...parts) => join(parts[0], "job.cjs");'],
    ['path.resolve = … in the entry (the row)', 'const resolve = path.resolve;\npath.resolve = (...parts) => resolve(parts[0], "job.cjs");'],
    ['path.posix.join = … (the row)', 'path.posix.join = () => "/tmp/job.cjs";'],
    ['Object.assign(path, { join }) (the row)', 'Object.assign(path, { join: () => "/tmp/job.cjs" });'],
    ["path['dirname'] = …", "path['dirname'] = () => '/tmp';"],
    ["require('node:path').join = …", "require('node:path').join = () => '/tmp/job.cjs';"],
    ["Object.defineProperty(path, 'resolve', …)", "Object.defineProperty(path, 'resolve', { value: () => '/tmp/job.cjs' });"],
    ["Reflect.set(path.posix, 'join', …)", "Reflect.set(path.posix, 'join', () => '/tmp/job.cjs');"],
    ['url.fileURLToPath = …', 'url.fileURLToPath = () => "/tmp/job.cjs";'],
    ['Object.assign(path, source) with a source not written out', 'Object.assign(path, globalThis.source);'],
    ["path.__defineGetter__('join', …)", "path.__defineGetter__('join', () => () => '/tmp/job.cjs');"],
    ['[path.join] = [f] (a destructuring assignment)', '[path.join] = [() => "/tmp/job.cjs"];'],
    ['({ r: path.resolve } = o)', '({ r: path.resolve } = { r: () => "/tmp/job.cjs" });'],
    ['with (path) { join = f } (sloppy)', 'const join = path.join;\nwith (path) { join = () => "/tmp/job.cjs"; }'],
  ];
  for (const [name, code] of cases) it(name, () => expect(unanalyzed(code)).toBe(true));
});

describe('negative controls: writes that replace nothing the evaluator computes', () => {
  const cases: Array<[string, string]> = [
    ['a member of the project’s own object', 'const mine = { join: path.join };\nmine.join = () => "x";'],
    ['a local named path', '{ const path = { join() { return "x"; } };\npath.join = () => "y"; }'],
    ['Object.assign into a fresh object', 'const copy = Object.assign({}, path);\ncopy.join = () => "x";'],
    ['a key the evaluator never calls', "Object.assign(path, { extname2: () => '.js' });"],
    ['reading path.join', 'const j = path.join;\nconsole.log(j(__dirname, "x"));'],
    ['with (path) assigning a name the module lacks', 'let out;\nwith (path) { out = join(__dirname, "x"); }'],
  ];
  for (const [name, code] of cases) it(name, () => expect(unanalyzed(code)).toBe(false));
});

describe('a module named by `join` of an array literal of constants is that module (Array.prototype.join patches are UNANALYZED where written)', () => {
  const run = (code: string): { capabilities: string[]; specifiers: Array<string | null> } => {
    const facts = analyzeSourceFile(parseSourceText('src/a.cjs', code), { policy: RECOMMENDED_POLICY, relativePath: 'src/a.cjs' });
    return { capabilities: facts.findings.map((finding) => finding.capability ?? ''), specifiers: facts.references.map((reference) => reference.specifier) };
  };
  it("require(['node:', 'path'].join('')) (the look-alike) loads node:path and reaches nothing", () => {
    expect(run("if (require(['node:', 'path'].join('')).join('a', 'b') === '') console.log('never');")).toEqual({ capabilities: [], specifiers: ['node:path'] });
  });
  it('the same spelling of a capability module is judged as the module', () => {
    expect(run("require(['child', '_process'].join('')).execSync('ls');").capabilities).toEqual(['EXEC']);
    expect(run("const cp = require(['node:', 'child_process'].join('')); cp.execSync('ls');").capabilities).toEqual(['EXEC']);
    expect(run("require(['node:', 'net'].join('')).connect(1);").capabilities).toEqual(['NETWORK']);
  });
  it('a piece not constant stays UNANALYZED', () => {
    expect(run("require([process.argv[2], 'net'].join(''));")).toEqual({ capabilities: ['UNANALYZED'], specifiers: [null] });
  });
});
