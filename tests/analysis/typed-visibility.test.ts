import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createCapabilityVisibility } from '../../analysis/typed/capability-visibility.js';
import { analyzeTypedSourceFile } from '../../analysis/typed/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { TYPED_OPTIONS, capabilitiesOf } from './typed-program.js';

/**
 * The pre-pass that spares the checker files which can see no capability: every way a type can
 * reach a file without the file naming a capability (an import, a barrel, a project global, a
 * module augmentation, a global augmentation of the literal types) keeps the file typed; a
 * file that names none keeps only the syntax. file → [code, may see a capability, typed capabilities].
 */
const CASES: Record<string, readonly [code: string, visible: boolean, typed: readonly string[]]> = {
  'pure.ts': ['export const twice = (n: number): number => n * 2;\nexport const keys = Object.keys({ a: 1 });', false, []],
  'imports-pure.ts': ["import { twice } from './pure.js';\nexport const four = twice(2);", false, []],
  // A read of what every function inherits leads nowhere; the constructor itself does.
  'function-prototype.ts': ['export const toText = (f: () => void): string => Function.prototype.toString.call(f);\nexport const takes = (f: Function): Function => f;', false, []],
  'function-value.ts': ['const F = Function;\nexport const make = (code: string): unknown => new F(code);', true, ['DYNAMIC_CODE']],
  'barrel.ts': ["export { exec } from 'node:child_process';", true, ['EXEC']],
  'through-barrel.ts': ["import { exec } from './barrel.js';\nexport const run = (): unknown => exec('ls');", true, ['EXEC']],
  'two-hops.ts': ["import { run } from './through-barrel.js';\nexport const again = run;", true, []],
  // A global the project declares itself, typed by a capability: named nowhere in the user.
  'globals.d.ts': ['declare const projectFetch: typeof fetch;', true, []],
  'uses-project-global.ts': ["export const r = projectFetch('https://example.com');", true, ['NETWORK']],
  // A module augmentation adds to the augmented module's types: its importers see them.
  'box.ts': ['export interface Box { size: number }\nexport const box = { size: 1 } as Box;', true, []],
  'augments-box.ts': ["declare module './box.js' {\n  interface Box { run: typeof import('node:child_process').execSync }\n}\nexport {};", true, []],
  'uses-box.ts': ["import { box } from './box.js';\nexport const out = (): unknown => box.run('ls');", true, ['EXEC']],
  'typed-window-parameter.ts': ["export const send = (w: Window): unknown => w.fetch('https://example.com');", true, ['NETWORK']],
  'jsx-free-dom.ts': ["export const grab = (e: UIEvent): unknown => e.view?.fetch('https://example.com');", true, ['NETWORK']],
  // A package is judged by what the file takes from it: the declaration files of its bindings and what they refer to.
  'uses-reexported-cp.ts': ["import { execSync } from 'reexports-cp';\nexport const out = (): unknown => execSync('ls');", true, ['EXEC']],
  'namespace-reexported-cp.ts': ["import * as cp from 'reexports-cp';\nexport const out = (): unknown => cp.execSync('ls');", true, ['EXEC']],
  'uses-cp-in-type.ts': ["import { tools } from 'cp-in-type';\nexport const out = (): unknown => tools().run('ls');", true, ['EXEC']],
  'uses-via-global.ts': ["import { root } from 'via-global';\nexport const out = (): unknown => root.fetch('https://example.com');", true, ['NETWORK']],
  'uses-referenced.ts': ["import { n } from 'referenced';\nexport const m = n;", true, []],
  'uses-pure-of-cp-package.ts': ["import { pure } from 'named-cp';\nexport const twice = pure * 2;", true, []],
  // Its own `Range` is not the DOM's.
  'uses-pure-types.ts': ["import { add, span, type Point } from 'pure-types';\nexport const p: Point = add({ x: 1, y: 2 }, { x: 3, y: 4 });\nexport const s = span({ from: 1, to: 2 });", false, []],
  'side-effect-import.ts': ["import 'reexports-cp';\nexport const k = 1;", false, []],
  // A project binding is judged by what its declaration names, not by the rest of its module.
  'mixed-barrel.ts': ["export { twice } from './pure.js';\nexport { exec } from 'node:child_process';", true, ['EXEC']],
  'uses-mixed-barrel.ts': ["import { twice } from './mixed-barrel.js';\nexport const eight = twice(4);", false, []],
  'holds-exec.ts': ["import { execSync } from 'node:child_process';\nexport const tools = { run: execSync };\nexport const size = 3;", true, ['EXEC']],
  'uses-size-beside-exec.ts': ["import { size } from './holds-exec.js';\nexport const n = size + 1;", false, []],
  'uses-held-exec.ts': ["import { tools } from './holds-exec.js';\nexport const out = (): unknown => tools.run('ls');", true, ['EXEC']],
  'aliases-held-exec.ts': ["import { tools } from './holds-exec.js';\nconst box = tools;\nexport const again = { box };", true, []],
  'holds-shorthand.ts': ["import { execSync } from 'node:child_process';\nexport const kit = { execSync };", true, ['EXEC']],
  'uses-shorthand.ts': ["import { kit } from './holds-shorthand.js';\nexport const out = (): unknown => kit.execSync('ls');", true, ['EXEC']],
  'holds-module-type.ts': ["export type Tools = typeof import('node:child_process');\nexport const load = () => import('node:child_process');", true, ['EXEC']],
  'uses-module-type.ts': ["import type { Tools } from './holds-module-type.js';\nexport const out = (tools: Tools): unknown => tools.execSync('ls');", true, ['EXEC']],
  'uses-loader.ts': ["import { load } from './holds-module-type.js';\nexport const out = async (): Promise<unknown> => (await load()).execSync('ls');", true, ['EXEC']],
  // A module's export declared inside `declare module 'node:child_process'` of a script is not a global: `.bind` is no pure member read of it.
  'binds-spawn.ts': ["import { spawnSync } from 'node:child_process';\nexport const shell = spawnSync.bind(null, 'sh');", true, ['EXEC']],
  'uses-bound-spawn.ts': ["import { shell } from './binds-spawn.js';\nexport const out = String(shell(['-c', 'id']).stdout);", true, ['EXEC']],
  'namespace-of-holds-exec.ts': ["import * as held from './holds-exec.js';\nexport const n = held.size;", true, []],
  // An import reaches what the modules it brings in hand to untyped places (a barrel's other modules too), whatever the importer sees itself.
  'hands-off.ts': ["import { execSync } from 'node:child_process';\nexport const bag: unknown[] = [];\nbag.push(execSync);\nexport const one = 1;", true, ['EXEC', 'UNANALYZED']],
  'escape-barrel.ts': ["export { one } from './hands-off.js';\nexport { twice } from './pure.js';", false, ['EXEC']],
  'uses-escape-barrel.ts': ["import { twice } from './escape-barrel.js';\nexport const n = twice(1);", false, ['EXEC']],
  // What the pre-pass must not spare: a capability that reaches a binding's type without its declaration file naming it.
  'uses-chain.ts': ["import { helper } from 'chain';\nexport const out = (): unknown => helper('ls');", true, ['EXEC']],
  'uses-chain-across-packages.ts': ["import { relayed } from 'chain-outer';\nexport const out = (): unknown => relayed('ls');", true, ['EXEC']],
  'uses-export-equals.ts': ["import * as tools from 'export-equals';\nexport const out = (): unknown => tools.execSync('ls');", true, ['EXEC']],
  'uses-export-equals-object.ts': ["import kit from 'export-equals-object';\nexport const out = (): unknown => kit.run('ls');", true, ['EXEC']],
  'uses-package-global.ts': ["import { version } from 'declares-global';\nexport const out = (): unknown => version + String(pkgShell('ls'));", true, ['EXEC']],
  'uses-package-global-type.ts': ["import { shellBox } from 'declares-global-type';\nimport 'global-types';\nexport const out = (): unknown => shellBox.run('ls');", true, ['EXEC']],
  'uses-augmented-package.ts': ["import { make } from 'augmented';\nexport const out = (): unknown => make().run('ls');", true, ['EXEC']],
  'augments-package.ts': ["declare module 'augmented' {\n  interface Made { run: typeof import('node:child_process').execSync }\n}\nexport {};", true, []],
  'uses-package-augmented-by-package.ts': ["import { build } from 'augmented-by-package';\nimport 'augmenter';\nexport const out = (): unknown => build().run('ls');", true, ['EXEC']],
  'uses-augmented-reexport.ts': ["import { produce } from 'augmented-reexport';\nexport const out = (): unknown => produce().run('ls');", true, ['EXEC']],
  'augments-reexport.ts': ["declare module 'augmented-reexport' {\n  interface Produced { run: typeof import('node:child_process').execSync }\n}\nexport {};", true, []],
  // An augmentation of a barrel merges into the file that declares the name: that file's importers see it.
  'gadget.ts': ['export interface Gadget { size: number }\nexport const gadget = { size: 1 } as Gadget;', true, []],
  'gadget-barrel.ts': ["export * from './gadget.js';", true, []],
  'augments-gadget-barrel.ts': ["declare module './gadget-barrel.js' {\n  interface Gadget { run: typeof import('node:child_process').execSync }\n}\nexport {};", true, []],
  'uses-gadget-whole.ts': ["import * as g from './gadget.js';\nexport const out = (): unknown => g.gadget.run('ls');", true, ['EXEC']],
  'uses-namespace-reexport.ts': ["import { cp } from 'namespace-reexport';\nexport const out = (): unknown => cp.execSync('ls');", true, ['EXEC']],
  'namespace-barrel.ts': ["export * as cp from 'node:child_process';\nexport const two = 2;", true, ['EXEC']],
  'uses-namespace-barrel.ts': ["import { cp } from './namespace-barrel.js';\nexport const out = (): unknown => cp.execSync('ls');", true, ['EXEC']],
  'ts-namespace.ts': ["import { execSync } from 'node:child_process';\nexport namespace Tools { export const run = execSync; }\nexport const three = 3;", true, ['EXEC']],
  'uses-ts-namespace.ts': ["import { Tools } from './ts-namespace.js';\nexport const out = (): unknown => Tools.run('ls');", true, ['EXEC']],
  'uses-ambient-shim.ts': ["import 'ambient-shim';\nimport * as shim from 'shim-cp';\nexport const out = (): unknown => shim.execSync('ls');", true, ['EXEC']],
  'uses-type-only-package.ts': ["import type { ChildProcessModule } from 'type-only-cp';\nexport const out = (cp: ChildProcessModule): unknown => cp.execSync('ls');", true, ['EXEC']],
  'uses-type-only-namespace.ts': ["import type * as CP from 'node:child_process';\nexport const out = (cp: typeof CP): unknown => cp.execSync('ls');", true, ['EXEC']],
  'uses-typeof-import-package.ts': ["export const out = (cp: typeof import('reexports-cp')): unknown => cp.execSync('ls');", true, ['EXEC']],
};

