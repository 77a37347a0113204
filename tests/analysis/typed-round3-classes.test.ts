import { afterAll, describe, expect, it } from 'vitest';
import { policyConfigSchema } from '../../policy/schema.js';
import { capabilitiesOf, typedProject } from './typed-program.js';

/**
 * Red-team round 3's classes closed in session 9 (fixtures/evasions/red-team-3): a function record
 * widened to `Record<string, Function>`, a bound partial of `spawnSync`, a script element given
 * source text, a builtin member replaced on the shared module object, a class only tested with
 * `instanceof`, and tsc's CommonJS output of `await import()`. Each with its look-alike.
 */
const PROVIDERS_GRANTED = policyConfigSchema.parse({
  grants: [{ files: ['lib/p-*.ts', 'lib/patch-*.cjs'], capabilities: ['EXEC', 'FILES_READ', 'FILES_WRITE'], reason: 'the provider holds it on purpose' }],
});
const EXEC = "import { execSync, spawnSync } from 'node:child_process';\n";

const project = typedProject({
  'p-record-function.ts': `${EXEC}export const tools: Record<string, Function> = { execSync };`,
  'p-record-typed.ts': `${EXEC}export const tools: Record<string, typeof execSync> = { execSync };`,
  'p-bound.ts': `${EXEC}export const shell = spawnSync.bind(null, 'sh');`,
  'p-bound-local.ts': "const format = (prefix: string, text: string): string => `${prefix}${text}`;\nexport const tag = format.bind(null, '[x] ');",
  'app-record.ts': "import { tools } from './p-record-function.js';\nexport const out = String(tools.execSync?.('id'));",
  'app-record-typed.ts': "import { tools } from './p-record-typed.js';\nexport const out = String(tools.execSync?.('id'));",
  'app-bound.ts': "import { shell } from './p-bound.js';\nexport const out = String(shell(['-c', 'id']).stdout);",
  'app-bound-local.ts': "import { tag } from './p-bound-local.js';\nexport const out = tag('hello');",
  'script-literal.ts': "export function inject(code: string): void {\n  const script = document.createElement('script');\n  script.text = code;\n  document.head.append(script);\n}",
  'script-typed-tag.ts': "export function inject(doc: Document, code: string): void {\n  const tag = 'script' as const;\n  const script = doc.createElement(tag);\n  script.textContent = code;\n  doc.body.append(script);\n}",
  'script-svg.ts': "export const make = (): SVGScriptElement => document.createElementNS('http://www.w3.org/2000/svg', 'script');",
  'div-text.ts': "export function show(text: string): void {\n  const box = document.createElement('div');\n  box.textContent = text;\n  document.body.append(box);\n}",
  'react-like.ts': "declare const React: { createElement(tag: string, props: object): object };\nexport const el = React.createElement('script', { src: '/app.js' });",
  'instanceof-only.ts': "import { ChildProcess } from 'node:child_process';\nexport function isChild(value: unknown): value is ChildProcess {\n  return value instanceof ChildProcess;\n}",
  'instanceof-and-new.ts': "import { ChildProcess } from 'node:child_process';\nexport const child = new ChildProcess();\nexport const isChild = (value: unknown): boolean => value instanceof ChildProcess;",
  'instanceof-extends.ts': "import { Socket } from 'node:net';\nexport class Tap extends Socket {}\nexport const isTap = (value: unknown): boolean => value instanceof Socket;",
  'instanceof-exported.ts': "import { Socket } from 'node:net';\nexport { Socket };\nexport const isSocket = (value: unknown): boolean => value instanceof Socket;",
  'patch-swap.cjs': "const fs = require('node:fs');\nfs.readFileSync = fs.writeFileSync;",
  'patch-load.cjs': "require('node:fs').writeFileSync = () => undefined;",
  'patch-setting.cjs': "require('node:events').defaultMaxListeners = 20;\nconst http = require('node:http');\nhttp.globalAgent.maxSockets = 10;",
  'dyn-arrow.cjs': "async function read(p) {\n  const { readFile } = await Promise.resolve().then(() => require('node:fs/promises'));\n  return readFile(p, 'utf8');\n}\nmodule.exports = read;",
  'dyn-es5.cjs': "async function read(p) {\n  const fsp = await Promise.resolve().then(function () { return require('node:fs/promises'); });\n  return fsp.readFile(p, 'utf8');\n}\nmodule.exports = read;",
  'dyn-write.cjs': "async function save(p) {\n  const { writeFile } = await Promise.resolve().then(() => require('node:fs/promises'));\n  return writeFile(p, '{}');\n}\nmodule.exports = save;",
});
afterAll(() => project.dispose());

