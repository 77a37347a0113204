import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

// Session 16 (issue #10, fixtures/evasions create-require.ts): `createRequire(url)('x')` is judged by what
// it loads wherever the walk meets the load, also where the load is read as a member
// (`…('child_process').execSync`): then the load is recorded from the member access, and session 15's
// tracking of node:module had judged `createRequire` itself as a loader that escapes (DYNAMIC_CODE).
const ESM = "import { createRequire } from 'node:module';\n";
const NAMESPACE = "import * as nodeModule from 'node:module';\n";
const CJS = "const { createRequire } = require('node:module');\n";

/** The capabilities found, each with the text it was found at. */
function found(text: string, relativePath = 'src/entry.mjs'): string[] {
  const facts = analyzeSourceFile(parseSourceText(relativePath, text), { policy: RECOMMENDED_POLICY, relativePath });
  return facts.findings.flatMap((finding) => (finding.capability === null ? [] : [`${finding.capability} ${text.slice(finding.start, finding.end)}`])).sort();
}

describe('a loader called at once is judged by what it loads, not as a loader that escapes', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a member call of a literal builtin', `${ESM}createRequire(import.meta.url)('child_process').execSync('id');`, ["EXEC createRequire(import.meta.url)('child_process').execSync"]],
    ['an element access', `${ESM}createRequire(import.meta.url)('child_process')['execSync']('id');`, ["EXEC createRequire(import.meta.url)('child_process')['execSync']"]],
    ['an awaited load', `${ESM}(await createRequire(import.meta.url)('node:net')).connect(80);`, ["NETWORK (await createRequire(import.meta.url)('node:net')).connect"]],
    ['a destructured member', `${ESM}const { execSync } = createRequire(import.meta.url)('child_process');\nexecSync('id');`, ['EXEC execSync']],
    ['through the namespace', `${NAMESPACE}nodeModule.createRequire(import.meta.url)('child_process').execSync('id');`, ["EXEC nodeModule.createRequire(import.meta.url)('child_process').execSync"]],
    ['in CommonJS', `${CJS}createRequire(__filename)('node:net').connect(80);`, ["NETWORK createRequire(__filename)('node:net').connect"]],
    // Session 17: a local alias only called is the loader called at once (an exported or stored alias still escapes).
    ['createRequire kept under another name, then called', `${ESM}const make = createRequire;\nmake(import.meta.url)('node:os');`, ["SYSTEM make(import.meta.url)('node:os')"]],
    ['the alias called with a computed name', `${ESM}const make = createRequire;\nmake(import.meta.url)(process.argv[2]);`, ["UNANALYZED make(import.meta.url)(process.argv[2])"]],
    ['a pure builtin: nothing', `${ESM}createRequire(import.meta.url)('node:path').join('a');`, []],
    ['a file of the program: an edge, nothing here', `${ESM}createRequire(import.meta.url)('./tool.cjs').run();`, []],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(found(text, text.startsWith(CJS) ? 'src/entry.cjs' : 'src/entry.mjs')).toEqual(expected));

  it('a computed name loaded at once is UNANALYZED, read as a member or not', () => {
    expect(found(`${ESM}createRequire(import.meta.url)(process.argv[2]).run();`)).toContain('UNANALYZED createRequire(import.meta.url)(process.argv[2])');
    expect(found(`${ESM}const name = String(Date.now());\ncreateRequire(import.meta.url)(name);`)).toEqual(['UNANALYZED createRequire(import.meta.url)(name)']);
  });
});

describe('the loader escaping is still DYNAMIC_CODE (what per-member tracking of node:module catches)', () => {
  const cases: Array<[string, string]> = [
    ['an exported loader', `${ESM}export const load = createRequire(import.meta.url);`],
    ['createRequire called through .call', `${ESM}createRequire.call(null, import.meta.url)('node:os').cpus();`],
    ['the loader handed to a function', `${ESM}run(createRequire(import.meta.url));\nfunction run(f) { return f; }`],
  ];
  for (const [name, text] of cases) it(name, () => expect(found(text).some((finding) => finding.startsWith('DYNAMIC_CODE createRequire'))).toBe(true));
});
