import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Issue #10, red-team round 13: a generic body that stores its `T` where no type names it, when `T`
 * is the class's type parameter or is bound by a union naming the capability; and a literal checked by
 * `satisfies` against a type naming the capability, then written into a wider slot.
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";
const LOCAL = "const execSync = (command: string): Buffer => Buffer.from(command);\n";
const CLASS_STORE = 'export class Registry<T> {\n  static readonly all: unknown[] = [];\n  add(value: T): void {\n    Registry.all.push(value);\n  }\n}\nnew Registry<typeof execSync>().add(execSync);';
const CLASS_FIELD_STORE = 'export class Box<T> {\n  held: object | undefined;\n  put(value: T): void {\n    this.held = value as object;\n  }\n}\nnew Box<typeof execSync>().put(execSync);';
const UNION_STORE = 'export const kept: unknown[] = [];\nfunction keep<T extends typeof execSync | string>(value: T): T {\n  kept.push(value);\n  return value;\n}\nkeep(execSync);';
const SATISFIES = 'export const tool: { run: unknown } = { run: execSync } satisfies { run: typeof execSync };';
const SATISFIES_ASSIGNED = 'export let slot: { run: object } | undefined;\nslot = ({ run: execSync } satisfies { run: typeof execSync });';

const ESCAPES: Record<string, string> = {
  'p-class-type-parameter.ts': `${EXEC}${CLASS_STORE}`,
  'p-class-type-parameter-field.ts': `${EXEC}${CLASS_FIELD_STORE}`,
  'p-union-constraint.ts': `${EXEC}${UNION_STORE}`,
  'p-satisfies.ts': `${EXEC}${SATISFIES}`,
  'p-satisfies-assigned.ts': `${EXEC}${SATISFIES_ASSIGNED}`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-class-type-parameter-local.ts': `${LOCAL}${CLASS_STORE}`,
  'ok-union-constraint-local.ts': `${LOCAL}${UNION_STORE}`,
  'ok-class-type-parameter-kept-typed.ts': `${EXEC}export class Registry<T> {\n  static readonly all: Array<typeof execSync> = [];\n  add(value: T & typeof execSync): void {\n    Registry.all.push(value);\n  }\n}\nnew Registry<typeof execSync>().add(execSync);`,
  'ok-satisfies-named-slot.ts': `${EXEC}export const tool: { run: typeof execSync } = { run: execSync } satisfies { run: typeof execSync };`,
  'ok-satisfies-local.ts': `${LOCAL}${SATISFIES}`,
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('generic and satisfies stores (red-team round 13)', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED at the hand-off, naming the capability', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED)).join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no hand-off', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED))).toEqual([]);
  });
});
