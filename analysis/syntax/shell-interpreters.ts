import { UNKNOWN_ARGUMENT, type ArgumentList } from './child-entries-args.js';
import { STARTER_PROGRAMS } from './shell-commands.js';

/**
 * The script of an interpreter that can start programs (awk, perl, python, GNU sed), read for what
 * it starts (choice 86): a program is judged by name only where the script names it with one
 * constant string (`system("date")`); a name it builds (`"no" "de"`, `"no"."de"`, `chr(110)`,
 * `ENVIRON[…]`, `$0`, a list, a computed module or attribute) or a script the syntax does not see
 * (`-f file`, a script file) may be Node's, and fails closed. A script that starts nothing
 * (`awk 'BEGIN { print "node x" }'`, `sed 's/node/deno/'`) is cleared.
 */
export type InterpreterJudgment = { readonly kind: 'starts-none' } | { readonly kind: 'may-start'; readonly why: string };

/** A computed piece of a word (a value of the program) stands in the script's text as this mark: unknown text. */
const PIECE = '\ue000';
const STARTS_NONE: InterpreterJudgment = { kind: 'starts-none' };

const AWK = /^(awk|gawk|mawk|nawk|busybox-awk)$/;
const PERL = /^perl(5[.0-9]*)?$/;
const PYTHON = /^python[.0-9]*$/;
const SED = /^(sed|gsed)$/;

/** The judgment of `program words…` when the program is an interpreter read here, else undefined. */
export function judgeInterpreter(program: string, words: ArgumentList): InterpreterJudgment | undefined {
  const texts = words.map((word) => (word === UNKNOWN_ARGUMENT ? undefined : word.parts.map((part) => (typeof part === 'string' ? part : PIECE)).join('')));
  if (AWK.test(program)) return judgeScript(program, awkScript(texts), awkStarts);
  if (PERL.test(program)) return judgeScript(program, optionScript(texts, /^-[a-zA-Z]*[eE]$/, /^-[a-zA-Z]*[eE](.+)$/), perlStarts);
  if (PYTHON.test(program)) return judgeScript(program, optionScript(texts, /^-[a-zA-Z]*c$/, /^-[a-zA-Z]*c(.+)$/, /^-[a-zA-Z]*m$/), pythonStarts);
  if (SED.test(program)) return judgeScript(program, sedScript(texts), sedStarts);
  return undefined;
}

/** A script the syntax sees (its text), or why it does not. */
type Script = { readonly text: string } | { readonly unseen: string };

function judgeScript(program: string, script: Script, starts: (text: string) => string | undefined): InterpreterJudgment {
  if ('unseen' in script) return { kind: 'may-start', why: `\`${program}\` runs ${script.unseen} the syntax does not read: it may start Node on any file` };
  const why = starts(script.text);
  return why === undefined ? STARTS_NONE : { kind: 'may-start', why: `\`${program}\` ${why}: it may start Node on any file` };
}