/** Packages under the project's node_modules: not program roots, reached through imports only. */
const PACKAGES: Record<string, string> = {
  'reexports-cp/index.d.ts': "export * from 'node:child_process';",
  'named-cp/index.d.ts': "export { execSync as run } from 'node:child_process';\nexport declare const pure: number;",
  'cp-in-type/index.d.ts': "export interface Tools { run: typeof import('node:child_process').execSync }\nexport declare function tools(): Tools;",
  'via-global/index.d.ts': 'export declare const root: typeof globalThis;',
  'referenced/index.d.ts': '/// <reference types="node" />\nexport declare const n: number;',
  'chain/index.d.ts': "export * from './middle.js';",
  'chain/middle.d.ts': "export { helper } from './inner.js';",
  'chain/inner.d.ts': "export { execSync as helper } from 'node:child_process';",
  'chain-outer/index.d.ts': "export { helper as relayed } from 'chain';",
  'export-equals/index.d.ts': "import cp = require('node:child_process');\nexport = cp;",
  'export-equals-object/index.d.ts': "import { execSync } from 'node:child_process';\ndeclare const kit: { run: typeof execSync };\nexport = kit;",
  'declares-global/index.d.ts': "declare global {\n  var pkgShell: typeof import('node:child_process').execSync;\n}\nexport declare const version: string;",
  'declares-global-type/index.d.ts': "export declare const shellBox: PkgShellBox;",
  'global-types/index.d.ts': "declare global {\n  interface PkgShellBox { run: typeof import('node:child_process').execSync }\n}\nexport {};",
  'augmented/index.d.ts': 'export interface Made { size: number }\nexport declare function make(): Made;',
  'augmented-by-package/index.d.ts': 'export interface Built { size: number }\nexport declare function build(): Built;',
  'augmenter/index.d.ts': "declare module 'augmented-by-package' {\n  interface Built { run: typeof import('node:child_process').execSync }\n}\nexport {};",
  'augmented-reexport/index.d.ts': "export * from './produced.js';",
  'augmented-reexport/produced.d.ts': 'export interface Produced { size: number }\nexport declare function produce(): Produced;',
  'namespace-reexport/index.d.ts': "export * as cp from 'node:child_process';",
  'ambient-shim/index.d.ts': "declare module 'shim-cp' {\n  export * from 'node:child_process';\n}",
  'type-only-cp/index.d.ts': "export type ChildProcessModule = typeof import('node:child_process');",
  'pure-types/index.d.ts': 'export interface Point { x: number; y: number }\nexport declare function add(a: Point, b: Point): Point;\ntype Range = { from: number; to: number };\nexport declare function span(r: Range): number;',
};

