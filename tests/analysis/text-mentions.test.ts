import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../../analysis/syntax/index.js';
import { mayMention, mayNameBuiltin } from '../../analysis/syntax/text-mentions.js';
import { entries, failsClosed } from './entries/entry-facts.js';

// The text pre-checks gate whole passes: a wrong "no" would skip a starter, a wrong "yes" only costs time.
const file = (text: string): ReturnType<typeof parseSourceText> => parseSourceText('src/x.cjs', text);

describe('mayNameBuiltin: can a literal of the file be the builtin specifier', () => {
  it('a plain literal, with or without node:, in any quotes', () => {
    for (const text of ["require('child_process')", 'require("node:child_process")', 'require(`module`)']) {
      expect(mayNameBuiltin(file(text), text.includes('module') ? 'module' : 'child_process')).toBe(true);
    }
  });
  it('a literal with escapes or line continuations in place of characters', () => {
    const spellings = ["require('\\u0063hild_process')", "require('node\\x3a\\u{63}hild_process')", "require('child_\\\nprocess')", "require('\\\nchild_process')", "require('\\143hild_process')"];
    for (const text of spellings) expect(mayNameBuiltin(file(text), 'child_process'), text).toBe(true);
  });
  it('the word in a comment or running text of a file with backslashes is not a specifier', () => {
    const text = "// This module spawns nothing.\nconst s = 'a\\nb';\nconst t = 'the module';";
    expect(mayNameBuiltin(file(text), 'module')).toBe(false);
    // The word is still mentioned, for the passes that ask about any spelling.
    expect(mayMention(file(text), 'module')).toBe(true);
  });
  it('a literal longer than the name is not its specifier', () => {
    expect(mayNameBuiltin(file("const s = 'child_processes\\n';"), 'child_process')).toBe(false);
  });
});

describe('the starter passes still see an escaped specifier', () => {
  it('an escaped require of child_process handed on is UNANALYZED', () => {
    expect(entries("const cp = require('\\u0063hild_process');\nrun(cp.fork);\n// a \\n comment about child processes")).toEqual(failsClosed);
  });
});

describe('the escapes are read as the scanner reads them', () => {
  it('a word spelled with escapes anywhere in a name, a line continuation of either kind inside', () => {
    for (const [text, word] of [['a\\u006dodule', 'module'], ['pars\\u{65}Env', 'parseEnv'], ['exec\\u0041rgv', 'execArgv'], ["'child_\\\r\nprocess'", 'child_process']] as const) {
      expect(mayMention(file(text), word), text).toBe(true);
    }
  });
  it('words that overlap are each found', () => {
    expect(mayMention(file('const tinypoolifier = 1;'), 'tinypool')).toBe(true);
    expect(mayMention(file('const tinypoolifier = 1;'), 'poolifier')).toBe(true);
  });
  it('an escaped specifier after a regular expression with backslashes is still between its quotes', () => {
    expect(mayNameBuiltin(file("const x = /\\\\/;\nrequire('\\x63luster');"), 'cluster')).toBe(true);
  });
  it('escapes that stand for other characters do not spell a word (effect: a bash completion script)', () => {
    const text = 'lines.push(`        _match="\\${_rest//\\\\\\\\/\\\\\\\\\\\\\\\\}"`);';
    expect(mayMention(file(text), 'module')).toBe(false);
  });
});
