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
};

const LOOKALIKES: Record<string, string> = {
  'ok-object-method-local.ts': `${LOCAL}${OBJECT_METHOD}`,
  'ok-implements-local.ts': `${LOCAL}${IMPLEMENTS}`,
  'ok-override-local.ts': `${LOCAL}${OVERRIDE}`,
  'ok-implements-same-type.ts': `${EXEC}${KEEPER}class Store implements Keeper {\n  keep(run: typeof execSync): void {\n    void run;\n  }\n}\nexport const keeper: Keeper = new Store();`,
  'ok-wider-data-parameter.ts': `${EXEC}interface Printer {\n  print(text: string): void;\n}\nexport const printer: Printer = {\n  print(text: unknown) {\n    console.log(text);\n  },\n};`,
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
