import { builtinModules, isBuiltin } from 'node:module';
import { describe, expect, it } from 'vitest';
import { builtinOf } from '../../guard/resolve/node-shared.js';
import { canonicalBuiltin } from '../../policy/index.js';

// Round 15 (res15-builtin-name-with-slash, res15-prefix-only-builtin-name): which names are builtins
// is Node's own rule, for the resolver and for the policy's module table alike: a bare name of
// `module.builtinModules`, any `node:` name, never a bare name Node only knows with its scheme
// (`test`, `sea`, `sqlite`) and never a name with a trailing slash (`punycode/` loads node_modules).
const SPELLINGS = [
  ...builtinModules,
  ...builtinModules.map((name) => `${name}/`),
  ...builtinModules.filter((name) => !name.startsWith('_')).map((name) => `node:${name}`),
  'test', 'node:test', 'test/reporters', 'node:test/reporters', 'sea', 'node:sea', 'sqlite', 'node:sqlite',
  'punycode/', 'fs/promises/', 'node:fs/', 'FS', 'fs.js', './fs', 'fs/x',
];

describe('the builtin-name test is Node 20\'s isBuiltin', () => {
  it.each(SPELLINGS)('%s', (name) => {
    // A `node:` name Node does not know fails to load; the guard keeps it as that builtin (denied by default).
    const expected = isBuiltin(name) || name.startsWith('node:');
    expect(builtinOf(name) !== undefined).toBe(expected);
    // The policy's table names builtins it has a row for; whatever it names must be a builtin to Node.
    if (canonicalBuiltin(name) !== undefined) expect(expected).toBe(true);
  });
  it('the two row shapes are packages, not builtins', () => {
    expect([builtinOf('punycode/'), builtinOf('test'), canonicalBuiltin('punycode/'), canonicalBuiltin('test')]).toEqual([undefined, undefined, undefined, undefined]);
    expect([builtinOf('punycode'), builtinOf('node:test'), canonicalBuiltin('punycode'), canonicalBuiltin('node:test')]).toEqual(['node:punycode', 'node:test', 'node:punycode', 'node:test']);
  });
});
