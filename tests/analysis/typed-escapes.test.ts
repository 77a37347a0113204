import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * A capability parked in an `any`/`unknown` slot (red-team round 5, `grant5-*`): the provider is
 * granted EXEC, which covers its own use, never the hand-off; the importer reaches the capability.
 */
const PROVIDER_GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC', 'NETWORK', 'DYNAMIC_CODE'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";

/** Provider files that hand the capability to a place the checker types `any`/`unknown`. */
const ESCAPES: Record<string, string> = {
  'p-abort-reason.ts': `${EXEC}export const signal = AbortSignal.abort(execSync);`,
  'p-error-cause.ts': `${EXEC}export const failure = new Error('setup', { cause: execSync });`,
  'p-proxy-trap.ts': `${EXEC}export interface Api { run(c: string): Buffer }\nexport const api = new Proxy({} as Api, { get: () => execSync });`,
  'p-define-property.ts': `${EXEC}export const api = {} as { run(c: string): Buffer };\nReflect.defineProperty(api, 'run', { value: execSync });`,
  'p-map-of-any.ts': `${EXEC}export const registry = new Map<string, any>([['run', execSync]]);`,
  'p-promise-reject.ts': `${EXEC}export const pending = Promise.reject(execSync);`,
  'p-throw.ts': `${EXEC}export function setup(): void {\n  throw execSync;\n}`,
  'p-custom-event.ts': `${EXEC}export const bus = new EventTarget();\nexport function ready(): void {\n  bus.dispatchEvent(new CustomEvent<any>('ready', { detail: execSync }));\n}`,
  'p-object-assign.ts': `${EXEC}export const target: any = {};\nObject.assign(target, { f: execSync });`,
  'p-record-unknown.ts': `${EXEC}export const bag: Record<string, unknown> = { f: execSync };`,
  'p-record-assign.ts': `${EXEC}export const bag: Record<string, unknown> = {};\nbag.f = execSync;`,
  'p-any-array.ts': `${EXEC}export const list: any[] = [execSync];`,
  'p-any-array-push.ts': `${EXEC}export const list: any[] = [];\nlist.push(execSync);`,
  'p-weak-map.ts': `${EXEC}export const key = {};\nexport const store = new WeakMap<object, any>();\nstore.set(key, execSync);`,
  'p-symbol-slot.ts': `${EXEC}export const key = Symbol('run');\nexport const slots: { [k: symbol]: any } = {};\nslots[key] = execSync;`,
  'p-set-unknown.ts': `${EXEC}export const set = new Set<unknown>([execSync]);`,
  'p-shorthand.ts': `${EXEC}export const bag: any = { execSync };`,
  'p-cast-unknown.ts': `${EXEC}export const hidden = execSync as unknown;`,
  'p-double-cast.ts': `${EXEC}export const api = execSync as unknown as { run: string };`,
  'p-conditional.ts': `${EXEC}export const signal = AbortSignal.abort(Date.now() > 0 ? execSync : undefined);`,
  'p-untyped-return.ts': `${EXEC}export function get(): unknown {\n  return execSync;\n}`,
  'p-namespace.ts': "import * as cp from 'node:child_process';\nexport const bag = new Map<string, unknown>([['cp', cp]]);",
  'p-global-fetch.ts': 'export const signal = AbortSignal.abort(fetch);',
};

