import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 18's look-alike `open18-lookalike-spread-restores-read`: `{ flag: 'a', ...{ flag: 'r' } }`
 * opens for reading, since the last write of the key wins and a spread writes its own properties in order.
 * The options literal is folded in order, spreads of literals included; a spread the syntax cannot read
 * still hides the flag (a write, as before).
 */
const capabilitiesOf = (text: string, file = 'lib/a.cjs'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

const FS = "const fs = require('node:fs');\n";
type Row = readonly [string, string];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));

describe('a spread that writes the flag last decides it', () => {
  each([
    ['the row: a spread restores a read', "fs.readFileSync(__filename, { flag: 'a', ...{ flag: 'r' } });"],
    ['a flag after a spread that appends', "fs.readFileSync(__filename, { ...{ flag: 'a' }, flag: 'r' });"],
    ['`flags` of a stream', "fs.createReadStream(__filename, { flags: 'a+', ...{ flags: 'r' } }).destroy();"],
    ['a spread of `null` keeps the read', "fs.readFileSync(__filename, { flag: 'r', ...null });"],
    ['a spread of other keys keeps the read', "fs.readFileSync(__filename, { flag: 'r', ...{ encoding: 'utf8' } });"],
    ["a spread's `__proto__` copies nothing", "fs.readFileSync(__filename, { flag: 'r', ...{ __proto__: { flag: 'w' } } });"],
    ['a stored member called with the spread', "const rf = fs.readFileSync;\nrf(__filename, { flag: 'a', ...{ flag: 'r' } });"],
  ] as Row[])('%s reads only', (_name, [, code]) => expect(capabilitiesOf(FS + code)).toEqual(['FILES_READ']));

  each([
    ['a spread that appends after a read', "fs.readFileSync(__filename, { flag: 'r', ...{ flag: 'a' } });"],
    ['a nested spread that writes', "fs.readFileSync(__filename, { flag: 'r', ...{ ...{ flag: 'w' } } });"],
    ['a spread of a value the syntax cannot read', "fs.readFileSync(__filename, { flag: 'r', ...options });"],
    ['a spread getter', "fs.readFileSync(__filename, { flag: 'r', ...{ get flag() { return 'w'; } } });"],
    ["the options' own `__proto__`", "fs.readFileSync(__filename, { __proto__: { flag: 'w' } });"],
  ] as Row[])('%s may write', (_name, [, code]) => expect(capabilitiesOf(FS + code)).toContain('FILES_WRITE'));
});
