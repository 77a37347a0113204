import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Red-team round 15: an implementation's parameter list, taken as a whole, wider than the one callers go
 * through, at any depth: no parameter at the position but `arguments` read, a rest, a destructured or an
 * object/array parameter wider inside, a function typed `(run: unknown)` handed where `Keep` is expected
 * (a `then` callback's parameter, an `async` function's `Promise<Keep>`).
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";
const LOCAL = "const execSync = (command: string): Buffer => Buffer.from(command);\n";
const KEPT = 'export const kept: unknown[] = [];\ntype Keep = (run: typeof execSync) => void;\n';
const keeper = (declared: string, implementation: string, call: string): string =>
  `${KEPT}interface Keeper {\n  keep(${declared}): void;\n}\nclass Store implements Keeper {\n  ${implementation}\n}\nconst keeper: Keeper = new Store();\nkeeper.keep(${call});`;
const ARGUMENTS_FUNCTION = `${KEPT}const keep: Keep = function () {\n  kept.push(arguments[0]);\n};\nkeep(execSync);`;
const REST_METHOD = keeper('run: typeof execSync', 'keep(...all: unknown[]): void {\n    kept.push(all[0]);\n  }', 'execSync');
const OBJECT_METHOD = keeper('box: { run: typeof execSync }', 'keep(box: { run: unknown }): void {\n    kept.push(box.run);\n  }', '{ run: execSync }');
const THEN_CALLBACK = `${KEPT}void Promise.resolve((run: unknown) => {\n  kept.push(run);\n}).then((keep: Keep) => keep(execSync));`;
const ASYNC_RETURN = `${KEPT}async function make(): Promise<Keep> {\n  return (run: unknown) => {\n    kept.push(run);\n  };\n}\nvoid make().then((keep) => keep(execSync));`;