describe('grant laundering the types see through (typed mode)', () => {
  it('a shorthand property in a `Record<string, Function>` is a slot that loses the value: the importer reaches EXEC', () => {
    expect(capabilitiesOf(project.typed('p-record-function.ts', PROVIDERS_GRANTED))).toEqual(['UNANALYZED']);
    expect(capabilitiesOf(project.typed('app-record.ts'))).toContain('EXEC');
  });

  it('a record typed by the function it holds keeps it: no hand-off', () => {
    expect(capabilitiesOf(project.typed('p-record-typed.ts', PROVIDERS_GRANTED))).toEqual([]);
  });

  it('`spawnSync.bind(null, sh)` is spawnSync: a call of the bound copy in another file reaches EXEC there', () => {
    expect(capabilitiesOf(project.typed('app-bound.ts'))).toEqual(['EXEC']);
    expect(capabilitiesOf(project.syntactic('app-bound.ts'))).toEqual([]);
  });

  it('a bound copy of a local function is that local function', () => {
    expect(capabilitiesOf(project.typed('app-bound-local.ts'))).toEqual([]);
  });
});

describe('a script element made by the page runs the text it is given', () => {
  it('`document.createElement(\'script\')` is DYNAMIC_CODE in both modes', () => {
    expect(capabilitiesOf(project.typed('script-literal.ts'))).toEqual(['DYNAMIC_CODE']);
    expect(capabilitiesOf(project.syntactic('script-literal.ts'))).toEqual(['DYNAMIC_CODE']);
  });

  it('with types, the element type decides: any document, a tag in a constant, an SVG script', () => {
    expect(capabilitiesOf(project.typed('script-typed-tag.ts'))).toEqual(['DYNAMIC_CODE']);
    expect(capabilitiesOf(project.typed('script-svg.ts'))).toEqual(['DYNAMIC_CODE']);
    expect(capabilitiesOf(project.syntactic('script-typed-tag.ts'))).toEqual([]);
  });

  it('another element, or a `createElement` that is not the DOM\'s, is clean', () => {
    expect(capabilitiesOf(project.typed('div-text.ts'))).toEqual([]);
    expect(capabilitiesOf(project.syntactic('div-text.ts'))).toEqual([]);
    expect(capabilitiesOf(project.typed('react-like.ts'))).toEqual([]);
    expect(capabilitiesOf(project.syntactic('react-like.ts'))).toEqual([]);
  });
});

describe('a builtin class only tested with `instanceof`', () => {
  it('runs nothing: the named import is clean in both modes', () => {
    expect(capabilitiesOf(project.typed('instanceof-only.ts'))).toEqual([]);
    expect(capabilitiesOf(project.syntactic('instanceof-only.ts'))).toEqual([]);
  });

  it('constructed, extended or exported as well, it is the module\'s capability', () => {
    for (const file of ['instanceof-and-new.ts', 'instanceof-extends.ts', 'instanceof-exported.ts']) {
      const expected = file === 'instanceof-and-new.ts' ? 'EXEC' : 'NETWORK';
      expect(capabilitiesOf(project.typed(file)), file).toContain(expected);
      expect(capabilitiesOf(project.syntactic(file)), file).toContain(expected);
    }
  });
});

describe('a builtin module\'s member replaced on the shared module object', () => {
  it('is UNANALYZED at the write in both modes, whatever the writing module is granted', () => {
    for (const file of ['patch-swap.cjs', 'patch-load.cjs']) {
      expect(capabilitiesOf(project.typed(file, PROVIDERS_GRANTED)), file).toEqual(['UNANALYZED']);
      expect(capabilitiesOf(project.syntactic(file, PROVIDERS_GRANTED)), file).toEqual(['UNANALYZED']);
    }
  });

  it('a setting written with data (a pure module\'s member, a member of a member) replaces no capability', () => {
    expect(capabilitiesOf(project.syntactic('patch-setting.cjs', PROVIDERS_GRANTED))).not.toContain('UNANALYZED');
    expect(capabilitiesOf(project.typed('patch-setting.cjs', PROVIDERS_GRANTED))).not.toContain('UNANALYZED');
  });
});

describe('tsc\'s CommonJS output of `await import()` is the module\'s namespace', () => {
  it('judged per member: a read stays FILES_READ, in both modes', () => {
    for (const file of ['dyn-arrow.cjs', 'dyn-es5.cjs']) {
      expect(capabilitiesOf(project.syntactic(file)), file).toEqual(['FILES_READ']);
      expect(capabilitiesOf(project.typed(file)), file).toEqual(['FILES_READ']);
    }
  });

  it('a write is FILES_WRITE', () => {
    expect(capabilitiesOf(project.syntactic('dyn-write.cjs'))).toEqual(['FILES_WRITE']);
  });
});
