import { at, ruleTester, ruleUnderTest } from '../rule-tester.js';

const file = at('lib/a.ts');

ruleTester().run('no-dynamic-code', ruleUnderTest('no-dynamic-code'), {
  valid: [
    { code: 'setTimeout(() => undefined, 10);', filename: file },
    // An import nothing uses reaches nothing (docs/choices.md 34).
    { code: "import vm from 'node:vm';", filename: file },
    { code: 'export const isCallable = (value: unknown) => value instanceof Function;', filename: file },
    { code: "export function run(evaluate: (code: string) => number) { return evaluate('1'); }", filename: file },
    { code: "const { Worker } = globalThis as never as { Worker: never };\nexport const w = Worker;", filename: file },
    { code: "export const mod = await import('./plugin.js');", filename: file },
  ],
  invalid: [
    { code: "eval('1');", filename: file, errors: [{ messageId: 'dynamicCode', data: { name: 'eval' }, line: 1, column: 1 }] },
    { code: "(0, eval)('1');", filename: file, errors: [{ messageId: 'dynamicCode', line: 1, column: 5 }] },
    { code: "export const add = new Function('a', 'return a');", filename: file, errors: [{ messageId: 'dynamicCode', data: { name: 'Function' }, line: 1, column: 24 }] },
    {
      code: "export const make = (async () => 1).constructor;",
      filename: file,
      errors: [{ messageId: 'dynamicCode', data: { name: '(function).constructor' }, line: 1, column: 21 }],
    },
    { code: "import vm from 'node:vm';\nexport const run = (code: string): unknown => vm.runInThisContext(code);", filename: file, errors: [{ messageId: 'dynamicCode', data: { name: 'vm.runInThisContext' }, line: 2, column: 47 }] },
    { code: "setTimeout('run()', 5);", filename: file, errors: [{ messageId: 'dynamicCode', line: 1, column: 1 }] },
    { code: 'export const load = (name: string) => import(name);', filename: file, errors: [{ messageId: 'computedModule', data: { name: 'import(…)' }, line: 1, column: 39 }] },
    { code: "export const m = await import('data:text/javascript,export default 1');", filename: file, errors: [{ messageId: 'dynamicCode', line: 1, column: 24 }] },
    {
      code: "import { Worker } from 'node:worker_threads';\nnew Worker('x', { eval: true });",
      filename: file,
      errors: [{ messageId: 'dynamicCode', data: { name: 'new Worker(…, { eval: true })' }, line: 2, column: 19 }],
    },
    { code: 'for (const key of Object.keys(require.cache)) void key;', filename: file, errors: [{ messageId: 'dynamicCode', data: { name: 'require.cache' }, line: 1, column: 31 }] },
  ],
});
