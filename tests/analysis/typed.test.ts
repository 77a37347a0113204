import { afterAll, describe, expect, it } from 'vitest';
import { capabilitiesOf, typedProject } from './typed-program.js';

/** file → [code, capabilities typed, capabilities syntactic]: the columns say what types add or refute. */
const CASES: Record<string, readonly [code: string, typed: readonly string[], syntactic: readonly string[]]> = {
  // Without types a starter re-exported or kept in a field is UNANALYZED (analysis/syntax/starter-values.ts): the syntax cannot follow it to its calls.
  'barrel.ts': ["export { exec } from 'node:child_process';\nexport * as fsp from 'node:fs/promises';", ['EXEC', 'FILES_READ', 'FILES_WRITE'], ['EXEC', 'FILES_READ', 'FILES_WRITE', 'UNANALYZED']],
  'through-barrel.ts': ["import { exec } from './barrel.js';\nexec('ls');", ['EXEC'], []],
  'namespace-through-barrel.ts': ["import { fsp } from './barrel.js';\nawait fsp.writeFile('x', 'y');", ['FILES_WRITE'], []],
  'container.ts': [
    "declare const container: { get<T>(key: string): T };\ncontainer.get<typeof import('node:fs')>('fs').writeFileSync('x', 'y');",
    ['FILES_WRITE'],
    [],
  ],
  'cast-function.ts': ["const F = (globalThis as { F?: unknown }).F as FunctionConstructor;\nexport const run = new F('return 1');", ['DYNAMIC_CODE'], []],
  'base.ts': ["import { spawn } from 'node:child_process';\nexport class Base { protected start = spawn; }", ['EXEC'], ['EXEC', 'UNANALYZED']],
  'derived.ts': ["import { Base } from './base.js';\nexport class Derived extends Base { go(): void { this.start('ls'); } }", ['EXEC'], []],
  'typed-process.ts': ['export function token(p: NodeJS.Process): string | undefined { return p.env.TOKEN; }', ['ENV'], []],
  'typed-window.ts': ["declare const w: Window & typeof globalThis;\nexport const r = w.fetch('https://x');", ['NETWORK'], []],
  // A handle is judged where it is obtained (`localStorage` handed on), not at each method call.
  'lookalike-storage-handle.ts': ["export function save(s: Storage, f: IDBFactory): void { s.setItem('k', 'v'); f.open('db'); }", [], []],
  'storage-handed-on.ts': ["import { save } from './lookalike-storage-handle.js';\nsave(localStorage, indexedDB);", ['FILES_READ', 'FILES_WRITE'], ['FILES_READ', 'FILES_WRITE']],
  // `caller` of a value that cannot be a function is an ordinary property.
  'lookalike-caller-property.ts': ['export const who = (call: { caller: string }) => [call.caller].join();', [], ['UNANALYZED']],
  'escape.ts': [
    "declare function load(): typeof import('node:child_process');\nconst cp = load();\nconst keep: unknown[] = [];\nkeep.push(cp);",
    ['EXEC', 'UNANALYZED'],
    [],
  ],
  'data-only.ts': ["import { readFileSync } from 'node:fs';\nexport const config: unknown = JSON.parse(readFileSync('c.json', 'utf8'));", ['FILES_READ'], ['FILES_READ']],
  'shim.d.ts': ["declare module 'laundered' { export { connect } from 'node:net'; }", [], []],
  'shimmed.ts': ["import { connect } from 'laundered';\nconnect(80);", ['NETWORK'], []],
  'lookalike-constructor.ts': ['export const copy = (values: number[]) => new (values.constructor as new () => number[])();', [], ['DYNAMIC_CODE']],
  // Types that lie do not exempt a `.constructor`: a cast, a user's type predicate, an overload's return type.
  'constructor-double-cast.ts': ["const handlers = ((): void => undefined) as unknown as string[];\nexport const run = (code: string): unknown => handlers.constructor(code);", ['DYNAMIC_CODE'], ['DYNAMIC_CODE']],
  'constructor-predicate-lie.ts': ["const isList = (value: unknown): value is string[] => value !== null;\nconst candidate: unknown = () => undefined;\nexport const run = (code: string): unknown => (isList(candidate) ? candidate.constructor(code) : undefined);", ['DYNAMIC_CODE'], ['DYNAMIC_CODE']],
  'constructor-overload-lie.ts': ["function pick(): Date;\nfunction pick(): unknown { return () => undefined; }\nexport const run = (code: string): unknown => new (pick().constructor as new (c: string) => unknown)(code);", ['DYNAMIC_CODE'], ['DYNAMIC_CODE']],
  'lookalike-own-fetch.ts': ["import { fetch } from './own-fetch.js';\nexport const r = fetch('x');", [], []],
  'own-fetch.ts': ['export const fetch = (url: string): string => url;', [], []],
  // `statSync` appears only in a type (the import is elided): nothing reaches FILES_READ (choice 34); `s.isFile()` is a method of the value.
  'lookalike-methods.ts': ["import { statSync } from 'node:fs';\nexport const isFile = (s: ReturnType<typeof statSync>) => s?.isFile() ?? false;", [], []],
  'lookalike-methods-used.ts': ["import { statSync } from 'node:fs';\nexport const isFile = (p: string) => statSync(p).isFile();", ['FILES_READ'], ['FILES_READ']],
  'lookalike-function-call.ts': ['export const apply = (f: (...a: unknown[]) => unknown, a: unknown[]) => f.apply(null, a);', [], []],
};

describe('the typed classifier (analysis/typed): references judged by their declarations', () => {
  const project = typedProject(Object.fromEntries(Object.entries(CASES).map(([file, [code]]) => [file, code])));
  afterAll(() => project.dispose());

  it.each(Object.entries(CASES))('%s', (file, [, typed, syntactic]) => {
    expect(capabilitiesOf(project.typed(file))).toEqual([...typed].sort());
    expect(capabilitiesOf(project.syntactic(file))).toEqual([...syntactic].sort());
  });
});
