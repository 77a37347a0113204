import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { policyConfigSchema } from '../../policy/schema.js';

const analyze = (text: string, relativePath = 'lib/a.ts', policy = RECOMMENDED_POLICY) =>
  analyzeSourceFile(parseSourceText(relativePath, text), { policy, relativePath });

describe('analyzeSourceFile', () => {
  it('lists every module reference with its kind, literal or null, and type-only flag', () => {
    const facts = analyze(
      [
        "import type { A } from './types.js';",
        "import { b } from './b.js';",
        "export * from 'node:path';",
        "import fs = require('node:fs');",
        "const c = require('./c.cjs');",
        "const d = await import(name);",
        "const e = process.getBuiltinModule('node:os');",
        "import { createRequire } from 'node:module';",
        "createRequire(import.meta.url)('./f.cjs');",
        "type G = typeof import('./g.js');",
      ].join('\n'),
    );
    expect(facts.references.map((reference) => [reference.kind, reference.specifier, reference.typeOnly])).toEqual([
      ['import', './types.js', true],
      ['import', './b.js', false],
      ['export-from', 'node:path', false],
      ['import-equals', 'node:fs', false],
      ['require', './c.cjs', false],
      ['dynamic-import', null, false],
      ['get-builtin-module', 'node:os', false],
      ['import', 'node:module', false],
      ['create-require', './f.cjs', false],
      ['import-type', './g.js', true],
    ]);
  });

  it('gives offsets that point at the reaching code, and the rendered message', () => {
    const text = "const x = 1;\nexport const token = process.env.TOKEN;\n";
    const [finding] = analyze(text).findings;
    expect(finding).toMatchObject({ ruleId: 'no-forbidden-capability', capability: 'ENV', messageId: 'memberCapability' });
    expect(text.slice(finding!.start, finding!.end)).toBe('process.env');
    expect(finding!.message).toBe('`process.env` reaches ENV; remove it, or grant ENV to this file in tki.policy.json (`grants`, with a reason).');
  });

  it('walks once per source file and policy (memoized), and again for another policy', () => {
    const sourceFile = parseSourceText('lib/a.ts', "import net from 'node:net';\nexport { net };");
    const first = analyzeSourceFile(sourceFile, { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.ts' });
    expect(analyzeSourceFile(sourceFile, { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.ts' })).toBe(first);
    const granted = policyConfigSchema.parse({ grants: [{ files: ['lib/**'], capabilities: ['NETWORK'], reason: 'the network edge of lib' }] });
    const second = analyzeSourceFile(sourceFile, { policy: granted, relativePath: 'lib/a.ts' });
    expect(second).not.toBe(first);
    expect(first.findings).toHaveLength(1);
    expect(second.findings).toEqual([]);
  });

  it('reads the allowedActions declaration, and lets a valid one grant', () => {
    const facts = analyze("import { readFile } from 'node:fs/promises';\nexport const allowedActions = ['READ_PACKET_ITEM'] as const;\n");
    expect(facts.declaredActions).toMatchObject({ actions: ['READ_PACKET_ITEM'], wellFormed: true });
    expect(facts.findings).toEqual([]);
    expect(analyze('export const x = 1;').declaredActions).toBeNull();
  });

  it('walks trees built without parent pointers (classes with heritage included)', () => {
    const sourceFile = ts.createSourceFile('lib/a.js', "class A extends B {}\nclass C extends fetch {}\n", ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
    const facts = analyzeSourceFile(sourceFile, { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.js' });
    expect(facts.findings.map((finding) => finding.data['name'])).toEqual(['fetch']);
  });

  it('follows scopes: a local shadows a global only inside its scope', () => {
    const facts = analyze("function f(fetch: () => void) { fetch(); }\nfetch('x');\n{ const process = { env: 1 }; process.env; }\nprocess.env;\n");
    expect(facts.findings.map((finding) => [finding.data['name'], finding.capability])).toEqual([
      ['fetch', 'NETWORK'],
      ['process.env', 'ENV'],
    ]);
  });

  it('sees globals in default values of destructuring, not in the names it binds', () => {
    const facts = analyze("const options = {};\nconst { get = fetch, fetch: other = 1 } = options as { get?: unknown; fetch?: unknown };\nexport { get, other };\n");
    expect(facts.findings.map((finding) => [finding.data['name'], finding.capability])).toEqual([['fetch', 'NETWORK']]);
  });

  it('reports nothing for an unused import of a member-tracked builtin, and the whole module for an exported binding', () => {
    expect(analyze("import * as fs from 'node:fs';\nconst process = require('node:process');\n").findings).toEqual([]);
    const facts = analyze("export const fs = await import('node:fs');\n");
    expect(facts.findings.map((finding) => finding.capability)).toEqual(['FILES_READ', 'FILES_WRITE']);
  });

  it('applies the text rules only to inspector files, and exit zero everywhere', () => {
    const policy = policyConfigSchema.parse({ inspectorFiles: ['src/**'] });
    const text = "export const v = 'PASS';\nprocess.exit(0);\n";
    expect(analyze(text, 'src/a.ts', policy).findings.map((finding) => finding.ruleId)).toEqual(['no-positive-verdict-token', 'no-exit-zero']);
    expect(analyze(text, 'tools/a.ts', policy).findings.map((finding) => finding.ruleId)).toEqual(['no-exit-zero']);
  });
});
