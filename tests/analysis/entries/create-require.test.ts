import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../../policy/index.js';

/** The `create-require` edges of a file, and the capabilities it was found to reach. */
function loads(text: string, relativePath = 'src/entry.mjs'): { edges: Array<string | null>; capabilities: string[] } {
  const facts = analyzeSourceFile(parseSourceText(relativePath, text), { policy: RECOMMENDED_POLICY, relativePath });
  return {
    edges: facts.references.filter((reference) => reference.kind === 'create-require').map((reference) => reference.specifier),
    capabilities: [...new Set(facts.findings.flatMap((finding) => (finding.capability === null ? [] : [finding.capability])))].sort(),
  };
}

const ESM = "import { createRequire } from 'node:module';\nimport path from 'node:path';\n";
const CJS = "const { createRequire } = require('node:module');\nconst path = require('node:path');\n";

describe('createRequire(base): loads resolve against the base, as in Node', () => {
  it('createRequire(import.meta.url) for JSON and .resolve is neither DYNAMIC_CODE nor UNANALYZED', () => {
    const text = `${ESM}const require = createRequire(import.meta.url);\nconst pkg = require('./package.json');\nexport const where = require.resolve('./data.json') + pkg.name;`;
    expect(loads(text)).toEqual({ edges: ['./package.json'], capabilities: [] });
  });

  const cases: Array<[string, string, string, string?]> = [
    ['a folder URL ending in /', `${ESM}createRequire(new URL('./lib/', import.meta.url))('./tool.cjs');`, './lib/tool.cjs'],
    ['a folder URL through a const loader', `${ESM}const load = createRequire(new URL('./lib/', import.meta.url));\nload('./tool.cjs');`, './lib/tool.cjs'],
    ['a file URL one folder up', `${ESM}createRequire(new URL('../shared/x.cjs', import.meta.url))('./tool.cjs');`, '../shared/tool.cjs'],
    ['a folder string from __dirname', `${CJS}createRequire(__dirname + '/lib/')('./tool.cjs');`, './lib/tool.cjs', 'src/entry.cjs'],
    ['an anchor file in another folder', `${CJS}createRequire(path.join(__dirname, 'lib', 'anchor.cjs'))('./tool.cjs');`, './lib/tool.cjs', 'src/entry.cjs'],
    ['__filename: the module itself', `${CJS}createRequire(__filename)('../up.cjs');`, '../up.cjs', 'src/entry.cjs'],
  ];
  for (const [name, text, edge, file] of cases) {
    it(`rebases against ${name}`, () => expect(loads(text, file)).toEqual({ edges: [edge], capabilities: [] }));
  }

  it('keeps a bare or builtin specifier as written', () => {
    expect(loads(`${ESM}createRequire(new URL('./lib/', import.meta.url))('node:os');`).edges).toEqual(['node:os']);
  });

  it('fails closed on a base it cannot place, and on a loader that escapes', () => {
    expect(loads(`${ESM}export function load(base) { return createRequire(base)('./x.cjs'); }`).capabilities).toContain('UNANALYZED');
    expect(loads(`${ESM}export const load = createRequire(import.meta.url);`).capabilities).toContain('DYNAMIC_CODE');
    expect(loads(`${ESM}const make = createRequire;\nexport const m = make;`).capabilities).toContain('DYNAMIC_CODE');
    expect(loads(`${ESM}const load = createRequire(import.meta.url);\nexport const l = [load];`).capabilities).toContain('UNANALYZED');
  });
});
