import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Red-team round 16 (issue #10, `grant16-*`): a capability handed through a declared signature to an
 * implementation the checker never paired with it. The implementation reaches the signature through
 * `any` or a double cast, replaces the member after the object is made (Object.assign,
 * defineProperty, defineProperties, a prototype), differs only in its `this` parameter, reads every
 * argument through `arguments` as a value, or is inferred for a type parameter whose constraint is
 * the signature. Each row's shape, 2–3 siblings, and the same shapes exactly typed (clean).
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";
const KEPT = 'export const kept: unknown[] = [];\ninterface Keeper {\n  keep(run: typeof execSync): void;\n}\n';
const WIDE = '(run: unknown) => {\n    kept.push(run);\n  }';
const EXACT = '(run: typeof execSync) => {\n    void run;\n  }';
const THIS_KEPT = 'export const kept: unknown[] = [];\ninterface Keeper {\n  keep(this: typeof execSync): void;\n}\n';
const CLASS = (body: string): string => `${KEPT}class Store implements Keeper {\n  keep(_run: typeof execSync): void {\n    ${body}\n  }\n}\nconst keeper: Keeper = new Store();\nkeeper.keep(execSync);`;

const ESCAPES: Record<string, string> = {
  // grant16-any-typed-implementation and siblings: the implementation typed `any` (or `unknown`) before the declared type.
  'p-any-typed.ts': `${EXEC}${KEPT}const impl: any = {\n  keep${WIDE.replace(' =>', '')},\n};\nconst keeper: Keeper = impl;\nkeeper.keep(execSync);`,
  'p-unknown-typed-cast.ts': `${EXEC}${KEPT}const impl: unknown = { keep: ${WIDE} };\nconst keeper = impl as Keeper;\nkeeper.keep(execSync);`,
  'p-any-typed-argument.ts': `${EXEC}${KEPT}const impl: any = { keep: ${WIDE} };\nfunction use(keeper: Keeper): void {\n  keeper.keep(execSync);\n}\nuse(impl);`,
  'p-any-typed-assignment.ts': `${EXEC}${KEPT}const impl: any = { keep: ${WIDE} };\nlet keeper: Keeper = { keep() {} };\nkeeper = impl;\nkeeper.keep(execSync);`,
  // grant16-double-cast-implementation and siblings.
  'p-double-cast.ts': `${EXEC}${KEPT}const keeper = {\n  keep${WIDE.replace(' =>', '')},\n} as unknown as Keeper;\nkeeper.keep(execSync);`,
  'p-double-cast-any.ts': `${EXEC}${KEPT}const keeper = <Keeper>(<any>{ keep: ${WIDE} });\nkeeper.keep(execSync);`,
  'p-double-cast-function.ts': `${EXEC}${KEPT}type Keep = (run: typeof execSync) => void;\nconst keep = (${WIDE}) as unknown as Keep;\nkeep(execSync);`,
  'p-double-cast-class.ts': `${EXEC}${KEPT}class Wide {\n  keep(run: unknown): void {\n    kept.push(run);\n  }\n}\nconst keeper = new Wide() as object as Keeper;\nkeeper.keep(execSync);`,
  // grant16-object-assign-implementation and siblings.
  'p-object-assign.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nObject.assign(keeper, {\n  keep: ${WIDE},\n});\nkeeper.keep(execSync);`,
  'p-object-assign-second-source.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nObject.assign(keeper, {}, { keep: ${WIDE} });\nkeeper.keep(execSync);`,
  'p-object-assign-method.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nconst wide = {\n  keep(run: unknown) {\n    kept.push(run);\n  },\n};\nObject.assign(keeper, wide);\nkeeper.keep(execSync);`,
  // grant16-define-property-implementation, grant16-define-properties-implementation and siblings.
  'p-define-property.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nObject.defineProperty(keeper, 'keep', {\n  value: ${WIDE},\n});\nkeeper.keep(execSync);`,
  'p-reflect-define-property.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nReflect.defineProperty(keeper, 'keep', { value: ${WIDE} });\nkeeper.keep(execSync);`,
  'p-define-property-getter.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nObject.defineProperty(keeper, 'keep', { get: () => ${WIDE} });\nkeeper.keep(execSync);`,
  'p-define-properties.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nObject.defineProperties(keeper, {\n  keep: {\n    value: ${WIDE},\n  },\n});\nkeeper.keep(execSync);`,
  'p-define-properties-class.ts': `${EXEC}${KEPT}class Store implements Keeper {\n  keep(run: typeof execSync): void {\n    void run;\n  }\n}\nconst keeper: Keeper = new Store();\nObject.defineProperties(Store.prototype, { keep: { value: ${WIDE} } });\nkeeper.keep(execSync);`,
  // grant16-set-prototype-of-implementation and siblings.
  'p-set-prototype-of.ts': `${EXEC}${KEPT}const keeper: Keeper = Object.setPrototypeOf({}, {\n  keep(run: unknown) {\n    kept.push(run);\n  },\n});\nkeeper.keep(execSync);`,
  'p-object-create.ts': `${EXEC}${KEPT}const keeper: Keeper = Object.create({ keep: ${WIDE} });\nkeeper.keep(execSync);`,
  'p-set-prototype-of-existing.ts': `${EXEC}${KEPT}class Store implements Keeper {\n  keep(run: typeof execSync): void {\n    void run;\n  }\n}\nconst keeper: Keeper = new Store();\nObject.setPrototypeOf(keeper, { keep: ${WIDE} });\nkeeper.keep(execSync);`,
  // grant16-this-parameter-unknown and siblings.
  'p-this-unknown.ts': `${EXEC}${THIS_KEPT}const keeper: Keeper = {\n  keep(this: unknown) {\n    kept.push(this);\n  },\n};\nkeeper.keep.call(execSync);`,
  'p-this-class-object.ts': `${EXEC}${THIS_KEPT}class Store implements Keeper {\n  keep(this: object): void {\n    kept.push(this);\n  }\n}\nconst keeper: Keeper = new Store();\nkeeper.keep.call(execSync);`,
  'p-this-function-value.ts': `${EXEC}${THIS_KEPT}const keep: (this: typeof execSync) => void = function (this: unknown) {\n  kept.push(this);\n};\nkeep.call(execSync);`,
  // grant16-arguments-alias-exact-parameter, grant16-arguments-spread-exact-parameter and siblings: `arguments` as a value is every parameter.
  'p-arguments-alias.ts': `${EXEC}${CLASS('const all = arguments;\n    kept.push(all[0]);')}`,
  'p-arguments-spread.ts': `${EXEC}${CLASS('kept.push(...arguments);')}`,
  'p-arguments-array-from.ts': `${EXEC}${CLASS('kept.push(Array.from(arguments));')}`,
  'p-arguments-index.ts': `${EXEC}${CLASS('kept.push(arguments[0]);')}`,
  'p-arguments-callback.ts': `${EXEC}export const kept: unknown[] = [];\n[execSync].forEach(function (run: typeof execSync) {\n  kept.push(...arguments);\n});`,
  // grant16-generic-callback-constraint, grant16-generic-callback-array-constraint and siblings.
  'p-generic-constraint.ts': `${EXEC}export const kept: unknown[] = [];\nfunction withRun<F extends (run: typeof execSync) => void>(cb: F): void {\n  cb(execSync);\n}\nwithRun(${WIDE});`,
  'p-generic-constraint-array.ts': `${EXEC}export const kept: unknown[] = [];\nfunction withRuns<F extends (run: typeof execSync) => void>(cbs: F[]): void {\n  for (const cb of cbs) cb(execSync);\n}\nwithRuns([\n  ${WIDE},\n]);`,
  'p-generic-constraint-named.ts': `${EXEC}export const kept: unknown[] = [];\nfunction withRun<F extends (run: typeof execSync) => void>(cb: F): void {\n  cb(execSync);\n}\nfunction keepIt(run: unknown): void {\n  kept.push(run);\n}\nwithRun(keepIt);`,
  'p-generic-constraint-object.ts': `${EXEC}${KEPT}function withKeeper<K extends Keeper>(keeper: K): void {\n  keeper.keep(execSync);\n}\nwithKeeper({ keep: ${WIDE} });`,
  'p-generic-constraint-class.ts': `${EXEC}export const kept: unknown[] = [];\nclass Runner<F extends (run: typeof execSync) => void> {\n  constructor(readonly cb: F) {}\n  go(): void {\n    this.cb(execSync);\n  }\n}\nnew Runner(${WIDE}).go();`,
};

const LOOKALIKES: Record<string, string> = {
  // The same shapes with an implementation exactly typed.
  'ok-any-typed-exact.ts': `${EXEC}${KEPT}const impl: any = { keep: ${EXACT} };\nconst keeper: Keeper = impl;\nkeeper.keep(execSync);`,
  'ok-double-cast-exact.ts': `${EXEC}${KEPT}const keeper = { keep: ${EXACT} } as unknown as Keeper;\nkeeper.keep(execSync);`,
  'ok-object-assign-exact.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nObject.assign(keeper, { keep: ${EXACT} });\nkeeper.keep(execSync);`,
  'ok-define-property-exact.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nObject.defineProperty(keeper, 'keep', { value: ${EXACT} });\nkeeper.keep(execSync);`,
  'ok-define-properties-exact.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep() {} };\nObject.defineProperties(keeper, { keep: { value: ${EXACT} } });\nkeeper.keep(execSync);`,
  'ok-set-prototype-of-exact.ts': `${EXEC}${KEPT}const keeper: Keeper = Object.setPrototypeOf({}, { keep: ${EXACT} });\nkeeper.keep(execSync);`,
  'ok-this-exact.ts': `${EXEC}${THIS_KEPT}const keeper: Keeper = {\n  keep(this: typeof execSync) {\n    void this;\n  },\n};\nkeeper.keep.call(execSync);`,
  'ok-arguments-length.ts': `${EXEC}${CLASS('if (arguments.length !== 1) throw new Error(String(arguments.length));')}`,
  'ok-generic-constraint-exact.ts': `${EXEC}function withRun<F extends (run: typeof execSync) => void>(cb: F): void {\n  cb(execSync);\n}\nwithRun(${EXACT});`,
  // Wider than data: an `unknown` where a string is handed loses no capability.
  'ok-object-assign-data.ts': `interface Printer {\n  print(text: string): void;\n}\nexport const printer: Printer = { print() {} };\nObject.assign(printer, { print: (text: unknown) => console.log(text) });`,
  'ok-double-cast-data.ts': `interface Printer {\n  print(text: string): void;\n}\nexport const printer = { print: (text: unknown) => console.log(text) } as unknown as Printer;`,
  'ok-arguments-data.ts': `export function print(text: string): void {\n  console.log(...arguments, text);\n}`,
  'ok-generic-constraint-data.ts': `function withPrint<F extends (text: string) => void>(cb: F): void {\n  cb('x');\n}\nwithPrint((text: unknown) => console.log(text));`,
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('an implementation the checker never paired with the signature a capability is handed through', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED, naming the capability', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED)).join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no hand-off', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED))).toEqual([]);
  });
});
