import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { TYPED_OPTIONS, typedProject } from './typed-program.js';

/**
 * Red-team round 18 (issue #10, `grant18-*`, choice 84): a capability handed to a signature the project
 * declares reaches the implementations that stand in it, followed back from the call. Where one is
 * found it is paired with the call (the finding at its wider parameter); where none can be (a
 * decorator, a Proxy, a downcast over a typed value, an untyped result, a descriptor map, a spread into
 * `Object.assign`), the hand-off is the finding (at the argument). Each row's shape, 2–3 siblings, the
 * same shapes exactly implemented (clean), and capability-free signatures (clean).
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";
const KEPT = 'export const kept: unknown[] = [];\ninterface Keeper {\n  keep(run: typeof execSync): void;\n}\n';
const WIDE = '(run: unknown) => {\n  kept.push(run);\n}';
const EXACT = '(run: typeof execSync) => {\n  void run;\n}';
const METHOD_DECORATOR = 'function widen(_t: object, _k: string, descriptor: PropertyDescriptor): void {\n  descriptor.value = function (run: unknown) { kept.push(run); };\n}\n';
const CLASS_DECORATOR = 'function widen<T extends new (...args: any[]) => object>(Base: T): T {\n  return class extends Base {\n    keep(run: unknown): void { kept.push(run); }\n  };\n}\n';
const LOGGED = 'function logged(_t: object, _k: string, _d: PropertyDescriptor): void {}\n';

/** Files where no implementation can be found: the finding is the handed argument `execSync`. */
const LOST: Record<string, string> = {
  // Decorators: the member (or the class) the checker paired is not what runs.
  'p-method-decorator.ts': `${EXEC}${KEPT}${METHOD_DECORATOR}class Box implements Keeper {\n  @widen\n  keep(run: typeof execSync): void { void run; }\n}\nconst keeper: Keeper = new Box();\nkeeper.keep(execSync);`,
  'p-accessor-decorator.ts': `${EXEC}${KEPT}function widen(_t: object, _k: string, d: PropertyDescriptor): void {\n  d.get = () => ${WIDE};\n}\nclass Box implements Keeper {\n  @widen\n  get keep(): (run: typeof execSync) => void { return (run) => { void run; }; }\n}\nnew Box().keep(execSync);`,
  'p-property-decorator.ts': `${EXEC}${KEPT}function widen(target: object, key: string): void {\n  Object.defineProperty(target, key, { value: ${WIDE} });\n}\nclass Box implements Keeper {\n  @widen\n  declare keep: (run: typeof execSync) => void;\n}\nconst keeper: Keeper = new Box();\nkeeper.keep(execSync);`,
  'p-class-decorator.ts': `${EXEC}${KEPT}${CLASS_DECORATOR}@widen\nclass Box implements Keeper {\n  keep(run: typeof execSync): void { void run; }\n}\nconst keeper: Keeper = new Box();\nkeeper.keep(execSync);`,
  'p-decorated-base-member.ts': `${EXEC}${KEPT}${METHOD_DECORATOR}class Base implements Keeper {\n  @widen\n  keep(run: typeof execSync): void { void run; }\n}\nclass Derived extends Base {}\nnew Derived().keep(execSync);`,
  'p-decorated-this-call.ts': `${EXEC}${KEPT}${METHOD_DECORATOR}export class Box {\n  @widen\n  keep(run: typeof execSync): void { void run; }\n  go(): void { this.keep(execSync); }\n}`,
  // Proxies: the traps answer for the target.
  'p-proxy-get.ts': `${EXEC}${KEPT}const keeper = new Proxy({} as Keeper, { get: () => ${WIDE} });\nkeeper.keep(execSync);`,
  'p-proxy-apply.ts': `${EXEC}export const kept: unknown[] = [];\ntype Keep = (run: typeof execSync) => void;\nconst keep = new Proxy((() => undefined) as unknown as Keep, {\n  apply: (_t, _s, args: unknown[]) => { kept.push(args[0]); },\n});\nkeep(execSync);`,
  'p-proxy-over-instance.ts': `${EXEC}${KEPT}class Box implements Keeper {\n  keep(run: typeof execSync): void { void run; }\n}\nconst keeper: Keeper = new Proxy(new Box(), { get: () => ${WIDE} });\nkeeper.keep(execSync);`,
  // Members replaced where the checker cannot see the source.
  'p-assign-spread-literal.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep: ${EXACT} };\nObject.assign(keeper, ...[{ keep: ${WIDE} }]);\nkeeper.keep(execSync);`,
  'p-assign-spread-variable.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep: ${EXACT} };\nconst sources = [{ keep: ${WIDE} }];\nObject.assign(keeper, ...sources);\nkeeper.keep(execSync);`,
  'p-define-property-parameter.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep: ${EXACT} };\nexport function redefine(descriptor: PropertyDescriptor): void {\n  Object.defineProperty(keeper, 'keep', descriptor);\n}\nkeeper.keep(execSync);`,
  'p-object-create-map.ts': `${EXEC}${KEPT}const keeper: Keeper = Object.create(Object.prototype, { keep: { value: ${WIDE} } });\nkeeper.keep(execSync);`,
  // A typed value cast to the signature it is called through: the checker never checked it against it.
  'p-from-entries-cast.ts': `${EXEC}${KEPT}const keeper = Object.fromEntries([['keep', ${WIDE}]]) as unknown as Keeper;\nkeeper.keep(execSync);`,
  'p-reduce-cast.ts': `${EXEC}${KEPT}const keeper = ([['keep', ${WIDE}]] as const).reduce((o, [k, v]) => ({ ...o, [k]: v }), {}) as unknown as Keeper;\nkeeper.keep(execSync);`,
  'p-unconstrained-type-parameter.ts': `${EXEC}export const kept: unknown[] = [];\nfunction withRun<F>(callback: F): void {\n  (callback as unknown as (run: typeof execSync) => void)(execSync);\n}\nwithRun(${WIDE});`,
  'p-defaulted-type-parameter.ts': `${EXEC}export const kept: unknown[] = [];\nfunction withRun<F = (run: typeof execSync) => void>(callback: F): void {\n  (callback as unknown as (run: typeof execSync) => void)(execSync);\n}\nwithRun(${WIDE});`,
  'p-parameter-downcast.ts': `${EXEC}${KEPT}export function use(thing: object): void {\n  (thing as Keeper).keep(execSync);\n}`,
  // An untyped result: nothing was made where the checker could see it.
  'p-json-parse-cast.ts': `${EXEC}${KEPT}export function use(text: string): void {\n  const keeper: Keeper = JSON.parse(text);\n  keeper.keep(execSync);\n}`,
};

