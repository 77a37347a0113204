import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Issue #10, structural widening: a value that is no capability itself but whose type holds one (a
 * property, an element, a type argument, a call signature's return) handed where the target type has
 * any/unknown/object/{}/Function at that position. The providers are granted EXEC; the hand-off is not.
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync, type ExecSyncOptions } from 'node:child_process';\nimport { readFileSync } from 'node:fs';\n";

const ESCAPES: Record<string, string> = {
  'p-nested-return.ts': `${EXEC}const g = () => () => execSync;\nexport const h: () => () => unknown = g;`,
  'p-property.ts': `${EXEC}const o = { run: execSync };\nexport const w: { run: unknown } = o;`,
  'p-array.ts': `${EXEC}const list = [execSync];\nexport const u: unknown[] = list;`,
  'p-promise.ts': `${EXEC}const p = Promise.resolve(execSync);\nexport const q: Promise<unknown> = p;`,
  'p-abstract-method.ts': `${EXEC}abstract class Base {\n  abstract make(): () => unknown;\n}\nclass Impl extends Base {\n  make() {\n    return () => execSync;\n  }\n}\nexport const b: Base = new Impl();`,
  'p-map.ts': `${EXEC}const m = new Map([['run', execSync]]);\nexport const out: Map<string, unknown> = m;`,
  'p-set.ts': `${EXEC}const s = new Set([execSync]);\nexport const out: Set<object> = s;`,
  'p-record.ts': `${EXEC}const r = { run: execSync };\nexport const out: Record<string, unknown> = r;`,
  'p-tuple.ts': `${EXEC}const t = [execSync, 1] as const;\nexport const out: readonly unknown[] = t;`,
  'p-readonly-array.ts': `${EXEC}const list: readonly (typeof execSync)[] = [execSync];\nexport const out: ReadonlyArray<Function> = list;`,
  'p-async-return.ts': `${EXEC}const o = { run: execSync };\nexport async function get(): Promise<{ run: unknown }> {\n  return o;\n}`,
  'p-generator.ts': `${EXEC}function* make() {\n  yield execSync;\n}\nconst gen = make();\nexport const out: Generator<unknown> = gen;`,
  'p-argument.ts': `${EXEC}const o = { run: execSync };\nexport const kept: Array<{ run: unknown }> = [];\nkept.push(o);`,
  'p-assignment.ts': `${EXEC}const o = { run: execSync };\nexport let slot: { run: unknown } | undefined;\nslot = o;`,
  'p-cast.ts': `${EXEC}const o = { run: execSync };\nexport const out = o as { run: unknown };`,
  'p-cast-unknown.ts': `${EXEC}const o = { run: execSync };\nexport const out = o as unknown;`,
  'p-whole-unknown.ts': `${EXEC}const o = { run: execSync };\nexport const out: unknown = o;`,
  'p-class-field-used-type-argument.ts': `${EXEC}class Box<T> {\n  constructor(readonly value: T) {}\n}\nexport const out: object = new Box<typeof execSync>(execSync);`,
  // Round 14: a type parameter the walk of the instantiated members cannot see keeps its argument.
  'p-private-field-type-argument.ts': `${EXEC}class Box<T> {\n  #value: T;\n  constructor(value: T) {\n    this.#value = value;\n  }\n  get(): unknown {\n    return this.#value;\n  }\n}\nexport const out: object = new Box<typeof execSync>(execSync);`,
  'p-unlisted-computed-member.ts': `${EXEC}const key = Symbol.for('k');\nclass Box<T> {\n  constructor(private readonly made: () => T) {}\n  [key](): T {\n    return this.made();\n  }\n}\nexport const out: object = new Box<typeof execSync>(() => execSync);`,
  'p-constructor-parameter-type-argument.ts': `${EXEC}class Box<T> {\n  readonly kept: unknown[] = [];\n  constructor(value: T) {\n    this.kept.push(value);\n  }\n}\nexport const out: object = new Box<typeof execSync>(execSync);`,
  'p-heritage-type-argument.ts': `${EXEC}class List<T> extends Array<T> {}\nexport const out: object = List.of<typeof execSync>(execSync) as List<typeof execSync>;`,
  'p-mapped-value-member.ts': `${EXEC}class Copy<T> {\n  constructor(readonly values: { [K in keyof T]: T[K] }) {}\n}\nexport const out: object = new Copy<{ run: typeof execSync }>({ run: execSync });`,
  'p-returned-type-argument.ts': `${EXEC}class Lazy<T> {\n  constructor(private readonly make: () => T) {}\n  get(): T {\n    return this.make();\n  }\n}\nexport const out: object = new Lazy<typeof execSync>(() => execSync);`,
  'p-private-field-unlisted-method.ts': `${EXEC}class Shell {\n  #run = execSync;\n  [Symbol.for('k')]() {\n    return this.#run;\n  }\n}\nexport const out: object = new Shell();`,
  'p-public-field.ts': `${EXEC}class Shell {\n  readonly run = execSync;\n}\nexport const out: object = new Shell();`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-nested-return-data.ts': `${EXEC}const g = () => () => JSON.parse(readFileSync('p', 'utf8')) as unknown;\nexport const h: () => () => unknown = g;`,
  'ok-property-data.ts': `${EXEC}const o = { run: JSON.parse(readFileSync('p', 'utf8')) as unknown };\nexport const w: { run: unknown } = o;`,
  'ok-property-named.ts': `${EXEC}const o = { run: execSync };\nexport const w: { run: typeof execSync } = o;`,
  'ok-array-plain.ts': 'const list = [(command: string) => command.length];\nexport const u: unknown[] = list;',
  'ok-array-named.ts': `${EXEC}const list = [execSync];\nexport const u: Array<typeof execSync> = list;`,
  'ok-promise-named.ts': `${EXEC}const p = Promise.resolve(execSync);\nexport const q: Promise<typeof execSync> = p;`,
  'ok-promise-data.ts': `${EXEC}const p = Promise.resolve(readFileSync('p'));\nexport const q: Promise<unknown> = p;`,
  'ok-abstract-named.ts': `${EXEC}abstract class Base {\n  abstract make(): () => typeof execSync;\n}\nclass Impl extends Base {\n  make() {\n    return () => execSync;\n  }\n}\nexport const b: Base = new Impl();`,
  'ok-map-plain.ts': "const m = new Map([['run', (c: string) => c]]);\nexport const out: Map<string, unknown> = m;",
  'ok-record-named.ts': `${EXEC}const r = { run: execSync };\nexport const out: Record<string, typeof execSync> = r;`,
  'ok-tuple-data.ts': `${EXEC}const t = [readFileSync('p'), 1] as const;\nexport const out: readonly unknown[] = t;`,
  'ok-cast-named.ts': `${EXEC}const o = { run: execSync };\nexport const out = o as unknown as { run: typeof execSync };`,
  'ok-private-field.ts': `${EXEC}class Shell {\n  readonly #run = execSync;\n  version(): string {\n    return String(this.#run('echo v'));\n  }\n}\nexport const out: object = new Shell();`,
  'ok-phantom-type-argument.ts': `${EXEC}class Slot<T> {\n  constructor(readonly label: string) {}\n}\nexport const out: object = new Slot<typeof execSync>('exec');`,
  'ok-phantom-interface-argument.ts': `${EXEC}interface Tagged<T> {\n  readonly tag: string;\n}\nconst tagged: Tagged<typeof execSync> = { tag: 'exec' };\nexport const out: unknown = tagged;`,
  // Round 14: a type parameter used only where the instantiated member holds no value of it.
  'ok-conditional-type-member.ts': `${EXEC}class Slot<T> {\n  constructor(readonly kind: T extends (...args: never[]) => unknown ? 'function' : 'data') {}\n}\nexport const out: object = new Slot<typeof execSync>('function');`,
  'ok-keyof-member.ts': `${EXEC}class Keys<T> {\n  constructor(readonly names: (keyof T)[]) {}\n}\nexport const out: object = new Keys<{ run: typeof execSync }>(['run']);`,
  'ok-infer-return-member.ts': `${EXEC}type Output<F> = F extends (...args: never[]) => infer R ? R : never;\nclass Result<F> {\n  constructor(readonly value: Output<F>) {}\n}\nexport const out: object = new Result<typeof execSync>(execSync('echo x'));`,
  'ok-mapped-flags-member.ts': `${EXEC}class Names<T> {\n  constructor(readonly flags: { [K in keyof T]: boolean }) {}\n}\nexport const out: object = new Names<{ run: typeof execSync }>({ run: true });`,
  'ok-interface-keyof-member.ts': `${EXEC}interface Picked<T> {\n  readonly key: keyof T;\n}\nconst picked: Picked<{ run: typeof execSync }> = { key: 'run' };\nexport const out: unknown = picked;`,
  'ok-private-field-iterator-method.ts': `${EXEC}class Shell {\n  readonly #run = execSync;\n  *[Symbol.iterator]() {\n    yield String(this.#run('echo v'));\n  }\n}\nexport const out: object = new Shell();`,
  'ok-options-unknown.ts': `${EXEC}const options: ExecSyncOptions = { encoding: 'utf8' };\nexport const out: unknown = options;`,
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('a capability held inside a value whose target type widens that position', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED at the hand-off, naming the capability, though the file is granted it', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED)).join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no hand-off (data, a plain function, or a target that names the capability)', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED))).toEqual([]);
  });
});
