import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Issue #10, red-team round 15 (`store15-builtin-module-object-assign`, `-process-member`,
 * `-implicit-global-destructuring`, `-implicit-global-for-of-head`, `-legacy-define-getter`): a
 * capability stored where every module reads it (an undeclared global, the global object, a
 * builtin module object, `process`, a builtin prototype) is UNANALYZED at the store in both modes
 * alike. The typed path used to ask only whether the slot's type keeps the capability, and the
 * syntactic one caught these only when the value was a starter of Node code: one judgment now
 * (analysis/syntax/shared-stores.ts), by the place and what the value carries. `fs.writeFileSync`
 * (no starter) is the value of the siblings, so no other rule answers for this one.
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/**'], capabilities: ['EXEC', 'FILES_READ', 'FILES_WRITE'], reason: 'the providers hold these on purpose; only the store counts' }] });
const CP = "const cp = require('node:child_process');\n";
const FS = "const fs = require('node:fs');\n";

const STORES: Record<string, string> = {
  // store15-builtin-module-object-assign and siblings: a builtin module object written through a function.
  'p-builtin-assign.cjs': `${CP}Object.assign(require('node:util'), { run: cp.execSync });`,
  'p-builtin-assign-binding.cjs': `${FS}const util = require('node:util');\nObject.assign(util, { write: fs.writeFileSync });`,
  'p-builtin-define-getter.cjs': `${FS}Object.defineProperty(require('node:path'), 'write', { get: () => fs.writeFileSync });`,
  'p-builtin-reflect-set.cjs': `${FS}Reflect.set(require('node:os'), 'write', fs.writeFileSync);`,
  'p-builtin-member.cjs': `${FS}require('node:path').write = fs.writeFileSync;`,
  // store15-process-member and siblings.
  'p-process-member.cjs': `${CP}process.run = cp.execSync;`,
  'p-process-computed.cjs': `${FS}process['write'] = fs.writeFileSync;`,
  'p-process-imported-or-assign.cjs': `${FS}const proc = require('node:process');\nproc.write ||= fs.writeFileSync;`,
  'p-process-define-property.cjs': `${FS}Reflect.defineProperty(process, 'write', { value: fs.writeFileSync });`,
  // store15-implicit-global-destructuring and siblings.
  'p-implicit-destructuring.cjs': `${CP}({ execSync: run } = cp);`,
  'p-implicit-array-pattern.cjs': `${FS}[write] = [fs.writeFileSync];`,
  'p-implicit-shorthand-default.cjs': `${FS}({ write = fs.writeFileSync } = {});`,
  'p-global-member-pattern.cjs': `${FS}({ writeFileSync: globalThis.write } = fs);`,
  // store15-implicit-global-for-of-head and siblings.
  'p-implicit-for-of.cjs': `${CP}for (run of [cp.execSync]);`,
  'p-implicit-for-of-second.cjs': `${FS}for (write of [1, fs.writeFileSync]);`,
  'p-global-member-for-of.cjs': `${FS}for (globalThis.write of [fs.writeFileSync]);`,
  'p-implicit-for-of-pattern.cjs': `${FS}for ([write] of [[fs.writeFileSync]]);`,
  // store15-legacy-define-getter and siblings.
  'p-legacy-getter.cjs': `${CP}globalThis.__defineGetter__('run', () => cp.execSync);`,
  'p-legacy-getter-borrowed.cjs': `${FS}Object.prototype.__defineGetter__.call(globalThis, 'write', () => fs.writeFileSync);`,
  'p-legacy-getter-prototype.cjs': `${FS}Array.prototype.__defineGetter__('write', function () {\n  return fs.writeFileSync;\n});`,
  'p-legacy-getter-builtin.cjs': `${FS}require('node:util').__defineGetter__('write', () => fs.writeFileSync);`,
  // The plain spellings, with a value that is no starter (the syntactic mode used to miss these).
  'p-implicit-assignment.cjs': `${FS}write = fs.writeFileSync;`,
  'p-global-member.cjs': `${FS}globalThis.write = fs.writeFileSync;`,
  'p-prototype-member.cjs': `${FS}Function.prototype.write = { get: fs.writeFileSync };`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-declared-destructuring.cjs': `${FS}let write;\n({ writeFileSync: write } = fs);\nwrite('out.txt', 'x');`,
  'ok-declared-for-of.cjs': `${FS}let write;\nfor (write of [fs.writeFileSync]) write('out.txt', 'x');`,
  'ok-for-of-declaration.cjs': `${FS}for (const write of [fs.writeFileSync]) write('out.txt', 'x');`,
  'ok-local-object-assign.cjs': `${FS}const tools = Object.assign({}, { write: fs.writeFileSync });\ntools.write('out.txt', 'x');`,
  'ok-builtin-data.cjs': `Object.assign(require('node:util'), { answer: 42 });`,
  'ok-process-data.cjs': `process.exitCode = 2;`,
  'ok-global-getter-data.cjs': `globalThis.__defineGetter__('version', () => '1.0');`,
  'ok-implicit-call-result.cjs': `${FS}size = fs.statSync('in.txt').size;`,
  'ok-local-prototype.cjs': `${FS}function Tool() {}\nTool.prototype.write = function (file) {\n  fs.writeFileSync(file, 'x');\n};\nnew Tool().write('out.txt');`,
  'ok-exports-pattern.cjs': `${FS}({ readFileSync: exports.read } = fs);`,
};

const project = typedProject({ ...STORES, ...LOOKALIKES });
afterAll(() => project.dispose());

const SHARED_STORE = /where every module reads it/;
const sharedStores = (facts: FileFacts) => facts.findings.filter((finding) => finding.capability === 'UNANALYZED' && SHARED_STORE.test(finding.message ?? ''));

describe.each(['typed', 'syntactic'] as const)('a capability stored where every module reads it (%s)', (mode) => {
  it.each(Object.keys(STORES))('%s: UNANALYZED at the store', (file) => {
    const found = sharedStores(project[mode](file, GRANTED));
    expect(found).toHaveLength(1);
    // At the store, not at the import on the first line.
    expect(found[0]?.start).toBeGreaterThan(STORES[file]?.indexOf('\n') ?? 0);
  });

  it.each(Object.keys(LOOKALIKES))('%s: a look-alike stays clean', (file) => {
    expect(project[mode](file, GRANTED).findings).toEqual([]);
  });
});
