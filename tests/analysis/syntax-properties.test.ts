import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { BUILTIN_MODULE_ROWS, GLOBAL_ROWS, RECOMMENDED_POLICY } from '../../policy/index.js';
import { policyConfigSchema } from '../../policy/schema.js';

const INSPECTOR = policyConfigSchema.parse({ inspectorFiles: ['**'] });
const analyze = (text: string, policy = RECOMMENDED_POLICY) => analyzeSourceFile(parseSourceText('lib/a.ts', text), { policy, relativePath: 'lib/a.ts' });

/** Globals that carry a capability on their own (not only through a member). */
const capableGlobals = [...new Set(GLOBAL_ROWS.filter((row) => row.member === undefined && row.capabilities.length > 0).map((row) => row.global))];
const deniedBuiltins = BUILTIN_MODULE_ROWS.filter((row) => row.capabilities.length > 0 && !row.prefixOnly).map((row) => row.specifier);

describe('detector properties', () => {
  it('never throws on arbitrary text, and every finding lies inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const facts = analyze(text, INSPECTOR);
        for (const finding of [...facts.findings, ...facts.references]) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          expect(finding.start).toBeLessThanOrEqual(finding.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports a capable global at top level, and never when a parameter shadows it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...capableGlobals), fc.constantFrom('param', 'const', 'catch'), (name, shadow) => {
        expect(analyze(`export const use = ${name};`).findings.length).toBeGreaterThan(0);
        const shadowed =
          shadow === 'param'
            ? `export function f(${name}: unknown) { return ${name}; }`
            : shadow === 'const'
              ? `export function f() { const ${name} = 1; return ${name}; }`
              : `try { void 0; } catch (${name}) { void ${name}; }`;
        expect(analyze(shadowed).findings).toEqual([]);
      }),
    );
  });

  it('reports every denied builtin however it is loaded, with or without node:', () => {
    const forms = [
      (s: string) => `import x from '${s}'; export { x };`,
      (s: string) => `export * from '${s}';`,
      (s: string) => `const x = require('${s}'); x.y();`,
      (s: string) => `export const x = await import('${s}');`,
      (s: string) => `import x = require('${s}'); x.y();`,
      (s: string) => `export const x = process.getBuiltinModule('${s}');`,
    ];
    fc.assert(
      fc.property(fc.constantFrom(...deniedBuiltins), fc.boolean(), fc.constantFrom(...forms), (specifier, bare, form) => {
        const name = bare ? specifier.slice('node:'.length) : specifier;
        expect(analyze(form(name)).findings.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never reports a type-only import, whatever it names', () => {
    fc.assert(
      fc.property(fc.constantFrom(...deniedBuiltins, 'axios', 'pg', '@directus/sdk'), (specifier) => {
        expect(analyze(`import type { X } from '${specifier}';\nexport type Y = X | typeof import('${specifier}');`).findings).toEqual([]);
      }),
    );
  });
});
