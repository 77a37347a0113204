import { commandWords, UNKNOWN_ARGUMENT, type ArgumentList, type NodeArgument } from './child-entries-args.js';
import { evaluateParts, type PathPart } from './entry-path.js';
import { longSplitString, splitEnvString } from './env-split-string.js';
import { pathContext } from './entry-path-follow.js';
import { excerpt } from './syntax.js';
import type { Walker } from './walker.js';
import type { ShellDialect } from './shell-line.js';
import { SHELL_PROGRAMS, shellDialectOf } from './shell-commands.js';
import { aliasModeOf, readShellInvocation, type AliasMode } from './shell-start-up.js';

/** What a shell line inherits from the command that starts its shell: `NODE_OPTIONS` given to it (each as Node's words), `sh -a` and start-up variables; and which shell reads it (dash when not said: `/bin/sh`). */
export interface InheritedShellState {
  readonly nodeOptions: ReadonlyArray<ArgumentList>;
  readonly allexport: boolean;
  readonly dialect?: ShellDialect;
  /** Start-up variables (`BASH_ENV`, `ENV`) the shell's environment holds from the line that starts it (shell-start-up.ts). */
  readonly startUpVariables?: readonly string[];
  /** When an alias the line defines is expanded (shell-start-up.ts); undefined: from the next command on (fail closed). */
  readonly aliases?: AliasMode;
}

/** A shell command line met inside a command (`sh -c "node x"`): the caller reads it as one. */
export type ShellLineReader = (line: NodeArgument, inherited?: InheritedShellState) => void;

/**
 * Programs that run the rest of their words as a command (`nohup node x`, `sudo -u app node x`,
 * `xargs node`), stacked in any order: the command they run is the real program. Per program,
 * its options that take the next word as a value, the words it reads before the command
 * (`timeout 10`, `taskset 0x1`), whether `NAME=value` words set the command's environment, and
 * whether it adds words read from its input (`xargs`). An option not listed is read as taking no
 * value: when that is wrong, the word taken for the program is not Node, and the command is
 * judged by its words (judgeUnplacedCommand in child-entries-shell.ts), which fails closed.
 */
interface Wrapper {
  readonly valueOptions: ReadonlySet<string>;
  readonly positional?: number;
  readonly assignments?: boolean;
  readonly readsInput?: boolean;
}

const wrapper = (valueOptions: readonly string[], more: Omit<Wrapper, 'valueOptions'> = {}): Wrapper => ({ valueOptions: new Set(valueOptions), ...more });

