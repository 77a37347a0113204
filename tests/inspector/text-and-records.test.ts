import { describe, expect, it } from 'vitest';
import { countIn, exitCodesIn, listedEntries, sha256RefsIn } from '../../src/chain/record-values.js';
import { contentPathProblem, escapeControlChars, escapeMarkdown, lintEmittedStrings, sha256Ref } from '../../src/index.js';
import { hasGlobalDenialWording } from '../../policy/index.js';

const HASH = sha256Ref('x');

describe('record values', () => {
  it('reads listings and pins as JSON or as text lines', () => {
    expect(listedEntries(JSON.stringify({ entries: [{ path: 'a.py', sha256: HASH }, { path: 'b.py' }] })).entries).toEqual([
      { path: 'a.py', hash: HASH },
      { path: 'b.py', hash: undefined },
    ]);
    expect(listedEntries(JSON.stringify(['a.py', { artifact: 'c.sh', content_hash: HASH }])).entries).toEqual([
      { path: 'a.py', hash: undefined },
      { path: 'c.sh', hash: HASH },
    ]);
    expect(listedEntries(`# listing\ntools/a.py ${HASH}\n\n${HASH} tools/b.py\ntools/c.py\n`).entries).toEqual([
      { path: 'tools/a.py', hash: HASH },
      { path: 'tools/b.py', hash: HASH },
      { path: 'tools/c.py', hash: undefined },
    ]);
  });

  it('reads exit codes from JSON fields and from text', () => {
    expect(exitCodesIn('{"exit_code": 2}')).toEqual([2]);
    expect(exitCodesIn('{"exitCode": 0}')).toEqual([0]);
    expect(exitCodesIn('run finished\nexit code: 1\n')).toEqual([1]);
    expect(exitCodesIn('The selftest exited with code 0 and later exit status 3.')).toEqual([0, 3]);
    expect(exitCodesIn('22/22 cases ok')).toEqual([]);
  });

  it('reads counts and denominators from query results', () => {
    expect(countIn('{"count": 12, "denominator": 40}')).toEqual({ value: 12, denominator: 40 });
    expect(countIn('{"row_count": 7, "total": 9}')).toEqual({ value: 7, denominator: 9 });
    expect(countIn('not json')).toEqual({ value: undefined, denominator: undefined });
  });

  it('finds sha256 references once each', () => {
    expect(sha256RefsIn(`${HASH} and ${HASH} and sha256:short`)).toEqual([HASH]);
  });
});

describe('escaping and wording', () => {
  it('makes control characters and bidi overrides visible', () => {
    expect(escapeControlChars('a\u001b[31mb\u202ec\nd')).toBe('a\\u{1b}[31mb\\u{202e}c\\u{a}d');
    expect(escapeControlChars('plain text · ü')).toBe('plain text · ü');
  });

  it('escapes Markdown syntax after controls', () => {
    expect(escapeMarkdown('| *x* `y` [z](u) <b>')).toBe('\\| \\*x\\* \\`y\\` \\[z\\]\\(u\\) \\<b\\>');
  });

  it('rewrites global-absence wording in every string of a value, and says where', () => {
    const linted = lintEmittedStrings({ a: 'X does not exist.', b: ['fine', 'it is absent everywhere'], c: 3 });
    expect(linted.rewritten.sort()).toEqual(['a', 'b[1]']);
    expect(hasGlobalDenialWording(JSON.stringify(linted.value))).toBe(false);
    expect(linted.value.c).toBe(3);
  });

  it('refuses content paths that are not plain relative paths inside the packet', () => {
    for (const bad of ['', '/abs', '../x', 'a/../../x', 'a\\b', 'C:/x', '~/x', 'https://kb/x', 'a\0b', '.', './']) expect(contentPathProblem(bad), JSON.stringify(bad)).toBeDefined();
    for (const good of ['a.md', 'content/a.md', './content/a.md', 'content/..data/a', 'a..b']) expect(contentPathProblem(good), good).toBeUndefined();
  });
});
