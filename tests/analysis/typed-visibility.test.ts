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
};

describe('capability visibility (analysis/typed/capability-visibility.ts)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tki-visibility-'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  for (const [name, [code]] of Object.entries(CASES)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), code);
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
