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
