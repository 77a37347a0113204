import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { capabilitiesOf, typedProject } from './typed-program.js';

/**
 * Hand-offs through the type hierarchy and generics (red-team round 12, `grant12-*`): a member
 * overriding a base member typed wider than the capability it holds, a generic whose body stores
 * its `T` where the type is gone, and a compiled `export *` facade an importer loads. The providers
 * are granted EXEC; the hand-off is not.
 */
const PROVIDER_GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";
const LOCAL = 'const local = (command: string): Buffer => Buffer.from(command);\n';

const ESCAPES: Record<string, string> = {
  'p-getter-override.ts': `${EXEC}abstract class Base {\n  abstract get run(): Function;\n}\nclass Impl extends Base {\n  get run() {\n    return execSync;\n  }\n}\nexport const tool: Base = new Impl();`,
  'p-method-override.ts': `${EXEC}class Base {\n  pick(): unknown {\n    return undefined;\n  }\n}\nclass Impl extends Base {\n  override pick() {\n    return execSync;\n  }\n}\nexport const tool: Base = new Impl();`,
  'p-implements-field.ts': `${EXEC}interface Runner {\n  run: Function;\n}\nclass Impl implements Runner {\n  run = execSync;\n}\nexport const runner: Runner = new Impl();`,
  'p-string-named-field.ts': `${EXEC}interface Runner {\n  run: object;\n}\nexport const runner: Runner = new (class implements Runner {\n  'run' = execSync;\n})();`,
  'p-static-override.ts': `${EXEC}class Base {\n  static run: Function | undefined;\n}\nclass Impl extends Base {\n  static override run = execSync;\n}\nexport const Tool: typeof Base = Impl;`,
  'p-generic-store.ts': `${EXEC}export const kept: unknown[] = [];\nfunction keep<T>(value: T): T {\n  kept.push(value);\n  return value;\n}\nkeep(execSync);`,
  'p-generic-alias-store.ts': `${EXEC}export const bag: { run?: Function } = {};\nfunction keep<T extends unknown>(value: T): T {\n  const held = value;\n  bag.run = held as Function;\n  Object.assign(bag, { again: held });\n  return value;\n}\nexport const same = keep(execSync);`,
  'p-generic-assign-unknown.ts': `${EXEC}export let last: unknown;\nexport const remember = <T,>(value: T): T => {\n  last = value;\n  return value;\n};\nremember(execSync);`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-override-kept.ts': `${EXEC}abstract class Base {\n  abstract get run(): typeof execSync;\n}\nclass Impl extends Base {\n  get run() {\n    return execSync;\n  }\n}\nexport const tool: Base = new Impl();`,
  'ok-override-local.ts': `${LOCAL}interface Runner {\n  run: Function;\n  pick(): unknown;\n}\nclass Impl implements Runner {\n  run = local;\n  pick() {\n    return local;\n  }\n}\nexport const runner: Runner = new Impl();`,
  'ok-generic-returns.ts': `${EXEC}function id<T>(value: T): T {\n  const copy: T = value;\n  return copy;\n}\nexport const same = id(execSync);`,
  'ok-generic-typed-store.ts': `${EXEC}function collect<T>(value: T): T[] {\n  const list: T[] = [];\n  list.push(value);\n  return list;\n}\nexport const list = collect(execSync);`,
  'ok-generic-local.ts': `${LOCAL}export const kept: unknown[] = [];\nfunction keep<T>(value: T): T {\n  kept.push(value);\n  return value;\n}\nkeep(local);`,
};

const FACADE_USERS: Record<string, string> = {
  'app-create-require.ts': "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const facade: Record<string, unknown> = load('./tsc-facade.cjs');",
  'app-esbuild.ts': "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const facade: Record<string, unknown> = load('./esbuild-facade.cjs');",
  'app-barrel.ts': "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const facade: Record<string, unknown> = load('./barrel-facade.cjs');",
  'app-import.ts': "import facade from './tsc-facade.cjs';\nexport const run: unknown = facade;",
};

const PURE_FACADE_USERS: Record<string, string> = {
  'app-pure.ts': "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const facade: Record<string, unknown> = load('./pure-facade.cjs');",
};

const TSC_STAR = 'var __exportStar = (this && this.__exportStar) || function(m, exports) {\n  for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) exports[p] = m[p];\n};\nObject.defineProperty(exports, "__esModule", { value: true });\n';

const SUPPORT: Record<string, string> = {
  'tsc-facade.cjs': `"use strict";\n${TSC_STAR}__exportStar(require("node:child_process"), exports);`,
  'esbuild-facade.cjs': '"use strict";\nvar __reExport = (target, mod, second) => Object.assign(target, mod);\nvar facade_exports = {};\nmodule.exports = facade_exports;\n__reExport(facade_exports, require("node:child_process"), module.exports);',
  'barrel-facade.cjs': `"use strict";\n${TSC_STAR}__exportStar(require("./tsc-facade.cjs"), exports);`,
  'pure-facade.cjs': `"use strict";\n${TSC_STAR}__exportStar(require("node:path"), exports);`,
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES, ...FACADE_USERS, ...PURE_FACADE_USERS, ...SUPPORT });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('a capability handed to a supertype through the class hierarchy or a generic', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED at the hand-off, naming the capability, though the file is granted it', (file) => {
    const messages = unanalyzed(project.typed(file, PROVIDER_GRANTED));
    expect(messages.join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no hand-off (the slot names the value, or the value is local)', (file) => {
    expect(unanalyzed(project.typed(file, PROVIDER_GRANTED))).toEqual([]);
  });

  it('reports an overriding member at its name, not at the class', () => {
    const facts = project.typed('p-getter-override.ts', PROVIDER_GRANTED);
    const finding = facts.findings.find((each) => each.capability === 'UNANALYZED');
    expect(finding?.message).toMatch(/`run`/);
  });
});

describe('a compiled `export *` facade of a capability module', () => {
  it.each(Object.keys(FACADE_USERS))('%s reaches EXEC at its load of the facade', (file) => {
    expect(capabilitiesOf(project.typed(file))).toContain('EXEC');
  });

  it('a facade of a pure module reaches nothing', () => {
    expect(capabilitiesOf(project.typed('app-pure.ts'))).toEqual([]);
  });

  it('is a typed finding: the syntactic detector does not follow the load', () => {
    expect(capabilitiesOf(project.syntactic('app-create-require.ts'))).not.toContain('EXEC');
  });
});
