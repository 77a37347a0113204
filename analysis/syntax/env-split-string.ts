/**
 * GNU env's `-S STRING` / `--split-string=STRING` (coreutils 9): the string is split into the words
 * env then reads as its own arguments. One reader for every place the guard meets it (a `#!` line,
 * guard/resolve/spawned-executable.ts). Its rules, checked against `/usr/bin/env -S` itself
 * (tests/resolve/env-split-string.test.ts):
 * - space, tab, newline, `\v`, `\f`, `\r` separate words; `''` and `""` make an empty word;
 * - single quotes keep everything except `\\` and `\'`; double quotes read the escapes below;
 * - outside single quotes `\"`, `\'`, `\\`, `\#`, `\$`, `\_` (a separator; a space in double quotes),
 *   `\f`, `\n`, `\r`, `\t`, `\v`; `\c` ends the whole string (an error inside double quotes);
 *   any other escape, a backslash at the end, an unterminated quote: env fails and runs nothing;
 * - a `#` that starts a word starts a comment up to the end;
 * - `${NAME}` is the value of a variable of env's environment, unknown here; any other `$` fails.
 */
export type EnvSplit =
  | { readonly kind: 'words'; readonly words: readonly string[] }
  /** env refuses the string and starts nothing. */
  | { readonly kind: 'fails'; readonly why: string }
  /** A `${NAME}` expansion: the words depend on the environment env runs in. */
  | { readonly kind: 'unknown' };

const SEPARATORS = new Set([' ', '\t', '\n', '\v', '\f', '\r']);
const PLAIN_ESCAPES = new Map([['"', '"'], ["'", "'"], ['\\', '\\'], ['#', '#'], ['$', '$'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t'], ['v', '\v']]);
const VARIABLE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}/;

export function splitEnvString(text: string): EnvSplit {
  const words: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  const endWord = (): void => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else if (char === '\\' && (text[index + 1] === "'" || text[index + 1] === '\\')) word += text[++index] as string;
      else word += char;
      continue;
    }
    if (quote === undefined && SEPARATORS.has(char)) {
      endWord();
      continue;
    }
    if (quote === undefined && char === '#' && word === undefined) break;
    if (char === "'" || char === '"') {
      if (quote === '"' && char === "'") word += char;
      else {
        quote = quote === '"' ? undefined : char;
        word ??= '';
      }
      continue;
    }
    if (char === '$') {
      if (!VARIABLE.test(text.slice(index))) return { kind: 'fails', why: 'only ${NAME} is expanded' };
      return { kind: 'unknown' };
    }
    if (char !== '\\') {
      word = (word ?? '') + char;
      continue;
    }
    const next = text[++index];
    if (next === undefined) return { kind: 'fails', why: 'a backslash ends the string' };
    if (next === 'c') {
      if (quote === '"') return { kind: 'fails', why: '`\\c` in double quotes' };
      endWord();
      return { kind: 'words', words };
    }
    if (next === '_') {
      if (quote === '"') word += ' ';
      else endWord();
      continue;
    }
    const escaped = PLAIN_ESCAPES.get(next);
    if (escaped === undefined) return { kind: 'fails', why: `the escape \`\\${next}\`` };
    word = (word ?? '') + escaped;
  }
  if (quote !== undefined) return { kind: 'fails', why: 'a quote is not closed' };
  endWord();
  return { kind: 'words', words };
}

/** The long option `--split-string=TEXT` by any prefix env accepts (`--sp=`, `--s=`): its text, else undefined. */
export function longSplitString(word: string): string | undefined {
  const match = /^--([a-z-]+)=/.exec(word);
  if (match === null || !'split-string'.startsWith(match[1] as string)) return undefined;
  return word.slice(match[0].length);
}
