import { describe, expect, it } from 'vitest';
import { readRecordStatement } from '../../../src/chain/record-statements.js';
import { exitStatementsIn, failureWordsIn, refusalWordsIn, sha256TokensIn } from '../../../src/chain/record-wording.js';
import { scanJsonMembers } from '../../../src/packet/json-value.js';
import { isLiveReference, isLocalSurface } from '../../../src/provenance/surfaces.js';
import { compareTimestamps } from '../../../src/provenance/timestamps.js';

/** integrity4: the conservative readers behind verdict integrity, one class per block. */
describe('exit codes are read only as one plain decimal integer', () => {
  it.each([
    ['exit code: 0', [0], []],
    ['exited 0.', [0], []],
    ['exited with code 2', [2], []],
    ['rc=1', [1], []],
    ['exit code: 0xC0000005', [], ['0xC0000005']],
    ['exit code: 3221225477', [3221225477], []],
    ['exit status: null', [], ['null']],
    ['exit code: 00', [], ['00']],
    ['exit code: +0', [], ['+0']],
    ['exit code: 0.0', [], ['0.0']],
    ['exit \u0660', [], ['\u0660']],
    ['exit code: SKIPPED', [], ['SKIPPED']],
    ['the exit was clean', [], []],
  ])('%s', (line, codes, unreadable) => {
    const read = exitStatementsIn(line);
    expect(read.codes).toEqual(codes);
    expect(read.unreadable).toEqual(unreadable);
  });

  it.each([
    ['null', '{"artifact":"a.py","exit_code":null}'],
    ['empty string', '{"artifact":"a.py","exit_code":""}'],
    ['array', '{"artifact":"a.py","exit_code":[]}'],
    ['false', '{"artifact":"a.py","exit_code":false}'],
    ['underflow', '{"artifact":"a.py","exit_code":1e-400}'],
    ['fraction', '{"artifact":"a.py","exit_code":0.5}'],
    ['negative zero', '{"artifact":"a.py","exit_code":-0}'],
    ['string zero', '{"artifact":"a.py","exit_code":"0"}'],
    ['repeated key', '{"artifact":"a.py","exit_code":1,"exit_code":0}'],
  ])('a JSON record whose exit code is %s states no exit code', (_name, record) => {
    const statement = readRecordStatement(record, 'a.py');
    expect(statement.exitCodes).toEqual([]);
    expect(statement.unreadable.length).toBeGreaterThan(0);
  });

  it('a JSON record of exit_code 0 for the subject states 0; for another artifact, nothing', () => {
    expect(readRecordStatement('{"artifact":"tools/a.py","exit_code":0}', 'tools/a.py').exitCodes).toEqual([0]);
    expect(readRecordStatement('{"artifact":"tools/b.py","exit_code":0}', 'tools/a.py').exitCodes).toEqual([]);
  });

  it('lines about another artifact say nothing about the subject', () => {
    const statement = readRecordStatement('tools/other.py exit code: 0\ntools/a.py SKIPPED (not run)\n', 'tools/a.py');
    expect(statement.exitCodes).toEqual([]);
    expect(statement.failures).toContain('SKIPPED');
  });
});

describe('failure, refusal and hash wording', () => {
  it('counts failures unless quantified as none', () => {
    expect(failureWordsIn('3/22 passed, 19 FAILED')).toEqual(['FAILED']);
    expect(failureWordsIn('22 passed, 0 failed, no errors, failures=0, errors: 0')).toEqual([]);
    expect(failureWordsIn('hash MISMATCH')).toEqual(['MISMATCH']);
    expect(readRecordStatement('selftest finished: 3/22 passed\n', 'a.py').failures).toEqual(['3/22 passed']);
    expect(readRecordStatement('selftest finished: 22/22 passed\n', 'a.py').failures).toEqual([]);
    expect(readRecordStatement('{"artifact":"a.py","failed":3}', 'a.py').failures).toEqual(['failed: 3']);
  });
  it('reads refusals', () => {
    expect(refusalWordsIn('approval REJECTED by the board; status: DENIED')).toEqual(['REJECTED', 'DENIED']);
    expect(refusalWordsIn('approved by the data steward')).toEqual([]);
    expect(refusalWordsIn('status: pending review')).toEqual(['pending']);
  });
  it('reads sha256 values as whole tokens', () => {
    const pin = `sha256:${'a'.repeat(64)}`;
    expect(sha256TokensIn(`computed ${pin}`)).toEqual([pin]);
    expect(sha256TokensIn(`computed ${pin}ffff`)).toEqual([`${pin}ffff`]);
    expect(sha256TokensIn(`xsha256:${'a'.repeat(64)}`)).toEqual([]);
  });
});

describe('JSON source scan', () => {
  it('finds the first repeated key with its path, at any depth, escaped or not', () => {
    expect(scanJsonMembers('{"a":1,"b":{"c":[{"d":1,"d":2}]}}').duplicate).toBe('b.c[0].d');
    expect(scanJsonMembers('{"a":1,"\\u0061":2}').duplicate).toBe('a');
    expect(scanJsonMembers('{"a":"{\\"a\\":1}","b":[1,2,{"a":3}]}').duplicate).toBeUndefined();
    expect(scanJsonMembers('{"x":1e-400,"y":"s","z":[1]}').topLevel).toEqual(new Map([['x', ['1e-400']], ['y', ['"s"']], ['z', ['[']]]));
  });
});

describe('surfaces under other spellings', () => {
  it.each(['127.0.0.1', '10.0.0.7:5432', '[::1]', 's3://bucket/exports', 'gs://b/x', 'http:/kb.example/api', 'https:kb.example', 'pg://db/b7', 'postgres://db:5432/b7', 'db.internal:5432'])('%s is live', (surface) => {
    expect(isLiveReference(surface)).toBe(true);
  });
  it.each(['sqlite:/var/lib/b7.db', 'C:Users', 'c:\\Users', '/var/x', './x', '..', '~', 'file:x', 'localhost', 'localhost/x'])('%s is local', (surface) => {
    expect(isLocalSurface(surface) || isLiveReference(surface)).toBe(true);
    expect(isLocalSurface(surface)).toBe(true);
  });
  it.each(['kb', 'pg:dot_tools', 'pg:kb_stats', 'pg:tac_corpus', 'kb://policies/x.md', 'NQ-KB-DOC-COUNT-V1'])('%s stays a governed name', (surface) => {
    expect(isLiveReference(surface)).toBe(false);
    expect(isLocalSurface(surface)).toBe(false);
  });
});

describe('time stamps at full precision', () => {
  it('orders sub-millisecond digits', () => {
    expect(compareTimestamps('2026-11-20T12:00:00.0009Z', '2026-11-20T12:00:00Z')).toBeGreaterThan(0);
    expect(compareTimestamps('2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00Z')).toBe(0);
    expect(compareTimestamps('2026-11-20T11:59:59.9999Z', '2026-11-20T12:00:00Z')).toBeLessThan(0);
    expect(compareTimestamps('2026-11-20T13:00:00.0001+01:00', '2026-11-20T12:00:00Z')).toBeGreaterThan(0);
  });
});
