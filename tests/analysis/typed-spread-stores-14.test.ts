import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Issue #10, red-team round 13 (`grant13-rest-tuple-generic-store`, `grant13-const-tuple-spread-argument`):
 * a spread argument meets the rest parameter's element type, or the parameters at its tuple's
 * positions; a rest parameter typed by a type parameter is stored by spreading it on. Each element is
 * judged against the slot it lands in: `f(...pair)`, `push(...xs)`, `Reflect.apply`, `f.apply`, `f.call`,
 * `new (C)(...[x])`, and object spreads.
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\nexport const kept: unknown[] = [];\n";
const LOCAL = "const execSync = (command: string): Buffer => Buffer.from(command);\nexport const kept: unknown[] = [];\n";
const KEEP_ALL = 'function keepAll(...values: unknown[]): void {\n  kept.push(...values);\n}\n';
const REST_GENERIC = 'function keepAll<T extends unknown[]>(...values: T): T {\n  kept.push(...values);\n  return values;\n}\nkeepAll(execSync);';
const CONST_TUPLE = `${KEEP_ALL}const pair = [execSync] as const;\nkeepAll(...pair);`;

const ESCAPES: Record<string, string> = {
  'p-rest-generic.ts': `${EXEC}${REST_GENERIC}`,
  'p-rest-generic-second.ts': `${EXEC}function keepAll<T extends unknown[]>(label: string, ...values: T): void {\n  kept.push(...values);\n}\nkeepAll('x', 'y', execSync);`,
  'p-rest-generic-indexed.ts': `${EXEC}function keepFirst<T extends unknown[]>(...values: T): void {\n  kept.push(values[0]);\n}\nkeepFirst(execSync);`,
  'p-rest-generic-for-of.ts': `${EXEC}function keepEach<T extends unknown[]>(...values: T): void {\n  for (const value of values) kept.push(value);\n}\nkeepEach(execSync);`,
  'p-rest-generic-alias.ts': `${EXEC}function keepAll<T extends unknown[]>(...values: T): void {\n  const copy: unknown[] = values;\n  kept.push(copy);\n}\nkeepAll(execSync);`,
  'p-rest-generic-for-each.ts': `${EXEC}function keepEach<T extends unknown[]>(...values: T): void {\n  values.forEach((value) => kept.push(value));\n}\nkeepEach(execSync);`,
  'p-rest-generic-member-alias.ts': `${EXEC}function keepFirst<T extends unknown[]>(...values: T): void {\n  const first = values[0];\n  kept.push(first);\n}\nkeepFirst(execSync);`,
  'p-rest-generic-reflect-apply.ts': `${EXEC}function keepAll<T extends unknown[]>(...values: T): void {\n  kept.push(...values);\n}\nReflect.apply(keepAll, null, [execSync]);`,
  'p-held-generic-store.ts': `${EXEC}function keep<T>(value: T): T {\n  kept.push(value);\n  return value;\n}\nkeep({ run: execSync });`,
  'p-array-generic-param.ts': `${EXEC}function keepAll<T extends unknown[]>(values: T): void {\n  kept.push(...values);\n}\nkeepAll([execSync]);`,
  'p-const-tuple.ts': `${EXEC}${CONST_TUPLE}`,
  'p-const-tuple-second.ts': `${EXEC}function keep(label: string, run: unknown): void {\n  kept.push(label, run);\n}\nconst both = ['x', execSync] as const;\nkeep(...both);`,
  'p-const-tuple-object-rest.ts': `${EXEC}function keepAll(...values: object[]): void {\n  kept.push(...values);\n}\nconst pair = [execSync] as const;\nkeepAll(...pair);`,
  'p-const-tuple-generic.ts': `${EXEC}function keep<T>(value: T): T {\n  kept.push(value);\n  return value;\n}\nconst one = [execSync] as const;\nkeep(...one);`,
  'p-array-spread-push.ts': `${EXEC}const tools = [execSync];\nkept.push(...tools);`,
  'p-reflect-apply.ts': `${EXEC}${KEEP_ALL}Reflect.apply(keepAll, null, [execSync]);`,
  'p-reflect-apply-const.ts': `${EXEC}${KEEP_ALL}const list = [execSync] as const;\nReflect.apply(keepAll, null, list);`,
  'p-apply.ts': `${EXEC}${KEEP_ALL}keepAll.apply(null, [execSync]);`,
  'p-apply-const.ts': `${EXEC}${KEEP_ALL}const list = [execSync] as const;\nkeepAll.apply(null, list);`,
  'p-call.ts': `${EXEC}${KEEP_ALL}keepAll.call(null, execSync);`,
  'p-call-spread.ts': `${EXEC}${KEEP_ALL}const list = [execSync] as const;\nkeepAll.call(null, ...list);`,
  'p-new-spread.ts': `${EXEC}class Keeper {\n  constructor(...values: unknown[]) {\n    kept.push(...values);\n  }\n}\nnew (Keeper)(...[execSync]);`,
  'p-new-spread-const.ts': `${EXEC}class Keeper {\n  constructor(...values: unknown[]) {\n    kept.push(...values);\n  }\n}\nconst list = [execSync] as const;\nnew (Keeper)(...list);`,
  'p-set-spread-push.ts': `${EXEC}kept.push(...new Set([execSync]));`,
  'p-object-spread.ts': `${EXEC}export const tool: { run: unknown } = { ...{ run: execSync } };`,
  'p-object-spread-const.ts': `${EXEC}const held = { run: execSync };\nexport const tool: { run: unknown } = { ...held };`,
  'p-array-spread-wide.ts': `${EXEC}const pair = [execSync] as const;\nexport const all: unknown[] = [...pair];`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-rest-generic-local.ts': `${LOCAL}${REST_GENERIC}`,
  'ok-const-tuple-local.ts': `${LOCAL}${CONST_TUPLE}`,
  'ok-rest-generic-counted.ts': `${EXEC}function countAll<T extends unknown[]>(...values: T): number {\n  return values.length;\n}\ncountAll(execSync);`,
  'ok-const-tuple-typed-rest.ts': `${EXEC}function runAll(...values: Array<typeof execSync>): void {\n  for (const run of values) run('true');\n}\nconst pair = [execSync] as const;\nrunAll(...pair);`,
  'ok-array-spread-typed-push.ts': `${EXEC}const typed: Array<typeof execSync> = [];\nconst tools = [execSync];\ntyped.push(...tools);`,
  'ok-reflect-apply-typed.ts': `${EXEC}function runOne(run: typeof execSync): void {\n  run('true');\n}\nReflect.apply(runOne, null, [execSync]);`,
  'ok-console-spread.ts': `${EXEC}const pair = [execSync] as const;\nconsole.log(...pair);`,
  'ok-object-spread-typed.ts': `${EXEC}const held = { run: execSync };\nexport const tool: { run: typeof execSync } = { ...held };`,
  'ok-rest-generic-forwarded.ts': `${EXEC}function later<T extends unknown[]>(fn: (...args: T) => void, ...args: T): void {\n  fn(...args);\n}\nlater((run: typeof execSync) => run('true'), execSync);`,
  'ok-rest-generic-first-typed.ts': `${EXEC}function runFirst<T extends Array<typeof execSync>>(...values: T): void {\n  for (const run of values) run('true');\n  values.forEach((run) => run('true'));\n}\nrunFirst(execSync);`,
  'ok-held-generic-returned.ts': `${EXEC}function id<T>(value: T): T {\n  return value;\n}\nexport const tool = id({ run: execSync });`,
  'ok-spread-data.ts': `${EXEC}${KEEP_ALL}const names = ['a', 'b'] as const;\nkeepAll(...names);\nkept.push(...names);`,
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('spread and rest stores (red-team round 13)', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED at the hand-off, naming the capability', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED)).join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no hand-off', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED))).toEqual([]);
  });
});
