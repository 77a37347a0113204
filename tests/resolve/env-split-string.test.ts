import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { longSplitString, splitEnvString } from '../../analysis/syntax/env-split-string.js';

const GNU_ENV = '/usr/bin/env';
/** Is `/usr/bin/env` GNU's (the only `-S` whose rules the parser copies)? */
const hasGnuEnv = existsSync(GNU_ENV) && /GNU coreutils/.test(execFileSync(GNU_ENV, ['--version'], { encoding: 'utf8' }));

/** What GNU env itself makes of `-S text`: the words it hands `printf`, one a line; `fails` when it refuses the string. */
function gnuEnvWords(text: string): readonly string[] | 'fails' {
  try {
    const out = execFileSync(GNU_ENV, [`-Sprintf %s\\n ${text}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').slice(0, -1);
  } catch {
    return 'fails';
  }
}

/** Strings each giving at least one word (printf with no argument would print one empty line). */
const SAMPLES = [
  'node', '"node"', "'node'", 'no"de"', "no'de' x", 'node\\c junk', 'node #note', 'node a#b', '"node" -e 1',
  'a\\_b', '"a\\_b"', "'a\\'b'", "'a\\qb'", '\\#x', '\\$x', '"a b"', '"" x', "'${HOME}'", "\"'\"", '\\"q', "a'b c'd",
  '"\\#\\$"', 'a\\tb', 'x\ty', 'node\\c', '-C /tmp node', 'timeout 20 node',
];
/** Strings GNU env refuses: it starts nothing. */
const REFUSED = ['"a\\c"', 'a$b', '"unterminated', 'a\\qb', 'a\\', "'open"];

describe('GNU env -S splitting', () => {
  it.each(SAMPLES)('%s splits as /usr/bin/env -S does', (text) => {
    const parsed = splitEnvString(text);
    expect(parsed.kind).toBe('words');
    if (hasGnuEnv) expect(parsed.kind === 'words' ? parsed.words : parsed).toEqual(gnuEnvWords(text));
  });
  it.each(REFUSED)('%s is refused, as /usr/bin/env -S refuses it', (text) => {
    expect(splitEnvString(text).kind).toBe('fails');
    if (hasGnuEnv) expect(gnuEnvWords(text)).toBe('fails');
  });
  it('fixes the words GNU env gives the row shapes', () => {
    expect(splitEnvString('"node"')).toEqual({ kind: 'words', words: ['node'] });
    expect(splitEnvString('no"de" --check')).toEqual({ kind: 'words', words: ['node', '--check'] });
    expect(splitEnvString('node\\c junk')).toEqual({ kind: 'words', words: ['node'] });
    expect(splitEnvString('node # --require x')).toEqual({ kind: 'words', words: ['node'] });
  });
  it('a ${NAME} expansion is unknown, outside single quotes only', () => {
    expect(splitEnvString('${RUNNER} x')).toEqual({ kind: 'unknown' });
    expect(splitEnvString('"${RUNNER}"')).toEqual({ kind: 'unknown' });
    expect(splitEnvString("'${RUNNER}'")).toEqual({ kind: 'words', words: ['${RUNNER}'] });
  });
  it('reads --split-string= by every prefix env accepts, and nothing else', () => {
    expect(['--split-string=node', '--split=node', '--sp=node', '--s=node'].map(longSplitString)).toEqual(['node', 'node', 'node', 'node']);
    expect(['--split-strings=node', '--unset=node', '--split-string', '-Snode'].map(longSplitString)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