/** Benign look-alikes: the same builtins with plain data, or a capability kept in a typed place. */
const LOOKALIKES: Record<string, string> = {
  'ok-error-cause.ts': "export const failure = new Error('setup', { cause: new Error('inner') });",
  'ok-map-of-data.ts': "export const registry = new Map<string, any>([['port', 8080], ['host', 'localhost']]);",
  'ok-proxy-plain.ts': "export const api = new Proxy({ a: 1 }, { get: (target, key) => Reflect.get(target, key) });",
  'ok-throw-error.ts': "export function setup(): void {\n  throw new Error('not ready');\n}",
  'ok-typed-parameter.ts': `${EXEC}const keep = (run: typeof execSync): typeof execSync => run;\nexport const run = keep(execSync);`,
  'ok-typed-map.ts': `${EXEC}export const registry = new Map<string, typeof execSync>([['run', execSync]]);`,
  'ok-print.ts': `${EXEC}console.log(execSync);\nexport const text = JSON.stringify(execSync) ?? String(execSync);`,
  'ok-structured-clone.ts': `${EXEC}export const copy = (): unknown => structuredClone(execSync);`,
  'ok-pure-member.ts': "import path from 'node:path';\nexport const bag: Record<string, unknown> = { join: path.join };",
  'ok-retyped-as-itself.ts': "import * as Module from 'node:module';\nexport const loader = Module as unknown as typeof Module & { _cache: Record<string, unknown> };",
  'ok-cast-used-at-once.ts': `${EXEC}export const out = (execSync as unknown as (c: string) => Buffer)('id');`,
  'ok-any-data.ts': `${EXEC}export const out: unknown = execSync('echo hi');`,
};

const IMPORTERS: Record<string, string> = {
  'app-abort.ts': "import { signal } from './p-abort-reason.js';\nexport const out = String(signal.reason('id'));",
  'app-side-effect.ts': "import { api } from './p-define-property.js';\nexport const out = api.run('id');",
  'barrel.ts': "export * from './p-error-cause.js';",
  'app-barrel.ts': "import { failure } from './barrel.js';\nexport const out = (failure.cause as (c: string) => Buffer)('id');",
  'app-clean.ts': "import { registry } from './ok-map-of-data.js';\nexport const port = registry.get('port');",
  'app-type-only.ts': "import type { Api } from './p-proxy-trap.js';\nexport const api: Api | undefined = undefined;",
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES, ...IMPORTERS });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);
/**
 * `execSync` stands for any capability here; it is also a starter of Node code, and one handed
 * on (exported, passed to a project function) is UNANALYZED in both modes by the entries rule
 * (analysis/syntax/starter-values.ts). The any/unknown rule is judged without those findings.
 */
const STARTER_HANDED_ON = /starter of Node code handed on/;
const withoutStarterRule = (messages: string[]): string[] => messages.filter((message) => !STARTER_HANDED_ON.test(message));

describe('a capability handed to an any/unknown place', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED at the hand-off, naming the capability, though the file is granted it', (file) => {
    const messages = unanalyzed(project.typed(file, PROVIDER_GRANTED));
    expect(messages.length, messages.join('\n')).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(file === 'p-global-fetch.ts' ? /reaches NETWORK/ : /reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no finding', (file) => {
    expect(withoutStarterRule(project.typed(file, PROVIDER_GRANTED).findings.map((finding) => finding.message))).toEqual([]);
  });

  it('the syntactic detector does not see it (typed mode only)', () => {
    expect(withoutStarterRule(unanalyzed(project.syntactic('p-abort-reason.ts', PROVIDER_GRANTED)))).toEqual([]);
  });

  it('a project importer reaches the capability at its import, through a barrel too', () => {
    for (const file of ['app-abort.ts', 'app-side-effect.ts', 'app-barrel.ts']) {
      const findings = project.typed(file).findings.filter((finding) => finding.capability === 'EXEC');
      expect(findings.map((finding) => finding.message).join('\n'), file).toMatch(/hands `execSync` to an any\/unknown slot at line \d+/);
    }
    expect(project.typed('barrel.ts').findings.map((finding) => finding.capability)).toContain('EXEC');
  });

  it('an importer of a module that hands out nothing, or a type-only import, reaches nothing', () => {
    expect(project.typed('app-clean.ts').findings).toEqual([]);
    expect(project.typed('app-type-only.ts').findings).toEqual([]);
  });

  it('an importer granted the capability holds it', () => {
    const granted = policyConfigSchema.parse({ grants: [{ files: ['lib/app-abort.ts'], capabilities: ['EXEC'], reason: 'runs commands' }] });
    expect(project.typed('app-abort.ts', granted).findings).toEqual([]);
  });
});
