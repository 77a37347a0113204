import { builtinModules, isBuiltin } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULE_ROWS, RECOMMENDED_POLICY, builtinRow, canonicalBuiltin, classifyModule } from '../../policy/index.js';

const PREFIX_ONLY = ['node:test', 'node:test/reporters', 'node:sqlite', 'node:sea'];

describe('builtin module rows', () => {
  it.each(builtinModules.map((name) => [name]))('%s has a row with and without node:', (name) => {
    const bare = name.replace(/^node:/, '');
    const prefixed = `node:${bare}`;
    expect(builtinRow(prefixed)?.specifier).toBe(prefixed);
    if (!name.startsWith('node:')) expect(builtinRow(bare)?.specifier).toBe(prefixed);
    expect(classifyModule(name, RECOMMENDED_POLICY).kind).toBe('builtin');
  });

  it.each(PREFIX_ONLY.map((name) => [name]))('prefix-only %s has a row, and its bare name is not the builtin', (name) => {
    const row = builtinRow(name);
    expect(row?.prefixOnly).toBe(true);
    const bare = name.slice('node:'.length);
    expect(canonicalBuiltin(bare)).toBeUndefined();
    // `test` without the prefix is an ordinary package name.
    expect(classifyModule(bare, RECOMMENDED_POLICY).kind).toBe('package');
  });

  it('keys every row on a node: specifier, once', () => {
    const specifiers = BUILTIN_MODULE_ROWS.map((row) => row.specifier);
    expect(specifiers.every((specifier) => specifier.startsWith('node:'))).toBe(true);
    expect(new Set(specifiers).size).toBe(specifiers.length);
  });

  it('names only real builtins (prefix-only ones may be newer than this Node)', () => {
    const unknown = BUILTIN_MODULE_ROWS.filter((row) => !row.prefixOnly && !isBuiltin(row.specifier)).map((row) => row.specifier);
    expect(unknown).toEqual([]);
  });

  it('denies a builtin that has no row (deny by default)', () => {
    expect(classifyModule('node:brand_new_module', RECOMMENDED_POLICY).capabilities).toEqual(['UNANALYZED']);
  });
});

describe('the pure allow list', () => {
  // Adding a builtin here is a policy decision a reviewer must see: this list is the whole of it.
  const EXPECTED_PURE = [
    'node:_stream_duplex', 'node:_stream_passthrough', 'node:_stream_readable', 'node:_stream_transform', 'node:_stream_writable',
    'node:assert', 'node:assert/strict', 'node:buffer', 'node:console', 'node:constants', 'node:crypto', 'node:events',
    'node:path', 'node:path/posix', 'node:path/win32', 'node:perf_hooks', 'node:punycode', 'node:querystring',
    // readline only wraps the streams it is given (process.stdin/stdout are pure members of process).
    'node:readline', 'node:readline/promises', 'node:stream',
    'node:stream/consumers', 'node:stream/promises', 'node:stream/web', 'node:string_decoder', 'node:sys', 'node:timers',
    'node:timers/promises', 'node:url', 'node:util', 'node:util/types', 'node:zlib',
  ];

  it('is exactly the reviewed list', () => {
    const pure = BUILTIN_MODULE_ROWS.filter((row) => row.capabilities.length === 0).map((row) => row.specifier).sort();
    expect(pure).toEqual([...EXPECTED_PURE].sort());
  });

  it.each([
    ['node:fs', ['FILES_READ', 'FILES_WRITE']],
    ['fs/promises', ['FILES_READ', 'FILES_WRITE']],
    ['child_process', ['EXEC']],
    ['node:net', ['NETWORK']],
    ['node:http', ['NETWORK']],
    ['node:worker_threads', ['WORKER']],
    ['node:vm', ['DYNAMIC_CODE']],
    ['node:module', ['DYNAMIC_CODE']],
    ['node:wasi', ['NATIVE']],
    ['node:os', ['SYSTEM']],
    ['node:sqlite', ['DATABASE', 'FILES_READ', 'FILES_WRITE']],
  ] as const)('%s is not pure: %j', (specifier, capabilities) => {
    expect(classifyModule(specifier, RECOMMENDED_POLICY).capabilities).toEqual(capabilities);
  });
});