const ESCAPES: Record<string, string> = {
  // Zero declared parameters, the body reads `arguments`: a function expression, a method, an arrow-free sibling with one parameter too few.
  'p-arguments-function.ts': `${EXEC}${ARGUMENTS_FUNCTION}`,
  'p-arguments-method.ts': `${EXEC}${keeper('run: typeof execSync', 'keep(): void {\n    kept.push(arguments[0]);\n  }', 'execSync')}`,
  'p-arguments-second-position.ts': `${EXEC}${KEPT}const put: (key: string, run: typeof execSync) => void = function (key: string) {\n  kept.push(key, arguments[1]);\n};\nput('k', execSync);`,
  'p-arguments-object-method.ts': `${EXEC}${KEPT}const keeper: { keep: Keep } = {\n  keep() {\n    kept.push(arguments[0]);\n  },\n};\nkeeper.keep(execSync);`,
  // A rest parameter: in a method, a function value, after a fixed parameter.
  'p-rest-method.ts': `${EXEC}${REST_METHOD}`,
  'p-rest-arrow.ts': `${EXEC}${KEPT}const keep: Keep = (...all: unknown[]) => void kept.push(all[0]);\nkeep(execSync);`,
  'p-rest-after-fixed.ts': `${EXEC}${keeper('key: string, run: typeof execSync', 'keep(key: string, ...rest: object[]): void {\n    kept.push(key, rest[0]);\n  }', "'k', execSync")}`,
  // Wider inside: a destructured parameter, an object, an array, a tuple, a nested object.
  'p-destructured.ts': `${EXEC}${keeper('box: { run: typeof execSync }', 'keep({ run }: { run: unknown }): void {\n    kept.push(run);\n  }', '{ run: execSync }')}`,
  'p-object-inside.ts': `${EXEC}${OBJECT_METHOD}`,
  'p-array-inside.ts': `${EXEC}${keeper('list: (typeof execSync)[]', 'keep(list: unknown[]): void {\n    kept.push(list[0]);\n  }', '[execSync]')}`,
  'p-nested-object-inside.ts': `${EXEC}${keeper('box: { inner: { run: typeof execSync } }', 'keep(box: { inner: { run: Function } }): void {\n    kept.push(box.inner.run);\n  }', '{ inner: { run: execSync } }')}`,
  'p-array-arrow-inside.ts': `${EXEC}${KEPT}const keep: (list: (typeof execSync)[]) => void = (list: object[]) => void kept.push(list[0]);\nkeep([execSync]);`,
  // A wider function where a `Keep` is taken: a `then` callback's parameter, an async return, a callback handed a wider function.
  'p-then-callback.ts': `${EXEC}${THEN_CALLBACK}`,
  'p-async-return.ts': `${EXEC}${ASYNC_RETURN}`,
  'p-async-arrow-return.ts': `${EXEC}${KEPT}const make = async (): Promise<Keep> => (run: unknown) => void kept.push(run);\nvoid make().then((keep) => keep(execSync));`,
  'p-async-return-named.ts': `${EXEC}${KEPT}const wide = (run: unknown): void => void kept.push(run);\nasync function make(): Promise<Keep> {\n  return wide;\n}\nvoid make().then((keep) => keep(execSync));`,
  // A named function (not a literal) whose parameter is wider than what `then` hands it (class-cases.ts keeps the narrow one).
  'p-then-named-wider.ts': "declare const use: (m: object) => void;\nvoid import('node:child_process').then(use);\nexport {};",
  // A generic class instantiated wider than the declared type it is used as (round 15's row, still caught).
  'p-generic-class-instantiated-unknown.ts': `${EXEC}${KEPT}interface Keeper<T> {\n  keep(run: T): void;\n}\nclass Store<T> implements Keeper<T> {\n  keep(run: T): void {\n    kept.push(run);\n  }\n}\nconst keeper: Keeper<typeof execSync> = new Store<unknown>();\nkeeper.keep(execSync);`,
  'p-callback-wider-function.ts': `${EXEC}${KEPT}const wide = (run: unknown): void => void kept.push(run);\n[wide].forEach((keep: Keep) => keep(execSync));`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-arguments-local.ts': `${LOCAL}${ARGUMENTS_FUNCTION}`,
  'ok-rest-local.ts': `${LOCAL}${REST_METHOD}`,
  'ok-object-local.ts': `${LOCAL}${OBJECT_METHOD}`,
  'ok-then-local.ts': `${LOCAL}${THEN_CALLBACK}`,
  'ok-async-local.ts': `${LOCAL}${ASYNC_RETURN}`,
  // The same shapes over data: wider than `string` loses no capability.
  'ok-rest-data.ts': `${EXEC}interface Printer {\n  print(text: string): void;\n}\nexport const printer: Printer = {\n  print(...all: unknown[]) {\n    console.log(all);\n  },\n};`,
  'ok-object-data.ts': `${EXEC}interface Printer {\n  print(box: { text: string }): void;\n}\nexport const printer: Printer = {\n  print(box: { text: unknown }) {\n    console.log(box.text);\n  },\n};`,
  // No parameter and no `arguments`: the capability handed is dropped.
  'ok-no-parameter-no-arguments.ts': `${EXEC}${KEPT}const keep: Keep = function () {\n  kept.push(1);\n};\nkeep(execSync);`,
  // `arguments` read only in a nested function: the outer one's arguments never reach it.
  'ok-arguments-nested-function.ts': `${EXEC}${KEPT}const keep: Keep = function () {\n  kept.push(function inner() {\n    return arguments.length;\n  });\n};\nkeep(execSync);`,
  // Same width at every depth.
  'ok-object-same-type.ts': `${EXEC}${keeper('box: { run: typeof execSync }', 'keep(box: { run: typeof execSync }): void {\n    void box;\n  }', '{ run: execSync }')}`,
  'ok-then-same-type.ts': `${EXEC}${KEPT}void Promise.resolve((run: typeof execSync) => void run).then((keep: Keep) => keep(execSync));`,
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('a parameter list wider, as a whole and at any depth, than the one callers go through', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED, naming the capability', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED)).join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no hand-off', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED))).toEqual([]);
  });
});
