import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 20 (`proc20-export-star-barrel`): `export * from 'node:process'` hands every member of
 * `process` (`env` among them) to importers the barrel never sees, as `export default process` does: the
 * whole object handed on is UNANALYZED (choice 97), not the module's own SYSTEM row.
 */
const capabilitiesOf = (text: string, file = 'lib/barrel.mts'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

describe('a barrel that re-exports all of process hands the whole object on', () => {
  it.each([
    ['the row: `export * from \'node:process\'`', "export * from 'node:process';"],
    ['the bare specifier', "export * from 'process';"],
    ['a namespace re-export', "export * as proc from 'node:process';"],
  ])('%s', (_name, code) => expect(capabilitiesOf(code)).toEqual(['UNANALYZED']));
});

describe('re-exports that name their members, or other modules, keep their rows', () => {
  it.each([
    ['`export { pid } from \'node:process\'`', "export { pid } from 'node:process';", []],
    ['`export { env } from \'node:process\'`', "export { env } from 'node:process';", ['ENV']],
    ['`export * from \'node:path\'`', "export * from 'node:path';", []],
    ['a type-only re-export', "export type { Process } from 'node:process';", []],
  ])('%s', (_name, code, expected) => expect(capabilitiesOf(code)).toEqual(expected));
});
