import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Issue #10, red-team round 13: an implementation whose parameter is wider than the member it is called
 * through. The call is checked against the declared `keep(run: typeof execSync)`; the capability
 * reaches the implementation's `unknown`/`object`/`Function` parameter, where no type names it.
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";
const LOCAL = "const execSync = (command: string): Buffer => Buffer.from(command);\n";
const KEEPER = 'interface Keeper {\n  keep(run: typeof execSync): void;\n}\nexport const kept: unknown[] = [];\n';
const OBJECT_METHOD = `${KEEPER}const keeper: Keeper = {\n  keep(run: unknown) {\n    kept.push(run);\n  },\n};\nkeeper.keep(execSync);`;
const IMPLEMENTS = `${KEEPER}class Store implements Keeper {\n  keep(run: unknown): void {\n    kept.push(run);\n  }\n}\nconst keeper: Keeper = new Store();\nkeeper.keep(execSync);`;
const OVERRIDE = 'export const kept: unknown[] = [];\nclass Base {\n  keep(run: typeof execSync): void {\n    void run;\n  }\n}\nclass Wide extends Base {\n  override keep(run: Function): void {\n    kept.push(run);\n  }\n}\nconst keeper: Base = new Wide();\nkeeper.keep(execSync);';

const ESCAPES: Record<string, string> = {
  'p-object-method.ts': `${EXEC}${OBJECT_METHOD}`,
  'p-implements.ts': `${EXEC}${IMPLEMENTS}`,
  'p-subclass-override.ts': `${EXEC}${OVERRIDE}`,
  'p-object-arrow-property.ts': `${EXEC}${KEEPER}const keeper: Keeper = { keep: (run: object) => void kept.push(run) };\nkeeper.keep(execSync);`,
  'p-second-parameter.ts': `${EXEC}interface Pair {\n  put(key: string, run: typeof execSync): void;\n}\nexport const kept: unknown[] = [];\nexport const pair: Pair = {\n  put(key: string, run: unknown) {\n    kept.push(key, run);\n  },\n};`,
  // Round 14: the same hand-off through a setter, an arrow field, an index signature, a generic
  // implementation, a bound method, a mixin.
  'p-setter.ts': `${EXEC}interface Slot {\n  get run(): unknown;\n  set run(value: typeof execSync);\n}\nexport const kept: unknown[] = [];\nclass Store implements Slot {\n  get run(): unknown {\n    return kept.length;\n  }\n  set run(value: unknown) {\n    kept.push(value);\n  }\n}\nconst slot: Slot = new Store();\nslot.run = execSync;`,
  'p-literal-setter.ts': `${EXEC}interface Slot {\n  run: typeof execSync | undefined;\n}\nexport const kept: unknown[] = [];\nconst slot: Slot = {\n  get run() {\n    return undefined;\n  },\n  set run(value: object | undefined) {\n    kept.push(value);\n  },\n};\nslot.run = execSync;`,
  'p-class-arrow-field.ts': `${EXEC}${KEEPER}class Store implements Keeper {\n  keep = (run: unknown): void => {\n    kept.push(run);\n  };\n}\nconst keeper: Keeper = new Store();\nkeeper.keep(execSync);`,
  'p-index-signature-member.ts': `${EXEC}interface Keepers {\n  [name: string]: (run: typeof execSync) => void;\n}\nexport const kept: unknown[] = [];\nconst keepers: Keepers = {\n  keep(run: unknown): void {\n    kept.push(run);\n  },\n};\nkeepers.keep(execSync);`,
  'p-generic-implementation.ts': `${EXEC}${KEEPER}class Store implements Keeper {\n  keep<T>(run: T): void {\n    kept.push(run);\n  }\n}\nconst keeper: Keeper = new Store();\nkeeper.keep(execSync);`,
  'p-bound-method.ts': `${EXEC}export const kept: unknown[] = [];\nclass Store {\n  keep(run: unknown): void {\n    kept.push(run);\n  }\n}\nconst store = new Store();\nconst keep: (run: typeof execSync) => void = store.keep.bind(store);\nkeep(execSync);`,
  'p-arrow-into-narrow-type.ts': `${EXEC}export const kept: unknown[] = [];\nconst wide = (run: unknown): void => void kept.push(run);\nconst keep: (run: typeof execSync) => void = wide;\nkeep(execSync);`,
  'p-mixin.ts': `${EXEC}type Constructor = new (...args: any[]) => object;\nexport const kept: unknown[] = [];\nfunction Keeping<B extends Constructor>(Base: B) {\n  return class extends Base {\n    keep(run: unknown): void {\n      kept.push(run);\n    }\n  };\n}\nclass BaseKeeper {\n  keep(run: typeof execSync): void {\n    void run;\n  }\n}\nclass Tool extends Keeping(BaseKeeper) {}\nconst keeper: BaseKeeper = new Tool();\nkeeper.keep(execSync);`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-object-method-local.ts': `${LOCAL}${OBJECT_METHOD}`,
  'ok-implements-local.ts': `${LOCAL}${IMPLEMENTS}`,
  'ok-override-local.ts': `${LOCAL}${OVERRIDE}`,
  'ok-implements-same-type.ts': `${EXEC}${KEEPER}class Store implements Keeper {\n  keep(run: typeof execSync): void {\n    void run;\n  }\n}\nexport const keeper: Keeper = new Store();`,
  'ok-wider-data-parameter.ts': `${EXEC}interface Printer {\n  print(text: string): void;\n}\nexport const printer: Printer = {\n  print(text: unknown) {\n    console.log(text);\n  },\n};`,
  'ok-setter-data.ts': `${EXEC}interface Slot {\n  set label(value: string);\n}\nexport const kept: unknown[] = [];\nclass Store implements Slot {\n  set label(value: unknown) {\n    kept.push(value);\n  }\n}\nexport const slot: Slot = new Store();`,
  'ok-generic-implementation-data.ts': `${EXEC}interface Printer {\n  print(text: string): void;\n}\nclass Log implements Printer {\n  print<T>(text: T): void {\n    console.log(text);\n  }\n}\nexport const printer: Printer = new Log();`,
  'ok-bound-method-data.ts': `${EXEC}class Log {\n  print(text: unknown): void {\n    console.log(text);\n  }\n}\nconst log = new Log();\nexport const print: (text: string) => void = log.print.bind(log);`,
  'ok-bound-method-same-type.ts': `${EXEC}class Runner {\n  run(command: typeof execSync): void {\n    void command;\n  }\n}\nconst runner = new Runner();\nexport const run: (command: typeof execSync) => void = runner.run.bind(runner);`,
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('an implementation parameter wider than the member it is called through', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED at the wider parameter, naming the capability', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED)).join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no hand-off', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED))).toEqual([]);
  });
});
