import { UNKNOWN_ARGUMENT, type ArgumentList } from './child-entries-args.js';

/**
 * Files a shell reads before its command line (choice 86): bash sources `$BASH_ENV` when it is not
 * interactive (`bash -c`, `bash script`); an interactive dash (`sh -i`) sources `$ENV`, an interactive
 * bash `~/.bashrc` or its `--rcfile`/`--init-file`; zsh reads `$ZDOTDIR/.zshenv` always. The
 * variables name files the program may write or ship: set on the line, they make the shell run
 * commands the syntax does not read.
 */
const START_UP_VARIABLES = /^(BASH_ENV|ENV|ZDOTDIR)(?==|$)/;

/** `BASH_ENV=./rt.sh`, `ENV`: the start-up variable a word names or assigns, else undefined. */
export function startUpVariableOf(word: string): string | undefined {
  return START_UP_VARIABLES.exec(word)?.[1];
}

/** How a shell is started: its options read (bash's and dash's), and where its commands come from. */
export interface ShellInvocation {
  /** `-c`: the first operand is a command line. */
  readonly commandString: boolean;
  /** `-s`, or no operand: the commands are read from the input. */
  readonly readsInput: boolean;
  readonly allexport: boolean;
  /** `-i`, and no start-up file ruled out (`--norc`, `--rcfile /dev/null`): it sources one the syntax does not read. */
  readonly readsStartUpFile: boolean;
  /** `--version`, `--help`: bash prints and runs nothing. */
  readonly printsOnly: boolean;
  /** The index of the first operand (the line, or a script file). */
  readonly operand: number;
}

/** bash's long options that take the next word as their value (`--rcfile /dev/null -c …`: `/dev/null` is no script). */
const LONG_OPTIONS_WITH_VALUE = new Set(['--rcfile', '--init-file']);
const PRINTING_OPTIONS = new Set(['--version', '--help', '--dump-strings', '--dump-po-strings']);

/**
 * A shell's words after its name, read as bash and dash read them: option clusters on either side
 * of `-c` (`sh -ec line`, `sh -c -e line`, `sh -c -- line`, `sh +o errexit -c line`), `-o`/`+o`/`-O`
 * taking the next word, bash's long options (`--rcfile FILE`, `--norc`); the first word that is no
 * option is the operand. `texts[i]` is undefined for a word the syntax cannot read: it stops the reading there.
 */
export function readShellInvocation(texts: ReadonlyArray<string | undefined>): ShellInvocation {
  let commandString = false;
  let stdin = false;
  let allexport = false;
  let interactive = false;
  let noStartUpFile = false;
  let printsOnly = false;
  let index = 0;
  for (; index < texts.length; index++) {
    const text = texts[index];
    if (text === '--' || text === '-') {
      index++;
      break;
    }
    if (text === undefined || !/^[-+]./.test(text)) break;
    if (text.startsWith('--')) {
      const [name, inline] = text.split('=', 2) as [string, string | undefined];
      if (PRINTING_OPTIONS.has(name)) printsOnly = true;
      if (name === '--norc') noStartUpFile = true;
      if (LONG_OPTIONS_WITH_VALUE.has(name)) {
        const value = inline ?? texts[++index];
        noStartUpFile ||= value === '/dev/null';
      }
      continue;
    }
    const letters = text.slice(1);
    const setting = text.startsWith('-');
    if (setting && letters.includes('c')) commandString = true;
    if (setting && letters.includes('s')) stdin = true;
    if (setting && letters.includes('i')) interactive = true;
    if (setting && letters.includes('a')) allexport = true;
    // `-o allexport`, `+o name`, bash's `-O shopt`: the next word is the option's name.
    if (/[oO]$/.test(letters)) {
      if (setting && texts[index + 1] === 'allexport') allexport = true;
      index++;
    }
  }
  return { commandString, readsInput: !commandString && (stdin || index >= texts.length), allexport, readsStartUpFile: interactive && !noStartUpFile, printsOnly, operand: index };
}

/**
 * When a shell expands an alias the line defines (choice 90): dash from the next line it reads (an
 * alias applies to commands parsed after the `alias` command runs: not the rest of its own line);
 * bash that is neither interactive nor in POSIX mode never, unless the line turns `expand_aliases`
 * on. Other shells, and an option the syntax cannot read: undefined (every later command may use it).
 */
export type AliasMode = 'next-line' | 'never';

export function aliasModeOf(program: string, options: ReadonlyArray<string | undefined>): AliasMode | undefined {
  const name = program.replace(/^.*\//, '').replace(/\.exe$/i, '');
  if (name === 'sh' || name === 'dash') return 'next-line';
  if (name !== 'bash') return undefined;
  const enabling = options.some((option) => option === undefined || /posix|expand_aliases/.test(option) || (/^-[A-Za-z]+$/.test(option) && option.includes('i')));
  return enabling ? undefined : 'never';
}

/**
 * `env -u NAME cmd`, `env --unset=NAME`, `env -i`, `env NAME=… cmd`: env starts the command without
 * the shell's value of NAME (removed, or replaced by its own). `words[0]` is the program.
 */
export function envClearsVariable(words: ArgumentList, name: string): boolean {
  const text = (index: number): string | undefined => {
    const word = words[index];
    return word === undefined || word === UNKNOWN_ARGUMENT || !word.parts.every((part) => typeof part === 'string') ? undefined : word.parts.join('');
  };
  if (text(0)?.replace(/^.*\//, '') !== 'env') return false;
  for (let index = 1; index < words.length; index++) {
    const word = text(index);
    if (word === undefined) return false;
    if (word === '-i' || word === '-' || word === '--ignore-environment' || word.startsWith(`${name}=`)) return true;
    if (word === `-u${name}` || word === `--unset=${name}`) return true;
    if ((word === '-u' || word === '--unset') && text(index + 1) === name) return true;
    if (word === '-u' || word === '--unset' || word === '-C' || word === '--chdir') index++;
    else if (!word.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) return false;
  }
  return false;
}
