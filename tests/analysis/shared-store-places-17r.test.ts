import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Issue #10, red-team round 17 (`store17-*`): a capability stored on a global value other than the
 * global object (`Math`, `JSON`, `console`, `Array`, `Buffer`, `URL`, `Reflect`, `Intl`), on a member
 * of one (`process.stdout`), or on what the CommonJS wrapper reaches besides this module's own
 * exports (`module.constructor`, `require.main.exports`, `require.cache`). `--fast` said UNANALYZED
 * only because `cp.execSync` is a starter handed on as a value, and the typed mode said nothing: the
 * shared-store rule (analysis/syntax/shared-stores.ts) knew only the global object, prototypes,
 * builtin modules and `process`. `fs.writeFileSync` (no starter) is the value of the siblings, so
 * only the shared-store rule can answer for them.
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/**'], capabilities: ['EXEC', 'FILES_READ', 'FILES_WRITE'], reason: 'the providers hold these on purpose; only the store counts' }] });
const CP = "const cp = require('node:child_process');\n";
const FS = "const fs = require('node:fs');\n";

const STORES: Record<string, string> = {
  // store17-math-member, -json-member, -console-member, -reflect-member, -intl-member and siblings.
  'p-math.cjs': `${CP}Math.rt17run = cp.execSync;`,
  'p-json.cjs': `${FS}JSON.write = fs.writeFileSync;`,
  'p-console-computed.cjs': `${FS}console['write'] = fs.writeFileSync;`,
  'p-reflect-or-assign.cjs': `${FS}Reflect.write ||= fs.writeFileSync;`,
  'p-intl-via-global-object.cjs': `${FS}globalThis.Intl.write = fs.writeFileSync;`,
  // store17-array-class-member, -buffer-class-member, -url-class-member and siblings.
  'p-array.cjs': `${CP}Array.rt17run = cp.execSync;`,
  'p-buffer-define.cjs': `${FS}Object.defineProperty(Buffer, 'write', { value: fs.writeFileSync });`,
  'p-url-reflect-set.cjs': `${FS}Reflect.set(URL, 'write', fs.writeFileSync);`,
  // store17-object-assign-math and siblings.
  'p-assign-math.cjs': `${CP}Object.assign(Math, { rt17run: cp.execSync });`,
  'p-assign-json-getter.cjs': `${FS}Object.assign(JSON, { get write() { return fs.writeFileSync; } });`,
  // store17-stdout-member and siblings: a member of a shared object is shared.
  'p-stdout.cjs': `${CP}process.stdout.rt17run = cp.execSync;`,
  'p-stderr-assign.cjs': `${FS}Object.assign(process.stderr, { write2: fs.writeFileSync });`,
  'p-math-nested.cjs': `${FS}Math.tools = {};\nMath.tools.write = fs.writeFileSync;`,
  // store17-module-class-member, -main-module-exports and siblings.
  'p-module-class.cjs': `${CP}module.constructor.rt17run = cp.execSync;`,
  'p-main-exports.cjs': `${CP}require.main.exports.rt17run = cp.execSync;`,
  'p-parent-exports.cjs': `${FS}module.children[0].exports.write = fs.writeFileSync;`,
  'p-cache-assign.cjs': `${FS}Object.assign(require.cache[require.resolve('./x.cjs')].exports, { write: fs.writeFileSync });`,
  'p-created-require-main.cjs': `${FS}const { createRequire } = require('node:module');\nconst load = createRequire(__filename);\nload.main.exports.write = fs.writeFileSync;`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-own-exports.cjs': `${FS}module.exports.write = fs.writeFileSync;`,
  'ok-own-exports-assign.cjs': `${FS}Object.assign(module.exports, { write: fs.writeFileSync });`,
  'ok-exports-name.cjs': `${FS}exports.write = fs.writeFileSync;`,
  'ok-math-data.cjs': `Math.precision = 4;\nconsole.level = 'debug';`,
  'ok-stdout-data.cjs': `process.stdout.columns2 = 80;`,
  'ok-local-object.cjs': `${FS}const Tools = {};\nTools.write = fs.writeFileSync;\nTools.write('out.txt', 'x');`,
  'ok-local-shadowing-math.cjs': `${FS}const Math = {};\nMath.write = fs.writeFileSync;\nMath.write('out.txt', 'x');`,
  'ok-local-module-name.cjs': `${FS}{\n  const module = { write: fs.writeFileSync };\n  module.tools = {};\n  module.tools.write = fs.writeFileSync;\n}`,
};

const project = typedProject({ ...STORES, ...LOOKALIKES });
afterAll(() => project.dispose());

const SHARED_STORE = /where every module reads it/;
const sharedStores = (facts: FileFacts) => facts.findings.filter((finding) => finding.capability === 'UNANALYZED' && SHARED_STORE.test(finding.message ?? ''));

describe.each(['typed', 'syntactic'] as const)('a capability stored on a global value or what the wrapper reaches (%s)', (mode) => {
  it.each(Object.keys(STORES))('%s: UNANALYZED at the store', (file) => {
    const found = sharedStores(project[mode](file, GRANTED));
    expect(found).toHaveLength(1);
    expect(found[0]?.start).toBeGreaterThan(STORES[file]?.lastIndexOf('\n') ?? 0);
  });

  // Only the store is judged here: the typed mode's any-slot hand-off may still speak for a look-alike.
  it.each(Object.keys(LOOKALIKES))('%s: a look-alike is no shared store', (file) => {
    expect(sharedStores(project[mode](file, GRANTED))).toEqual([]);
  });
});
