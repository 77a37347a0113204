import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * A capability handed on through a call (red-team round 9, `grant9-*`): the call keeps it where its
 * type is gone, or its result carries it into a slot that no longer names it. The provider is
 * granted EXEC; the hand-off is not.
 */
const PROVIDER_GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC', 'FILES_READ', 'FILES_WRITE'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";

const ESCAPES: Record<string, string> = {
  'p-identity-widened.ts': `${EXEC}const id = <T>(v: T): T => v;\nexport const tool: Function = id(execSync);`,
  'p-slice-widened.ts': `${EXEC}export const tools: Function[] = [execSync].slice();`,
  'p-values-widened.ts': `${EXEC}export const tools: Function[] = Object.values({ run: execSync });`,
  'p-from-entries.ts': `${EXEC}export const box: Record<string, Function> = Object.fromEntries([['run', execSync]]);`,
  'p-promise-unknown.ts': `${EXEC}export const ready: Promise<unknown> = Promise.resolve(execSync);`,
  'p-box-widened.ts': `${EXEC}import { Box } from './box.js';\nexport const box: Box<Function> = new Box(execSync);`,
  'p-conditional-erasure.ts': `${EXEC}export function erase<T>(v: T): T extends Function ? object : T {\n  return v as never;\n}\nexport const tool = erase(execSync);`,
  'p-overload-erasure.ts': `${EXEC}export function erase(v: typeof execSync): object;\nexport function erase(v: unknown): unknown {\n  return v;\n}\nexport const tool = erase(execSync);`,
  'p-generic-store.ts': `${EXEC}import { keep } from './generic-bag.js';\nkeep(execSync);`,
  'p-overload-store.ts': `${EXEC}import { keepOwn } from './overload-bag.js';\nkeepOwn(execSync);`,
  'p-dts-over-js.ts': `${EXEC}import { keepDts } from './dts-bag.js';\nkeepDts(execSync);`,
  'p-jsdoc-js.ts': `${EXEC}import { keepJsdoc } from './jsdoc-bag.js';\nkeepJsdoc(execSync);`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-identity-kept.ts': `${EXEC}const id = <T>(v: T): T => v;\nexport const tool: typeof execSync = id(execSync);\nexport const again = id(execSync);`,
  'ok-slice-kept.ts': `${EXEC}export const tools: (typeof execSync)[] = [execSync].slice();`,
  'ok-promise-kept.ts': `${EXEC}export const ready: Promise<typeof execSync> = Promise.resolve(execSync);`,
  'ok-box-kept.ts': `${EXEC}import { Box } from './box.js';\nexport const box: Box<typeof execSync> = new Box(execSync);`,
  'ok-promisify.ts': "import { promisify } from 'node:util';\nimport { execFile } from 'node:child_process';\nexport const run = promisify(execFile);\nexport const ran: Promise<unknown> = run('ls');",
  'ok-data-result.ts': `${EXEC}export const out: unknown = execSync('id');\nexport const list: unknown[] = [execSync('id')].slice();\nexport const later: Promise<unknown> = import('node:child_process');`,
  'ok-local-generic.ts': "const local = (command: string): Buffer => Buffer.from(command);\nexport function keep<T extends Function>(f: T): void {\n  void f;\n}\nkeep(local);\nexport const tools: Function[] = [local].slice();",
  'ok-jsdoc-caller.ts': `${EXEC}import { runJsdoc } from './jsdoc-runner.js';\nexport const out = runJsdoc(execSync);`,
  'ok-jsdoc-local.ts': "const execSync = (command: string): Buffer => Buffer.from(command);\nimport { keepJsdoc } from './jsdoc-bag.js';\nkeepJsdoc(execSync);",
};

const SUPPORT: Record<string, string> = {
  'box.ts': 'export class Box<T> {\n  constructor(readonly value: T) {}\n}',
  'generic-bag.ts': 'export const bag: { run?: Function } = {};\nexport function keep<T extends Function>(f: T): void {\n  bag.run = f;\n}',
  'overload-bag.ts': "import type { execSync } from 'node:child_process';\nexport const bag: { run?: Function } = {};\nexport function keepOwn(f: typeof execSync): void;\nexport function keepOwn(f: any): void {\n  bag.run = f;\n}",
  'dts-bag.d.ts': "import type { execSync } from 'node:child_process';\nexport declare function keepDts(f: typeof execSync): void;",
  'dts-bag.js': 'export const bag = {};\nexport function keepDts(f) {\n  bag.run = f;\n}',
  'jsdoc-runner.js': "/** @param {typeof import('node:child_process').execSync} f */\nexport function runJsdoc(f) {\n  return typeof f === 'function' ? String(f('id')) + f.name : '';\n}",
  'jsdoc-bag.js': "/** @type {unknown[]} */\nexport const registry = [];\n/** @param {typeof import('node:child_process').execSync} f */\nexport function keepJsdoc(f) {\n  registry.push(f);\n}",
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES, ...SUPPORT });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('a capability handed on through a call', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED at the hand-off, naming the capability, though the file is granted it', (file) => {
    const messages = unanalyzed(project.typed(file, PROVIDER_GRANTED));
    expect(messages.length, messages.join('\n')).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no finding', (file) => {
    expect(project.typed(file, PROVIDER_GRANTED).findings.map((finding) => finding.message)).toEqual([]);
  });

  it("a JavaScript helper's JSDoc parameter type is no capability of its own: the callers are judged", () => {
    expect(project.typed('jsdoc-bag.js').findings.map((finding) => finding.message)).toEqual([]);
  });
});