describe('capability visibility (analysis/typed/capability-visibility.ts)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tki-visibility-'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  for (const [name, [code]] of Object.entries(CASES)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), code);
  }
  for (const [name, code] of Object.entries(PACKAGES)) {
    const packageDir = path.join(dir, 'node_modules', path.dirname(name));
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ name: path.dirname(name), version: '1.0.0', types: './index.d.ts' }));
    writeFileSync(path.join(dir, 'node_modules', name), code);
  }
  const program = ts.createProgram(Object.keys(CASES).map((name) => path.join(dir, name)), TYPED_OPTIONS);
  const visible = createCapabilityVisibility(program, program.getTypeChecker());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.entries(CASES))('%s', (file, [, mayReach, typed]) => {
    const sourceFile = program.getSourceFile(path.join(dir, file));
    if (sourceFile === undefined) throw new Error(`${file} is not in the program`);
    expect(visible(sourceFile)).toBe(mayReach);
    if (!file.endsWith('.d.ts')) expect(capabilitiesOf(analyzeTypedSourceFile(program, sourceFile, { policy: RECOMMENDED_POLICY, relativePath: `lib/${file}` }))).toEqual([...typed].sort());
  });

  it('a global augmentation of a literal type makes every file visible', () => {
    const augmented = mkdtempSync(path.join(os.tmpdir(), 'tki-visibility-'));
    try {
      writeFileSync(path.join(augmented, 'package.json'), '{ "type": "module" }');
      writeFileSync(path.join(augmented, 'augment.ts'), "declare global {\n  interface Array<T> { run: typeof import('node:child_process').execSync }\n}\nexport {};");
      writeFileSync(path.join(augmented, 'user.ts'), "export const out = (): unknown => [].run('ls');");
      const names = ['augment.ts', 'user.ts'].map((name) => path.join(augmented, name));
      const augmentedProgram = ts.createProgram(names, TYPED_OPTIONS);
      const user = augmentedProgram.getSourceFile(names[1] ?? '');
      if (user === undefined) throw new Error('user.ts is not in the program');
      expect(createCapabilityVisibility(augmentedProgram, augmentedProgram.getTypeChecker())(user)).toBe(true);
      expect(capabilitiesOf(analyzeTypedSourceFile(augmentedProgram, user, { policy: RECOMMENDED_POLICY, relativePath: 'lib/user.ts' }))).toEqual(['EXEC']);
    } finally {
      rmSync(augmented, { recursive: true, force: true });
    }
  });
});