/** Files where the implementation is found and paired at the call: the finding is its wider parameter `run`. */
const PAIRED: Record<string, string> = {
  'p-function-any-result.ts': `${EXEC}${KEPT}function make(): any {\n  return { keep: ${WIDE} };\n}\nconst keeper: Keeper = make();\nkeeper.keep(execSync);`,
  'p-arrow-any-result.ts': `${EXEC}${KEPT}const make = (): any => ({ keep: ${WIDE} });\nconst keeper: Keeper = make();\nkeeper.keep(execSync);`,
  'p-mixin-subclass.ts': `${EXEC}${KEPT}${CLASS_DECORATOR}const Box = widen(class implements Keeper {\n  keep(run: typeof execSync): void { void run; }\n});\nconst keeper: Keeper = new Box();\nkeeper.keep(execSync);`,
  'p-descriptor-variable.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep: ${EXACT} };\nconst descriptor = { value: ${WIDE} };\nObject.defineProperty(keeper, 'keep', descriptor);\nkeeper.keep(execSync);`,
  'p-descriptor-map-variable.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep: ${EXACT} };\nconst map = { keep: { value: ${WIDE} } };\nObject.defineProperties(keeper, map);\nkeeper.keep(execSync);`,
  'p-reflect-set-prototype-of.ts': `${EXEC}${KEPT}const keeper = {} as Keeper;\nReflect.setPrototypeOf(keeper, { keep: ${WIDE} });\nkeeper.keep(execSync);`,
  'p-reflect-set.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep: ${EXACT} };\nReflect.set(keeper, 'keep', ${WIDE});\nkeeper.keep(execSync);`,
  'p-prototype-any-cast.ts': `${EXEC}${KEPT}class Box implements Keeper {\n  keep(run: typeof execSync): void { void run; }\n}\nBox.prototype.keep = (${WIDE}) as any;\nnew Box().keep(execSync);`,
  'p-prototype-target-cast.ts': `${EXEC}${KEPT}class Box implements Keeper {\n  keep(run: typeof execSync): void { void run; }\n}\n(Box.prototype as any).keep = ${WIDE};\nnew Box().keep(execSync);`,
  'p-instance-member-any-cast.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep: ${EXACT} };\n(keeper as any).keep = ${WIDE};\nkeeper.keep(execSync);`,
  'p-partial-optional-call.ts': `${EXEC}${KEPT}const keeper: Partial<Keeper> = {\n  keep(run: unknown) { kept.push(run); },\n};\nkeeper.keep?.(execSync);`,
  'p-partial-non-null-call.ts': `${EXEC}${KEPT}const keeper: Partial<Keeper> = {\n  keep(run: unknown) { kept.push(run); },\n};\nkeeper.keep!(execSync);`,
  'p-spread-literal-member.ts': `${EXEC}${KEPT}const wide: any = { keep: ${WIDE} };\nconst keeper: Keeper = { ...wide };\nkeeper.keep(execSync);`,
};

