import { commandWords, UNKNOWN_ARGUMENT, type ArgumentList, type NodeArgument } from './child-entries-args.js';
import { evaluateParts } from './entry-path.js';
import { pathContext } from './entry-path-follow.js';
import { excerpt } from './syntax.js';
import type { Walker } from './walker.js';

/** Programs that run the rest of their words as a command: `exec node x`, `nohup node x`, `env node x`. */
const PLAIN_WRAPPERS = new Set(['exec', 'command', 'nohup', 'time', 'setsid', 'nice', 'timeout', 'env']);
/** Their options that take the next word as a value (`env -u NAME`, `nice -n 5`, `exec -a name`, `timeout -s KILL`). */
const WRAPPER_OPTIONS_WITH_VALUE = new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string', '-n', '--adjustment', '-a', '-s', '--signal', '-k', '--kill-after']);
/** Shells that run `-c line` as a command line. */
const SHELLS = /^(sh|bash|dash|zsh|ksh|ash|mksh)(\.exe)?$/i;
/** Package managers: most of their commands run package.json scripts (`npm run job`, `npm test`, install hooks). */
const PACKAGE_MANAGERS = /^(npm|pnpm|yarn|bun)(\.cmd|\.exe)?$/i;
/** Their commands that run no script of the package. */
const INERT_PACKAGE_COMMANDS = new Set(['-v', '--version', 'view', 'info', 'show', 'ls', 'list', 'config', 'whoami', 'help', '-h', '--help', 'outdated', 'search', 'ping', 'root', 'prefix', 'bin', 'cache', 'audit', 'doctor', 'why']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** A program whose words `unwrapCommand` reads itself (a wrapper, a shell, a package manager). */
export function isReadWrapper(program: string): boolean {
  return PACKAGE_MANAGERS.test(program) || SHELLS.test(program) || PLAIN_WRAPPERS.has(program);
}

export interface WrappedCommand {
  readonly program: string;
  readonly command: NodeArgument;
  readonly rest: ArgumentList;
  readonly walker: Walker;
  readonly readShellLine: ((line: NodeArgument) => void) | undefined;
  readonly programOf: (word: NodeArgument) => string | undefined;
}

/** The wrapped command (and the Node options an `env NODE_OPTIONS=…` gives it); `not-node` when the wrapper starts no Node here; undefined when `program` is no wrapper. */
export function unwrapCommand(wrapped: WrappedCommand): { words: ArgumentList; nodeOptions: NodeArgument[] } | 'not-node' | undefined {
  const { program, rest, walker } = wrapped;
  if (PACKAGE_MANAGERS.test(program)) return packageManagerCommand(wrapped);
  const isShell = SHELLS.test(program);
  if (!isShell && !PLAIN_WRAPPERS.has(program)) return undefined;
  const nodeOptions: NodeArgument[] = [];
  let index = 0;
  for (; index < rest.length; index++) {
    const word = rest[index];
    if (word === undefined || word === UNKNOWN_ARGUMENT) return 'not-node';
    const [first, ...tail] = word.parts;
    const text = plainWord(word, walker);
    if (program === 'env' && typeof first === 'string' && ASSIGNMENT.test(first)) {
      // `env NODE_OPTIONS='--require x' node y`: the options of the Node it starts.
      if (first.startsWith('NODE_OPTIONS=')) nodeOptions.push(...commandWords([first.slice('NODE_OPTIONS='.length), ...tail], word.node));
      continue;
    }
    if (text === undefined || !text.startsWith('-') || text === '-' || text === '--') break;
    if (isShell && /^-[a-z]*c[a-z]*$/.test(text)) return shellLine(wrapped, rest[index + 1]);
    if (WRAPPER_OPTIONS_WITH_VALUE.has(text)) index++;
  }
  if (isShell) {
    // `echo 'node x' | sh`, `sh -s`: a shell with no script reads its command lines from its input.
    if (rest[index] === undefined) wrapped.walker.report.unanalyzed(wrapped.command.node, excerpt(program), 'a shell that reads its command lines from its input: they may start Node on any file');
    return 'not-node';
  }
  if (rest[index] !== undefined && rest[index] !== UNKNOWN_ARGUMENT && plainWord(rest[index] as NodeArgument, walker) === '--') index++;
  // `timeout 10 node x`: the duration comes first.
  if (program === 'timeout') index++;
  return { words: rest.slice(index), nodeOptions };
}

/** `sh -c line`: the line is a command line of its own. */
function shellLine(wrapped: WrappedCommand, line: NodeArgument | typeof UNKNOWN_ARGUMENT | undefined): 'not-node' {
  if (line === undefined) return 'not-node';
  if (line === UNKNOWN_ARGUMENT) {
    wrapped.walker.report.unanalyzed(wrapped.command.node, excerpt(`${wrapped.program} -c`), 'a shell command line the syntax cannot see: it may start Node on any file');
    return 'not-node';
  }
  wrapped.readShellLine?.(line);
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
