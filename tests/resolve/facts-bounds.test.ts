import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { MODULE_NAME_BOUND } from '../../guard/facts/bounds.js';
import { analyzeModule } from '../../guard/facts/analyze.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

function factsOf(text: string, file = 'src/a.ts') {
  return analyzeModule(parseSourceText(file, text), file, RECOMMENDED_POLICY, analyzeSourceFile);
}

describe('facts the cache keeps for other modules', () => {
  it('keeps an exported module name whole, a relative one as `.`, and cuts a long string at the bound', () => {
    const long = 'x'.repeat(MODULE_NAME_BOUND * 4);
    const facts = factsOf(`export const NET = 'node:net';\nexport const LOCAL = './plugins/a.js';\nexport const PAGE = '${long}';\n`);
    expect(facts.exports.constants['NET']).toBe('node:net');
    expect(facts.exports.constants['LOCAL']).toBe('.');
    expect(facts.exports.constants['PAGE']).toBe(`${'x'.repeat(MODULE_NAME_BOUND)}…`);
  });

  it('bounds the strings handed to an imported helper the same way', () => {
    const facts = factsOf(`import { load } from './loader';\nload('child_process');\nload('./local');\nload('${'y'.repeat(2000)}');\n`);
    const values = facts.uses.flatMap((use) => (use.kind === 'call' ? [use.value] : []));
    expect(values).toEqual(['child_process', '.', `${'y'.repeat(MODULE_NAME_BOUND)}…`]);
  });

  it('records the uses of imported bindings from the one detector walk, in text order: members, two-member reads, calls, loads; none in types', () => {
    const text = [
      "import { g } from './globals';",
      "import * as h from './helpers';",
      "const u = require('./util');",
      'g.process.env;',
      "h.run('net');",
      'require(u.name);',
      "const shadowless = (g)['fetch'];",
      'interface Shape extends h.Base {}',
      '',
    ].join('\n');
    const facts = factsOf(text);
    expect(facts.imports.map((binding) => binding.local)).toEqual(['g', 'h', 'u']);
    expect(facts.uses).toEqual([
      { kind: 'module-name', binding: 'u', member: 'name', line: 6, column: 9 },
      { kind: 'member', binding: 'g', members: ['process', 'env'], line: 4, column: 1 },
      { kind: 'member', binding: 'h', members: ['run'], line: 5, column: 1 },
      { kind: 'call', binding: 'h', member: 'run', argumentIndex: 0, value: 'net', line: 5, column: 7 },
      { kind: 'member', binding: 'u', members: ['name'], line: 6, column: 9 },
    ]);
  });
});