const WRAPPERS = new Map<string, Wrapper>([
  ['env', wrapper(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'], { assignments: true })],
  ['exec', wrapper(['-a'])],
  ['command', wrapper([])],
  ['builtin', wrapper([])],
  ['nohup', wrapper([])],
  ['time', wrapper(['-f', '--format', '-o', '--output'])],
  ['setsid', wrapper([])],
  ['nice', wrapper(['-n', '--adjustment'])],
  ['ionice', wrapper(['-c', '--class', '-n', '--classdata'])],
  ['timeout', wrapper(['-s', '--signal', '-k', '--kill-after'], { positional: 1 })],
  ['chrt', wrapper([], { positional: 1 })],
  ['taskset', wrapper([], { positional: 1 })],
  ['sudo', wrapper(['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-r', '--role', '-t', '--type', '-T', '--command-timeout', '-U', '--other-user'], { assignments: true })],
  ['doas', wrapper(['-u', '-C'])],
  ['stdbuf', wrapper(['-i', '-o', '-e', '--input', '--output', '--error'])],
  ['unbuffer', wrapper([])],
  ['cross-env', wrapper([], { assignments: true })],
  ['xargs', wrapper(['-a', '--arg-file', '-d', '--delimiter', '-E', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var', '-I'], { readsInput: true })],
]);

/** Options of `xargs` that put the input in place of a string in the command's words instead of after them. */
function replaceString(option: string, next: string | undefined): string | undefined {
  if (option === '-I') return next;
  if (option === '-i' || option === '--replace') return '{}';
  if (option.startsWith('--replace=')) return option.slice('--replace='.length);
  return option.startsWith('-i') ? option.slice(2) : undefined;
}

/** Package managers: most of their commands run package.json scripts (`npm run job`, `npm test`, install hooks). */
const PACKAGE_MANAGERS = /^(npm|pnpm|yarn|bun)(\.cmd|\.exe)?$/i;
/** Their commands that run no script of the package. */
const INERT_PACKAGE_COMMANDS = new Set(['-v', '--version', 'view', 'info', 'show', 'ls', 'list', 'config', 'whoami', 'help', '-h', '--help', 'outdated', 'search', 'ping', 'root', 'prefix', 'bin', 'cache', 'audit', 'doctor', 'why']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** A program whose words `unwrapCommand` reads itself and judges (a shell, a package manager). */
export function isReadCommand(program: string): boolean {
  return PACKAGE_MANAGERS.test(program) || SHELL_PROGRAMS.test(program);
}

/** A program that runs the rest of its words as a command (WRAPPERS). */
export function isWrapper(program: string): boolean {
  return WRAPPERS.has(program);
}

/**
 * The command a wrapper runs, out of plain words (a `#!` line's: guard/resolve/spawned-executable.ts),
 * read with the same table as a command line's; `assigns` when `NAME=value` words set its environment.
 * Undefined when `program` is no wrapper.
 */
export function peelPlainWrapper(program: string, words: readonly string[]): { words: readonly string[]; assigns: boolean } | undefined {
  const spec = WRAPPERS.get(program);
  if (spec === undefined) return undefined;
  let positional = spec.positional ?? 0;
  let assigns = false;
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index] as string;
    if (spec.assignments === true && ASSIGNMENT.test(word)) {
      assigns = true;
      continue;
    }
    if (word === '--') {
      index++;
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      if (positional-- > 0) continue;
      break;
    }
    if (spec.valueOptions.has(word)) index++;
  }
  return { words: words.slice(index), assigns };
}

export interface WrappedCommand {
  readonly program: string;
  readonly command: NodeArgument;
  readonly rest: ArgumentList;
  readonly walker: Walker;
  readonly readShellLine: ShellLineReader | undefined;
  readonly programOf: (word: NodeArgument) => string | undefined;
}

/** The wrapped command (and the Node options an `env NODE_OPTIONS=…` gives it); `not-node` when the wrapper starts no Node here; undefined when `program` is no wrapper. */
export function unwrapCommand(wrapped: WrappedCommand): { words: ArgumentList; nodeOptions: NodeArgument[] } | 'not-node' | undefined {
  const { program, rest } = wrapped;
  if (PACKAGE_MANAGERS.test(program)) return packageManagerCommand(wrapped);
  if (SHELL_PROGRAMS.test(program)) return shellCommand(wrapped);
  return peelWrapper(program, rest, wrapped.walker);
}

/**
 * The command a wrapper runs, read without judging anything (so the unplaced-command rule can
 * read it too): its words, with the input's words of `xargs` as unknown words (after the
 * command's own, or in place of the words holding its replace string), and the Node options of
 * its `NODE_OPTIONS=…` words. Undefined when `program` is no wrapper.
 */
export function peelWrapper(program: string, rest: ArgumentList, walker: Walker): { words: ArgumentList; nodeOptions: NodeArgument[] } | undefined {
  const spec = WRAPPERS.get(program);
  if (spec === undefined) return undefined;
  const nodeOptions: NodeArgument[] = [];
  let replace: string | undefined;
  let index = 0;
  let positional = spec.positional ?? 0;
  for (; index < rest.length; index++) {
    const word = rest[index];
    if (word === undefined || word === UNKNOWN_ARGUMENT) break;
    const [first, ...tail] = word.parts;
    const text = plainWord(word, walker);
    if (spec.assignments === true && typeof first === 'string' && ASSIGNMENT.test(first)) {
      // `env NODE_OPTIONS='--require x' node y`: the options of the Node it starts.
      if (first.startsWith('NODE_OPTIONS=')) nodeOptions.push(...commandWords([first.slice('NODE_OPTIONS='.length), ...tail], word.node));
      continue;
    }
    // `env --split-string='node x'`, `env -S'node x'`: the value in the same word.
    const joined = program === 'env' ? joinedSplitString(word) : undefined;
    if (joined !== undefined) return peelWrapper(program, [...envSplitWords(joined, word.node), ...rest.slice(index + 1)], walker);
    if (text === '--') {
      index++;
      break;
    }
    // `command -V node` describes how the name resolves and runs nothing. `command -v node` prints Node's
    // path, which the line may link or run under another name (`ln -s "$(command -v node)" js`): still Node.
    if (program === 'command' && text !== undefined && /^-p?V[pV]*$/.test(text)) return { words: [], nodeOptions };
    if (text === undefined || !text.startsWith('-') || text === '-') {
      // `timeout 10 node x`: the duration comes first.
      if (positional-- > 0) continue;
      break;
    }
    const next = rest[index + 1];
    // `env -S 'A=1 node x'`: one word split into the words env reads.
    if (program === 'env' && (text === '-S' || text === '--split-string') && next !== undefined && next !== UNKNOWN_ARGUMENT) {
      return peelWrapper(program, [...envSplitWords(next.parts, next.node), ...rest.slice(index + 2)], walker);
    }
    if (spec.readsInput === true) replace = replaceString(text, next === undefined || next === UNKNOWN_ARGUMENT ? undefined : plainWord(next, walker)) ?? replace;
    if (spec.valueOptions.has(text)) index++;
  }
  const command = rest.slice(index);
  if (spec.readsInput !== true || command.length === 0) return { words: command, nodeOptions };
  if (replace === undefined) return { words: [...command, UNKNOWN_ARGUMENT], nodeOptions };
  const marker = replace;
  return { words: command.map((word) => (word !== UNKNOWN_ARGUMENT && word.parts.some((part) => typeof part === 'string' && part.includes(marker)) ? UNKNOWN_ARGUMENT : word)), nodeOptions };
}

/** The text of `--split-string=TEXT` (any prefix env accepts, `--sp=`) or `-STEXT`. */
function joinedSplitString(word: NodeArgument): readonly PathPart[] | undefined {
  const [first, ...tail] = word.parts;
  if (typeof first !== 'string') return undefined;
  const long = longSplitString(first);
  if (long !== undefined) return [long, ...tail];
  return first.startsWith('-S') && first.length > 2 ? [first.slice(2), ...tail] : undefined;
}

/** Private-use characters stand for the computed pieces of a `-S` string while env's rules split its text. */
const PIECE_MARK = 0xe000;
const PIECE_MARKS = /[\ue000-\uf8ff]/;

/**
 * The words env's `-S` makes of its string: GNU env's own rules (env-split-string.ts) for the text
 * written (`\_`, quotes, escapes), a piece the program computes (`${pre}`) joining the word it is
 * written in, as in a shell line; none when env refuses it (it starts nothing); an unknown word when
 * a `${NAME}` of its environment decides.
 */
function envSplitWords(parts: readonly PathPart[], node: NodeArgument['node']): ArgumentList {
  const pieces = parts.filter((part) => typeof part !== 'string');
  // Text already holding a mark (never in practice) cannot be told from a piece: split at blanks and quotes.
  if (parts.some((part) => typeof part === 'string' && PIECE_MARKS.test(part)) || pieces.length > 0x1000) return commandWords(parts, node);
  let next = 0;
  const marked = parts.map((part) => (typeof part === 'string' ? part : String.fromCharCode(PIECE_MARK + next++))).join('');
  // `\${x}`, `$${x}`: what env makes of the escape or expansion depends on the computed text.
  if (/[\\$][\ue000-\uf8ff]/.test(marked)) return [UNKNOWN_ARGUMENT];
  const split = splitEnvString(marked);
  if (split.kind === 'unknown') return [UNKNOWN_ARGUMENT];
  if (split.kind === 'fails') return [];
  return split.words.map((text) => ({ node, parts: unmarked(text, pieces) }));
}

/** A split word's text with each mark given back as the piece it stands for. */
function unmarked(text: string, pieces: readonly PathPart[]): PathPart[] {
  const parts: PathPart[] = [];
  let run = '';
  for (const character of text) {
    const code = character.charCodeAt(0) - PIECE_MARK;
    const piece = code >= 0 && code < pieces.length ? pieces[code] : undefined;
    if (piece === undefined) {
      run += character;
      continue;
    }
    if (run !== '') parts.push(run);
    run = '';
    parts.push(piece);
  }
  return run === '' ? parts : [...parts, run];
}

/**
 * `sh -c line` reads the line (its options read by shell-start-up.ts, `--rcfile FILE` taking its
 * value); a shell with no script or with words the syntax cannot see may run any command line; a
 * script file (`sh ./run.sh`, `bash run.sh`) runs commands the syntax does not read, and so does a
 * start-up file an interactive shell sources (choice 86): each fails closed. `-a` (allexport)
 * exports every assignment the line makes.
 */
function shellCommand(wrapped: WrappedCommand): 'not-node' {
  const { program, rest, walker } = wrapped;
  const unseen = rest.indexOf(UNKNOWN_ARGUMENT);
  const texts = rest.map((word) => (word === UNKNOWN_ARGUMENT ? undefined : plainWord(word, walker)));
  const invocation = readShellInvocation(texts);
  if (unseen >= 0 && unseen <= invocation.operand) {
    walker.report.unanalyzed(wrapped.command.node, excerpt(program), 'a shell whose words the syntax cannot see (`-c` and a command line among them may start Node on any file)');
    return 'not-node';
  }
  if (invocation.printsOnly) return 'not-node';
  if (invocation.readsStartUpFile) walker.report.unanalyzed(wrapped.command.node, excerpt(program), 'an interactive shell sources a start-up file (`$ENV`, `~/.bashrc`) the syntax does not read: it may start Node on any file');
  if (invocation.commandString) return shellLine(wrapped, rest[invocation.operand], invocation.allexport, aliasModeOf(program, texts.slice(0, invocation.operand)));
  // `echo 'node x' | sh`, `sh -s`: a shell with no script reads its command lines from its input.
  if (invocation.readsInput) walker.report.unanalyzed(wrapped.command.node, excerpt(program), 'a shell that reads its command lines from its input: they may start Node on any file');
  else walker.report.unanalyzed(wrapped.command.node, excerpt(`${program} ${texts[invocation.operand] ?? '…'}`), 'a shell script file the syntax does not read: its commands may start Node on any file');
  return 'not-node';
}

/** `sh -c line`: the line is a command line of its own. */
function shellLine(wrapped: WrappedCommand, line: NodeArgument | typeof UNKNOWN_ARGUMENT | undefined, allexport: boolean, aliases: AliasMode | undefined): 'not-node' {
  if (line === undefined) return 'not-node';
  if (line === UNKNOWN_ARGUMENT) {
    wrapped.walker.report.unanalyzed(wrapped.command.node, excerpt(`${wrapped.program} -c`), 'a shell command line the syntax cannot see: it may start Node on any file');
    return 'not-node';
  }
  wrapped.readShellLine?.(line, { nodeOptions: [], allexport, dialect: shellDialectOf(wrapped.program), ...(aliases === undefined ? {} : { aliases }) });
  return 'not-node';
}

/**
 * `npm run job`, `npm test`, `yarn job`, `npm install` (lifecycle scripts): the command lines of
 * package.json scripts run, and the syntax does not read package.json, so the files they start are
 * unseen: UNANALYZED (docs/caveats.md). `npm view`, `npm --version` and the like run no script.
 */
function packageManagerCommand({ program, command, rest, walker, programOf }: WrappedCommand): 'not-node' {
  const subcommand = rest.find((word) => word === UNKNOWN_ARGUMENT || !(programOf(word) ?? '').startsWith('--') || INERT_PACKAGE_COMMANDS.has(programOf(word) ?? ''));
  const name = subcommand === undefined || subcommand === UNKNOWN_ARGUMENT ? undefined : plainWord(subcommand, walker);
  if (name !== undefined && INERT_PACKAGE_COMMANDS.has(name)) return 'not-node';
  walker.report.unanalyzed(command.node, excerpt(`${program} ${name ?? '…'}`), 'a package manager command runs package.json scripts (or install hooks): the files their command lines start are not followed');
  return 'not-node';
}

function plainWord(word: NodeArgument, walker: Walker): string | undefined {
  const value = evaluateParts(word.parts, pathContext(walker));
  return value !== undefined && !value.anchored && value.form === 'path' ? value.text : undefined;
}
