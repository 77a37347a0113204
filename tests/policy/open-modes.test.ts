import { constants } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_MEMBER_ROWS,
  DEFAULT_OPEN_FLAGS,
  OPEN_CONSTANT_SOURCES,
  OPEN_MODE_ROWS,
  READ_ONLY_FLAG_STRINGS,
  READ_ONLY_OPEN_CONSTANTS,
  canonicalBuiltin,
  openModeCapabilities,
  openModeRow,
} from '../../policy/index.js';

const READ = ['FILES_READ'];
const READ_WRITE = ['FILES_READ', 'FILES_WRITE'];

describe('policy/open-modes.ts', () => {
  it('names only fs members that have a member row, and that row is what unseen flags reach', () => {
    for (const row of OPEN_MODE_ROWS) {
      const member = BUILTIN_MEMBER_ROWS.find((candidate) => candidate.specifier === row.specifier && candidate.member === row.member);
      expect(member, `${row.specifier}.${row.member}`).toBeDefined();
      expect(member?.capabilities).toEqual(openModeCapabilities(undefined));
    }
  });

  it('keys rows on canonical specifiers, once each', () => {
    for (const row of OPEN_MODE_ROWS) expect(canonicalBuiltin(row.specifier)).toBe(row.specifier);
    const keys = OPEN_MODE_ROWS.map((row) => `${row.specifier}#${row.member}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(openModeRow('node:fs', 'openSync')?.flags).toEqual({ kind: 'positional', index: 1 });
    expect(openModeRow('node:fs', 'createReadStream')?.flags).toEqual({ kind: 'options', index: 1, property: 'flags' });
    expect(openModeRow('node:fs', 'writeFileSync')).toBeUndefined();
  });

  it('allows only real fs.constants keys', () => {
    // Linux names; the sandbox (and so the project) is Linux-only.
    for (const name of READ_ONLY_OPEN_CONSTANTS) expect(Object.keys(constants), name).toContain(name);
    expect(OPEN_CONSTANT_SOURCES.members.every(([specifier]) => canonicalBuiltin(specifier) === specifier)).toBe(true);
  });

  it('never allows a constant or string flag that writes, creates or truncates', () => {
    for (const name of ['O_WRONLY', 'O_RDWR', 'O_CREAT', 'O_TRUNC', 'O_APPEND', 'O_EXCL']) expect(READ_ONLY_OPEN_CONSTANTS).not.toContain(name);
    for (const flag of ['r+', 'rs+', 'w', 'wx', 'w+', 'a', 'a+', 'as']) expect(READ_ONLY_FLAG_STRINGS).not.toContain(flag);
  });

  it('reads only for read-only flags and counts everything else, including the unevaluable, as a write', () => {
    expect(openModeCapabilities(DEFAULT_OPEN_FLAGS)).toEqual(READ);
    expect(openModeCapabilities({ kind: 'string', value: 'rs' })).toEqual(READ);
    expect(openModeCapabilities({ kind: 'string', value: 'a+' })).toEqual(READ_WRITE);
    expect(openModeCapabilities({ kind: 'numeric', names: [] })).toEqual(READ);
    expect(openModeCapabilities({ kind: 'numeric', names: ['O_RDONLY', 'O_NOFOLLOW', 'O_NONBLOCK'] })).toEqual(READ);
    expect(openModeCapabilities({ kind: 'numeric', names: ['O_RDONLY', 'O_CREAT'] })).toEqual(READ_WRITE);
    expect(openModeCapabilities({ kind: 'numeric', names: ['R_OK'] })).toEqual(READ_WRITE);
    expect(openModeCapabilities(undefined)).toEqual(READ_WRITE);
  });
});