/** A command given as one constant string (`"date -u"`): judged by its words, as a shell would run it. */
function constantCommandStarts(literal: string): boolean {
  // A computed piece where a command's name stands (`"${cmd} x"`, `"a; ${cmd}"`) may be any program.
  const commands = literal.split(/[;&|()`\n]|\$\(/).map((segment) => segment.trim().split(/\s+/).find((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) ?? '');
  if (commands.some((name) => name.includes(PIECE))) return true;
  return literal.split(/[^A-Za-z0-9_./+-]+/).some((token) => STARTER_PROGRAMS.test(token.replace(/^.*\//, '')));
}

/** `-e TEXT`/`-eTEXT` (perl), `-c TEXT` (python): the script text; the first operand otherwise is a script file. */
function optionScript(texts: ReadonlyArray<string | undefined>, option: RegExp, joined: RegExp, module?: RegExp): Script {
  const pieces: string[] = [];
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index];
    if (text === undefined) return { unseen: 'words' };
    if (option.test(text)) {
      const value = texts[++index];
      if (value === undefined) return { unseen: 'a script' };
      pieces.push(value);
      if (module !== undefined) break;
      continue;
    }
    const attached = joined.exec(text);
    if (attached !== null) {
      pieces.push(attached[1] as string);
      if (module !== undefined) break;
      continue;
    }
    if (module?.test(text) === true) return { unseen: 'a module' };
    if (text === '--' || !text.startsWith('-')) break;
  }
  return pieces.length > 0 ? { text: pieces.join('\n') } : { unseen: 'a script file' };
}

/**
 * awk and sed alike: `--` or the first operand ends the options; with no `-e` script given, the
 * operand (the one after `--`) is the script. True when the options end here.
 */
function endsOptions(texts: ReadonlyArray<string | undefined>, index: number, pieces: string[]): boolean {
  const text = texts[index] ?? '';
  const operand = text === '--' ? (texts[index + 1] ?? PIECE) : !text.startsWith('-') || text === '-' ? text : undefined;
  if (operand === undefined) return false;
  if (pieces.length === 0) pieces.push(operand);
  return true;
}

/** awk's program: the first operand, unless `-f FILE` (or gawk's `-e TEXT`/`--source`) gives it; `-v`, `-F` take a value. */
function awkScript(texts: ReadonlyArray<string | undefined>): Script {
  const pieces: string[] = [];
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index];
    if (text === undefined) return { unseen: 'words' };
    if (text === '-f' || text === '-E' || text.startsWith('--file') || text.startsWith('--exec') || /^-[lL]$/.test(text) || text.startsWith('--load') || text === '-i' || text.startsWith('--include')) return { unseen: 'a program file' };
    if (text === '-e' || text === '--source') {
      const value = texts[++index];
      if (value === undefined) return { unseen: 'a program' };
      pieces.push(value);
      continue;
    }
    if (text.startsWith('--source=')) {
      pieces.push(text.slice('--source='.length));
      continue;
    }
    if (text === '-v' || text === '-F') {
      index++;
      continue;
    }
    if (endsOptions(texts, index, pieces)) break;
  }
  return pieces.length > 0 ? { text: pieces.join('\n') } : { unseen: 'a program' };
}

/** `"…"` literals of a C-like script, and the text with each replaced by `""` (so the code around them can be read). */
function stripStrings(text: string, quotes: string): { code: string; literals: string[] } {
  const literals: string[] = [];
  let code = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (!quotes.includes(char)) {
      code += char;
      continue;
    }
    let literal = '';
    for (index++; index < text.length && text[index] !== char; index++) {
      if (text[index] === '\\') literal += text[index++] ?? '';
      literal += text[index] ?? '';
    }
    literals.push(literal);
    code += `${char}${literals.length - 1}${char}`;
  }
  return { code, literals };
}

/** The one constant string a call's argument list opens with and closes after (`system("x")`, `system "x";`), else undefined. */
function onlyLiteral(code: string, literals: readonly string[], after: number, quotes: string, ends: RegExp): string | undefined {
  const rest = code.slice(after);
  const match = new RegExp(`^\\s*\\(?\\s*([${quotes}])(\\d+)\\1\\s*`).exec(rest);
  if (match === null || !ends.test(rest.slice(match[0].length))) return undefined;
  return literals[Number(match[2])];
}

/**
 * awk starts programs with `system(cmd)`, `print … | cmd`, `cmd | getline` and gawk's `|&`: each
 * command must be one constant string (`/a|b/` patterns aside).
 */
function awkStarts(text: string): string | undefined {
  const { code, literals } = stripStrings(text, '"');
  // A regular expression literal where an operand starts (`/a|b/`, `$1 ~ /x|y/`) holds no pipe.
  const plain = code.replace(/(^|[({;,!~&|\n])(\s*)\/(?:\\.|[^/\n])*\//g, '$1$2//');
  for (const call of code.matchAll(/\bsystem\s*\(/g)) {
    const literal = onlyLiteral(code, literals, (call.index ?? 0) + call[0].length - 1, '"', /^\)/);
    if (literal === undefined) return 'runs `system()` with a command it builds';
    if (constantCommandStarts(literal)) return `runs \`system("${literal}")\``;
  }
  for (const pipe of plain.matchAll(/\|(?!\|)&?/g)) {
    const at = pipe.index ?? 0;
    if (plain[at - 1] === '|') continue;
    const before = /(?:^|[{;(\n])\s*"(\d+)"\s*$/.exec(plain.slice(0, at));
    const afterMatch = /^\s*"(\d+)"\s*(?:[;}\n)]|$)/.exec(plain.slice(at + pipe[0].length));
    const command = /^\s*getline\b/.test(plain.slice(at + pipe[0].length)) ? before?.[1] : afterMatch?.[1];
    if (command === undefined) return 'pipes to or from a command it builds';
    const literal = literals[Number(command)] ?? PIECE;
    if (constantCommandStarts(literal)) return `pipes to or from \`${literal}\``;
  }
  return undefined;
}

/** Perl's ways to start a program or run code it builds: any of these not given one constant string fails closed. */
const PERL_STARTERS = /\b(system|exec)\b/g;
const PERL_DYNAMIC = /\b(qx|readpipe|eval|syscall|open|open2|open3|pipe|IPC::|CORE::GLOBAL)\b|\b(do|require)\s*["'$]|`|&\s*[{$]|\*\s*\{|->\s*can\b|\bs(\W).*?\3.*?\3[a-z]*e/;

function perlStarts(text: string): string | undefined {
  const { code, literals } = stripStrings(text, `"'`);
  if (PERL_DYNAMIC.test(code)) return 'runs code or a command it may build (backquotes, `qx`, `eval`, a pipe, a symbolic call)';
  for (const call of code.matchAll(PERL_STARTERS)) {
    const at = (call.index ?? 0) + call[0].length;
    const literal = onlyLiteral(code, literals, at, `"'`, /^[,)]|^;|^$/);
    if (literal === undefined) return `runs \`${call[0]}\` with a program name it builds`;
    // A double-quoted string interpolates `$x` and `@x`.
    if (/[$@]/.test(literal) || constantCommandStarts(literal)) return `runs \`${call[0]}\` of \`${literal}\``;
  }
  return undefined;
}

/** Python's ways to start a program or run code it builds. */
const PYTHON_STARTERS = /\bos\s*\.\s*(system|popen)\b/g;
const PYTHON_DYNAMIC = /\b(subprocess|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?|pty|commands|__import__|importlib|exec|eval|compile|getattr|ctypes|runpy|__builtins__|globals|vars)\b|\bos\s*\.\s*(exec|spawn|fork)/;

function pythonStarts(text: string): string | undefined {
  const { code, literals } = stripStrings(text, `"'`);
  if (PYTHON_DYNAMIC.test(code)) return 'starts a program through `subprocess`, `os.exec*`, or code and modules it names at run time';
  for (const call of code.matchAll(PYTHON_STARTERS)) {
    const at = (call.index ?? 0) + call[0].length;
    const literal = onlyLiteral(code, literals, at, `"'`, /^\)/);
    if (literal === undefined) return `runs \`os.${call[1] ?? 'system'}\` with a command it builds`;
    if (constantCommandStarts(literal)) return `runs \`os.${call[1] ?? 'system'}("${literal}")\``;
  }
  return undefined;
}

/** sed's script: `-e TEXT`, `--expression=TEXT` (any prefix GNU sed accepts), else the first operand; `-f FILE` is unseen; `--sandbox` refuses `e`. */
function sedScript(texts: ReadonlyArray<string | undefined>): Script {
  const pieces: string[] = [];
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index];
    if (text === undefined) return { unseen: 'words' };
    if (text === '--sandbox') return { text: '' };
    const long = /^--([a-z-]+)(?:=(.*))?$/s.exec(text);
    if (long !== null && 'expression'.startsWith(long[1] as string)) {
      const value = long[2] ?? texts[++index];
      if (value === undefined) return { unseen: 'a script' };
      pieces.push(value);
      continue;
    }
    if (long !== null && 'file'.startsWith(long[1] as string)) return { unseen: 'a script file' };
    if (/^-[a-zA-Z]*f/.test(text) && !text.startsWith('--')) return { unseen: 'a script file' };
    const short = /^-([nrEsuzi]*)e(.*)$/s.exec(text);
    if (short !== null) {
      const value = short[2] === '' ? texts[++index] : short[2];
      if (value === undefined) return { unseen: 'a script' };
      pieces.push(value);
      continue;
    }
    if (text === '-l' || text === '--line-length') {
      index++;
      continue;
    }
    if (endsOptions(texts, index, pieces)) break;
  }
  return pieces.length > 0 ? { text: pieces.join('\n') } : { unseen: 'a script' };
}

