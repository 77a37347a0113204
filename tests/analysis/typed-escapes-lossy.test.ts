import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * A capability handed to a slot whose type no longer names it (red-team round 7, `grant7-*`): a
 * supertype (`Function`, `object`, `{}`, `Object`), a function type the project declares itself, or
 * a parameter of a function written in JavaScript. The provider is granted EXEC; the hand-off is not.
 */
const PROVIDER_GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC', 'FILES_READ', 'FILES_WRITE'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";

const ESCAPES: Record<string, string> = {
  'p-function-param.ts': `${EXEC}export const bag: { run?: Function } = {};\nexport function keep(f: Function): void {\n  bag.run = f;\n}\nkeep(execSync);`,
  'p-object-map.ts': `${EXEC}export const tools = new Map<string, object>();\ntools.set('run', execSync);`,
  'p-empty-record.ts': `${EXEC}export const slots: Record<string, {}> = {};\nslots.run = execSync;`,
  'p-object-interface.ts': `${EXEC}export const slot: { value?: Object } = {};\nslot.value = execSync;`,
  'p-function-array.ts': `${EXEC}export const list: Function[] = [execSync];`,
  'p-function-return.ts': `${EXEC}export function get(): Function {\n  return execSync;\n}`,
  'p-shorthand-object.ts': `${EXEC}export const bag: { execSync: object } = { execSync };`,
  'p-cast-function.ts': `${EXEC}export const hidden = execSync as Function;`,
  'p-namespace-object.ts': "import * as cp from 'node:child_process';\nexport const held: object[] = [];\nheld.push(cp);",
  'p-project-signature.ts': `${EXEC}import { keep } from './store.js';\nkeep(execSync);`,
  'p-js-store.ts': `${EXEC}import { keepJs } from './store-js.js';\nkeepJs(execSync);`,
  'p-assign-alias.ts': `${EXEC}const merge = Object.assign;\nexport const box = {};\nmerge(box, { run: execSync });`,
  'p-js-class.ts': `${EXEC}import { Holder } from './holder.js';\nexport const holder = new Holder(execSync);`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-own-type.ts': `${EXEC}export function keep(f: typeof execSync): typeof execSync {\n  return f;\n}\nexport const kept = keep(execSync);`,
  'ok-generic.ts': `${EXEC}export const tools = new Map<string, typeof execSync>();\ntools.set('run', execSync);\nexport const same = <T>(value: T): T => value;\nexport const again = same(execSync);`,
  'ok-union-own.ts': `${EXEC}export let slot: typeof execSync | Function | undefined;\nslot = execSync;`,
  'ok-promisify.ts': "import { promisify } from 'node:util';\nimport fs from 'node:fs';\nimport { exec, execFile } from 'node:child_process';\nexport const readFile = promisify(fs.readFile);\nexport const run = promisify(exec);\nexport const runFile = promisify(execFile);",
  'ok-library-callback.ts': "import { existsSync } from 'node:fs';\nexport const present = ['a', 'b'].filter(existsSync);",
  'ok-object-keys.ts': "import * as fs from 'node:fs';\nexport const names = Object.keys(fs).length + Reflect.ownKeys(fs).length;\nexport const seen = new WeakSet<object>();\nseen.add(fs);",
  'ok-weak-map-key.ts': "import * as fs from 'node:fs';\nexport const notes = new WeakMap<object, string>();\nnotes.set(fs, 'the fs module');",
  'ok-assign-fresh.ts': `${EXEC}export const api = Object.assign({}, { run: execSync });`,
  'ok-data.ts': `${EXEC}export const out: object = { text: String(execSync('id')) };`,
};

const SUPPORT: Record<string, string> = {
  'store.d.ts': 'export declare function keep(f: (command: string) => Buffer): void;',
  'store.js': 'export const bag = {};\nexport function keep(f) {\n  bag.run = f;\n}',
  'store-js.js': 'export const bag = {};\nexport function keepJs(f) {\n  bag.run = f;\n}',
  'holder.js': 'export class Holder {\n  constructor(f) {\n    this.f = f;\n  }\n}',
  'annotated.ts': `${EXEC}export const run: (command: string) => Buffer = execSync;\nexport const twice: (command: string) => Buffer = run;`,
  'app-annotated.ts': "import { run, twice } from './annotated.js';\nexport const out = String(run('id')) + String(twice('id'));",
  'js-wrapper.js': "import { run } from './annotated.js';\nexport const go = (command) => run(command);",
  'app-js-wrapper.ts': "import { go } from './js-wrapper.js';\nexport const out = String(go('id'));",
  'app-data.ts': "import { readFileSync } from 'node:fs';\nconst text: string = readFileSync('x', 'utf8');\nexport const size = text.length;",
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES, ...SUPPORT });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('a capability handed to a slot whose type no longer names it', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED at the hand-off, naming the capability, though the file is granted it', (file) => {
    const messages = unanalyzed(project.typed(file, PROVIDER_GRANTED));
    expect(messages.length, messages.join('\n')).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(/reaches EXEC/);
  });

  it('the finding says how the slot lost it', () => {
    expect(unanalyzed(project.typed('p-object-map.ts', PROVIDER_GRANTED)).join('\n')).toMatch(/slot typed only `object`/);
    expect(unanalyzed(project.typed('p-project-signature.ts', PROVIDER_GRANTED)).join('\n')).toMatch(/function type does not name it/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no finding', (file) => {
    expect(project.typed(file, PROVIDER_GRANTED).findings.map((finding) => finding.message)).toEqual([]);
  });
});

describe("a const's value is its initializer, whatever its annotation", () => {
  it('a call through an annotated const (and a const of it) is the call of the initializer', () => {
    const capabilities = project.typed('app-annotated.ts').findings.map((finding) => finding.capability);
    expect(capabilities.filter((capability) => capability === 'EXEC')).toHaveLength(2);
  });

  it('the annotated const itself is no hand-off', () => {
    expect(unanalyzed(project.typed('annotated.ts', policyConfigSchema.parse({ grants: [{ files: ['lib/annotated.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] })))).toEqual([]);
  });

  it('data read through a capability and kept in an annotated const is data', () => {
    expect(project.typed('app-data.ts').findings.map((finding) => finding.capability)).toEqual(['FILES_READ']);
  });

  it('a JavaScript wrapper that calls the export reaches it (its body is walked)', () => {
    expect(project.typed('js-wrapper.js').findings.map((finding) => finding.capability)).toContain('EXEC');
  });
});
