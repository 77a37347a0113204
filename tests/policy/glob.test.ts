import { describe, expect, it } from 'vitest';
import { RECOMMENDED_POLICY, grantedCapabilities, isInspectorFile, matchesAnyGlob } from '../../policy/index.js';
import { policyConfigSchema } from '../../policy/schema.js';

describe('grant globs', () => {
  it.each([
    ['src/**', 'src/a.ts', true],
    ['src/**', 'src/deep/er/a.ts', true],
    ['src/**', 'srcx/a.ts', false],
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/io/a.ts', false],
    ['**/*.d.ts', 'types/a.d.ts', true],
    ['**/*.d.ts', 'a.d.ts', true],
    ['src/?.ts', 'src/a.ts', true],
    ['src/?.ts', 'src/ab.ts', false],
    ['src/io/packet-reader.ts', './src/io/packet-reader.ts', true],
    ['src/**', 'src\\win\\a.ts', true],
    ['a.b/**', 'aXb/c.ts', false],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(matchesAnyGlob(file, [glob])).toBe(expected);
  });

  it('grants capabilities to matching paths only, and never to inspector files', () => {
    const policy = policyConfigSchema.parse({
      inspectorFiles: ['src/**'],
      grants: [{ files: ['tools/**', 'src/**'], capabilities: ['EXEC'], reason: 'tools start compilers' }],
    });
    expect([...grantedCapabilities('tools/build.ts', policy, [])]).toEqual(['EXEC']);
    expect([...grantedCapabilities('lib/a.ts', policy, [])]).toEqual([]);
    expect(isInspectorFile('src/a.ts', policy)).toBe(true);
    expect([...grantedCapabilities('src/a.ts', policy, [])]).toEqual([]);
    expect([...grantedCapabilities('src/io/read.ts', policy, ['READ_PACKET_ITEM'])]).toEqual(['FILES_READ']);
    expect([...grantedCapabilities('lib/a.ts', RECOMMENDED_POLICY, ['WRITE_LOCAL_REPORT'])]).toEqual(['FILES_WRITE']);
  });
});