/**
 * GNU sed runs the pattern space as a command with the `e` command and the `s///e` flag: the text is
 * the input's, so any `e` fails closed. The script is read command by command (addresses, `s`/`y`
 * with their delimiters, the commands that take the rest of the line); text it cannot read fails closed.
 */
function sedStarts(text: string): string | undefined {
  let index = 0;
  const skipBlanks = (): void => {
    while (index < text.length && /[\s;]/.test(text[index] as string)) index++;
  };
  const delimited = (count: number): string | undefined => {
    const delimiter = text[index++];
    if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') return undefined;
    for (let seen = 0; seen < count; seen++) {
      while (index < text.length && text[index] !== delimiter) index += text[index] === '\\' ? 2 : 1;
      if (index >= text.length) return undefined;
      index++;
    }
    return delimiter;
  };
  for (skipBlanks(); index < text.length; skipBlanks()) {
    // Addresses: line numbers, `$`, `/re/`, `\cREc`, `first~step`, `addr,+N`, `!`.
    for (;;) {
      const char = text[index];
      if (char !== undefined && /[0-9$,~+!\s]/.test(char)) index++;
      else if (char === '/') {
        index++;
        while (index < text.length && text[index] !== '/') index += text[index] === '\\' ? 2 : 1;
        index++;
      } else if (char === '\\') {
        index++;
        if (delimited(1) === undefined) return 'runs a script it cannot read';
      } else break;
    }
    const command = text[index++];
    if (command === undefined) break;
    if (command === 'e') return 'runs the `e` command';
    if (command === 's') {
      if (delimited(2) === undefined) return 'runs a script it cannot read';
      const flags = /^[0-9gpiImMe]*/.exec(text.slice(index))?.[0] ?? '';
      index += flags.length;
      if (flags.includes('e')) return 'runs the `s///e` flag';
      if (text[index] === 'w') index = nextLineEnd(text, index);
      continue;
    }
    if (command === 'y') {
      if (delimited(2) === undefined) return 'runs a script it cannot read';
      continue;
    }
    if (/[{}=dDgGhHlnNpPqQxzF]/.test(command)) {
      if (/[qQlL]/.test(command)) index = nextCommandEnd(text, index);
      continue;
    }
    if (/[aicrRwWbtTv:#]/.test(command)) {
      index = /[aic]/.test(command) || command === '#' ? nextLineEnd(text, index) : nextCommandEnd(text, index);
      continue;
    }
    return 'runs a script it cannot read';
  }
  return undefined;
}

function nextLineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function nextCommandEnd(text: string, from: number): number {
  const end = text.slice(from).search(/[;\n}]/);
  return end < 0 ? text.length : from + end;
}