const LOOKALIKES: Record<string, string> = {
  // The same shapes with every implementation found and exactly typed.
  'ok-plain-class.ts': `${EXEC}${KEPT}class Box implements Keeper {\n  keep(run: typeof execSync): void { void run; }\n  go(): void { this.keep(execSync); }\n}\nnew Box().keep(execSync);`,
  'ok-parameter-slot.ts': `${EXEC}${KEPT}function use(keeper: Keeper): void {\n  keeper.keep(execSync);\n}\nuse({ keep: ${EXACT} });`,
  'ok-mixin-exact.ts': `${EXEC}${KEPT}function widen<T extends new (...args: any[]) => object>(Base: T): T {\n  return class extends Base {\n    keep(run: typeof execSync): void { void run; }\n  };\n}\nconst Box = widen(class implements Keeper {\n  keep(run: typeof execSync): void { void run; }\n});\nconst keeper: Keeper = new Box();\nkeeper.keep(execSync);`,
  'ok-descriptor-variable-exact.ts': `${EXEC}${KEPT}const keeper: Keeper = { keep: ${EXACT} };\nconst descriptor = { value: ${EXACT} };\nObject.defineProperty(keeper, 'keep', descriptor);\nkeeper.keep(execSync);`,
  'ok-set-prototype-exact.ts': `${EXEC}${KEPT}const keeper = {} as Keeper;\nReflect.setPrototypeOf(keeper, { keep: ${EXACT} });\nkeeper.keep(execSync);`,
  'ok-double-cast-exact.ts': `${EXEC}${KEPT}const keeper = { keep: ${EXACT} } as unknown as Keeper;\nkeeper.keep(execSync);`,
  'ok-function-result-exact.ts': `${EXEC}${KEPT}function make(): any {\n  return { keep: ${EXACT} };\n}\nconst keeper: Keeper = make();\nkeeper.keep(execSync);`,
  'ok-upcast-slot.ts': `${EXEC}${KEPT}interface Named extends Keeper {\n  name: string;\n}\nexport function use(named: Named): void {\n  (named as Keeper).keep(execSync);\n}`,
  'ok-function-declaration.ts': `${EXEC}function runWith(run: typeof execSync): Buffer {\n  return run('true');\n}\nrunWith(execSync);`,
  // Capability-free signatures: a decorator, a Proxy, a cast hand over data only.
  'ok-decorated-data.ts': `${LOGGED}interface Printer {\n  print(text: string): void;\n}\nclass Box implements Printer {\n  @logged\n  print(text: string): void { console.log(text); }\n}\nconst printer: Printer = new Box();\nprinter.print('x');`,
  'ok-proxy-data.ts': `interface Printer {\n  print(text: string): void;\n}\nconst printer = new Proxy({} as Printer, { get: () => (text: unknown) => console.log(text) });\nprinter.print('x');`,
  'ok-decorated-local-stub.ts': `function execSync(command: string): Buffer {\n  return Buffer.from(command);\n}\nexport const kept: unknown[] = [];\ninterface Keeper {\n  keep(run: typeof execSync): void;\n}\n${METHOD_DECORATOR}class Box implements Keeper {\n  @widen\n  keep(run: typeof execSync): void { void run; }\n}\nnew Box().keep(execSync);`,
};

const FILES = { ...LOST, ...PAIRED, ...LOOKALIKES };
const project = typedProject(FILES, { ...TYPED_OPTIONS, experimentalDecorators: true });
afterAll(() => project.dispose());

/** Each UNANALYZED finding as the text it points at. */
const flagged = (file: string, facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => FILES[file]!.slice(finding.start, finding.end));

describe('a capability handed to a signature whose implementation cannot be found fails closed at the hand-off', () => {
  it.each(Object.keys(LOST))('%s: UNANALYZED at the handed capability', (file) => {
    const facts = project.typed(file, GRANTED);
    expect(flagged(file, facts)).toContain('execSync');
    expect(facts.findings.find((finding) => FILES[file]!.slice(finding.start, finding.end) === 'execSync' && finding.capability === 'UNANALYZED')?.message).toMatch(/reaches EXEC .*never paired/);
  });
});

describe('an implementation followed back from the call is paired with it', () => {
  it.each(Object.keys(PAIRED))('%s: UNANALYZED at the wider parameter', (file) => {
    const facts = project.typed(file, GRANTED);
    expect(flagged(file, facts)).toContain('run');
    expect(facts.findings.map((finding) => finding.message).join('\n')).toMatch(/reaches EXEC/);
  });
});

describe('every implementation found and exact, or no capability handed', () => {
  it.each(Object.keys(LOOKALIKES))('%s: no hand-off', (file) => {
    expect(flagged(file, project.typed(file, GRANTED))).toEqual([]);
  });
});
