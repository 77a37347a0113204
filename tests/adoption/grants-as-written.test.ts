import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeGlob, unmatchedGlobs } from '../../policy/glob.js';
import { parsePolicyText } from '../../policy/parse.js';
import { readPolicyFile } from '../../policy/read.js';
import { makeDirectories } from '../../policy/make-directories.js';

const work = mkdtempSync(path.join(tmpdir(), 'tki-grants-written-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('grant globs as people write them (policy/glob.ts normalizeGlob)', () => {
  it('rewrites ./, backslashes and an absolute path inside the root; leaves the rest', () => {
    expect(normalizeGlob('./src/deploy.ts', '/p')).toBe('src/deploy.ts');
    expect(normalizeGlob('src\\deploy.ts', '/p')).toBe('src/deploy.ts');
    expect(normalizeGlob('/p/src/**', '/p')).toBe('src/**');
    expect(normalizeGlob('/other/src/deploy.ts', '/p')).toBe('/other/src/deploy.ts');
    expect(normalizeGlob('/pp/x.ts', '/p')).toBe('/pp/x.ts');
    expect(normalizeGlob('src/**/*.ts', '/p')).toBe('src/**/*.ts');
  });

  it('readPolicyFile (the reader of both tools) hands the matcher normalized globs', () => {
    const file = path.join(work, 'tki.policy.json');
    writeFileSync(file, JSON.stringify({ grants: [{ files: ['./a.ts', path.join(work, 'b.ts'), 'c\\d.ts'], capabilities: ['EXEC'], reason: 'runs the deploy script' }], ignore: ['./gen/**'] }));
    const read = readPolicyFile(file);
    expect(read.ok && read.policy.grants[0]?.files).toEqual(['a.ts', 'b.ts', 'c/d.ts']);
    expect(read.ok && read.policy.ignore).toEqual(['gen/**']);
  });

  it('names each grant and inspector glob that matches no file, by its place', () => {
    const policy = { grants: [{ files: ['src/deploy.ts', 'src/gone.ts'] }], inspectorFiles: ['inspector/**'] };
    expect(unmatchedGlobs(policy, ['src/deploy.ts'])).toEqual([
      { where: 'grants.0.files.1', glob: 'src/gone.ts' },
      { where: 'inspectorFiles.0', glob: 'inspector/**' },
    ]);
    expect(unmatchedGlobs(policy, ['src/deploy.ts', 'src/gone.ts', 'inspector/a.ts'])).toEqual([]);
  });
});

describe('duplicate keys in tki.policy.json (policy/parse.ts)', () => {
  it('is an error at the repeated key, in every object', () => {
    const text = '{\n  "grants": [],\n  "grants": [],\n  "packages": { "deny": "known", "deny": "unlisted" }\n}\n';
    const parsed = parsePolicyText(text, 'tki.policy.json');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.map((error) => `${error.line}:${error.column} ${error.message}`)).toEqual([
      '3:3 duplicate key "grants" (JSON.parse would keep only the last)',
      '4:34 duplicate key "deny" (JSON.parse would keep only the last)',
    ]);
  });
});

describe('makeDirectories (policy/make-directories.ts)', () => {
  it('creates missing levels and accepts existing ones', () => {
    const deep = path.join(work, 'a/b/c');
    makeDirectories(deep);
    makeDirectories(deep);
    expect(() => makeDirectories(path.join(deep, 'd'))).not.toThrow();
  });

  it('fails at once under /proc, where a recursive mkdir loops', () => {
    expect(() => makeDirectories('/proc/tki-no-such-dir/x')).toThrow(/ENOENT/);
  });

  it('refuses a path through a file', () => {
    const file = path.join(work, 'plain');
    writeFileSync(file, '');
    expect(() => makeDirectories(path.join(file, 'x'))).toThrow(/ENOTDIR/);
  });
});
