import { describe, expect, it } from 'vitest';
import { entries } from './entries/entry-facts.js';

// Round 17 (`launch17-patch-*`, docs/choices.md 67): on Linux `path`, `path.posix`, `path.win32.posix`
// and `path.posix.posix` are one object, so the posix namespace reached by any spelling (a chain of
// `posix`/`win32` members, a destructured `posix`, a `const` holding one) is the module the launch
// evaluator computes with, and replacing its `join` is UNANALYZED where written.
const unanalyzed = (code: string): boolean => entries(`const path = require('node:path');\n${code}`, 'src/patch.cjs').unanalyzed;

describe('the posix namespace of node:path by another spelling, replaced', () => {
  const cases: Array<[string, string]> = [
    ['path.win32.posix.join = … (the row)', 'path.win32.posix.join = () => "/tmp/job.cjs";'],
    ['path.posix.posix.join = … (the row)', 'path.posix.posix.join = () => "/tmp/job.cjs";'],
    ['const p = path.posix; p.join = … (the row)', 'const p = path.posix;\np.join = () => "/tmp/job.cjs";'],
    ["const { posix } = require('node:path'); posix.join = … (the row)", "const { posix } = require('node:path');\nposix.join = () => '/tmp/job.cjs';"],
    ['Object.assign(path.win32.posix, …) (the row)', 'Object.assign(path.win32.posix, { join: () => "/tmp/job.cjs" });'],
    ["path['win32']['posix'].resolve = …", "path['win32']['posix'].resolve = () => '/tmp/job.cjs';"],
    ['const w = path.win32; w.posix.dirname = …', 'const w = path.win32;\nw.posix.dirname = () => "/tmp";'],
    ["const { win32 } = require('node:path'); Reflect.set(win32.posix, 'join', …)", "const { win32 } = require('node:path');\nReflect.set(win32.posix, 'join', () => '/tmp/job.cjs');"],
    ["require('node:path/win32').posix.join = …", "require('node:path/win32').posix.join = () => '/tmp/job.cjs';"],
  ];
  for (const [name, code] of cases) it(name, () => expect(unanalyzed(code)).toBe(true));
});

describe('negative controls: the win32 namespace and local objects', () => {
  const cases: Array<[string, string]> = [
    ['path.win32.join = … (the evaluator never computes win32)', 'path.win32.join = () => "x";'],
    ['a const holding a local object named posix', 'const posix = { join: () => "a" };\nposix.join = () => "b";'],
    ['a local object whose member is called posix', 'const mine = { posix: {} };\nmine.posix.join = () => "x";'],
    ['reading path.win32.posix.join', 'const j = path.win32.posix.join;\nconsole.log(j(__dirname, "x"));'],
  ];
  for (const [name, code] of cases) it(name, () => expect(unanalyzed(code)).toBe(false));
});
