import path from 'node:path';
import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { commandWords, followNodeArguments, resolutionAssignmentIn, resolutionVariableWhy, UNKNOWN_ARGUMENT, type ArgumentList, type NodeArgument } from './child-entries-args.js';
import { constInitializer } from './entry-path-consts.js';
import { evaluateParts, type PathPart, type PathValue } from './entry-path.js';
import { isProcessMember } from './module-loads.js';
import { constantKey } from './constants.js';
import { excerpt, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';
import { followSpawnedExecutable, pathContext } from './entry-path-follow.js';
import { isReadCommand, isWrapper, peelWrapper, unwrapCommand, type InheritedShellState, type ShellLineReader } from './entry-command-wrappers.js';
import { parseShellLine, type ShellCommand, type ShellWord } from './shell-line.js';
import { discardsOutput, printsProgramPath, resetAtOnce, SCRIPT_INTERPRETERS, STARTER_PROGRAMS, trapCommandOf, writtenText } from './shell-commands.js';
import { judgeInterpreter } from './shell-interpreters.js';
import { ShellNodeOptions } from './shell-exports.js';
import { noteKeptDescriptors, sourcedScript } from './shell-sourced.js';
import { fileCommandWhy } from './file-command-programs.js';
import type { ShellDialect, ShellInputText } from './shell-line.js';

/** Text the shell expands before running (`$VAR`, `$(…)`, backquotes): the words are not known. */
const EXPANSIONS = /[$`]/;

/** Programs that run a file of the program as Node code, with Node's command line (`tsx [node options] file`). */
const NODE_RUNNERS = /^(node|nodejs|tsx|ts-node|ts-node-esm|ts-node-script)(\.exe|\.cmd)?$/i;
/** Programs that run a package's binary: `npx tsx file` is a Node runner too. */
const PACKAGE_LAUNCHERS = /^(npx|pnpx)(\.cmd)?$/i;

/** Members of `process` that name the running Node (`release.name` is `node`): a program computed from any of them is Node. */
const NODE_NAMING_MEMBERS = ['execPath', 'argv0', 'title', 'release'];

/**
 * `process.execPath`, `process.argv0`, `process.argv[0]`, `process.title` (`node` unless changed),
 * `process.release.name`, and any program computed from them
 * (`path.join(path.dirname(process.execPath), 'node')`): the running Node itself, or one beside it.
 */
function isNodeExecutable(command: ts.Expression, scope: Walker['scope']): boolean {
  const inner = skipOuter(command);
  if (NODE_NAMING_MEMBERS.some((member) => isProcessMember(inner, member, scope, GLOBAL_OBJECT_NAMES))) return true;
  if (ts.isElementAccessExpression(inner) && constantKey(inner, scope) === '0' && isProcessMember(inner.expression, 'argv', scope, GLOBAL_OBJECT_NAMES)) return true;
  return ts.forEachChild(inner, (child) => (ts.isExpression(child) && isNodeExecutable(child, scope)) || undefined) ?? false;
}

/** The program a command word names (its file name), or `node` for the running executable; undefined when computed. */
export function programOf(word: NodeArgument, walker: Walker): string | undefined {
  let [only] = word.parts;
  // `const NODE = process.execPath; spawn(NODE, …)`.
  for (let depth = 0; word.parts.length === 1 && only !== undefined && typeof only !== 'string' && ts.isIdentifier(skipOuter(only)) && depth < 4; depth++) {
    only = constInitializer(skipOuter(only) as ts.Identifier, walker.ancestors) ?? only;
  }
  if (word.parts.length === 1 && only !== undefined && typeof only !== 'string' && isNodeExecutable(only, walker.scope)) return 'node';
  if (namesRunningExecutable(word.parts)) return 'node';
  const value = evaluateParts(word.parts, pathContext(walker));
  return value !== undefined && !value.anchored && value.form === 'path' ? path.posix.basename(value.text.replaceAll('\\', '/')) : undefined;
}

/** On Linux `/proc/self/exe` (`/proc/thread-self/exe`, `/proc/<pid>/exe`) is the running executable: Node. A computed middle (`/proc/${process.pid}/exe`) counts too. */
const PROC_EXE = /^\/proc\/(self|thread-self|\d+)\/exe$/;

function namesRunningExecutable(parts: readonly PathPart[]): boolean {
  const first = parts[0];
  const last = parts.at(-1);
  if (parts.length === 1) return typeof first === 'string' && PROC_EXE.test(first);
  return parts.length === 3 && first === '/proc/' && last === '/exe';
}


/**
 * The Node arguments of a command (`words[0]` the program): after `node`/`tsx`/`ts-node`, or
 * `npx [flags] tsx`, or behind a program that runs the rest of its words (`env [VAR=…] node`,
 * `exec node`, `nohup node`: command-wrappers.ts). `sh -c line` hands the line to `readShellLine`.
 * Undefined: the program is not a Node runner (or is computed).
 */
export function nodeArgumentsAfter(words: ArgumentList, walker: Walker, readShellLine?: ShellLineReader): ArgumentList | undefined {
  const [command] = words;
  const program = command === undefined || command === UNKNOWN_ARGUMENT ? undefined : programOf(command, walker);
  if (program === undefined || command === undefined || command === UNKNOWN_ARGUMENT) return undefined;
  if (NODE_RUNNERS.test(program)) return words.slice(1);
  const wrapped = unwrapCommand({ program, command, rest: words.slice(1), walker, readShellLine, programOf: (word) => programOf(word, walker) });
  if (wrapped === 'not-node') return undefined;
  if (wrapped !== undefined) {
    // `env NODE_OPTIONS=… sh -c 'node x'`: the shell's Node inherits them.
    const passOptions: ShellLineReader | undefined =
      readShellLine === undefined || wrapped.nodeOptions.length === 0 ? readShellLine : (line, inherited) => readShellLine(line, { ...inherited, nodeOptions: [wrapped.nodeOptions, ...(inherited?.nodeOptions ?? [])], allexport: inherited?.allexport ?? false, dialect: inherited?.dialect });
    const rest = nodeArgumentsAfter(wrapped.words, walker, passOptions);
    return rest === undefined ? undefined : [...wrapped.nodeOptions, ...rest];
  }
  if (!PACKAGE_LAUNCHERS.test(program)) return undefined;
  let index = 1;
  for (let word = words[index]; word !== undefined && word !== UNKNOWN_ARGUMENT; word = words[index]) {
    // `npx -c 'node x'`, `npx --call='node x'`: the text is a shell command line.
    const [head] = word.parts;
    const flag = typeof head === 'string' ? head.trim() : '';
    if (flag === '-c' || flag === '--call' || flag.startsWith('--call=')) return readCallLine(words, index, word, walker, readShellLine);
    if (!(programOf(word, walker) ?? '').startsWith('-')) break;
    index++;
  }
  const runner = words[index];
  if (runner === undefined || runner === UNKNOWN_ARGUMENT) return undefined;
  const name = programOf(runner, walker);
  // `npx tsx file`, `npx cross-env A=1 node file`: the package's binary is the real program.
  if (name !== undefined && NODE_RUNNERS.test(name)) return words.slice(index + 1);
  return name !== undefined && isWrapper(name) ? nodeArgumentsAfter(words.slice(index), walker, readShellLine) : undefined;
}

/** `npx -c line`: the line is read as a shell command line; one the syntax cannot see fails closed. */
function readCallLine(words: ArgumentList, index: number, word: NodeArgument, walker: Walker, readShellLine: ShellLineReader | undefined): undefined {
  const [first, ...tail] = word.parts;
  const inline = typeof first === 'string' && first.startsWith('--call=') ? { node: word.node, parts: [first.slice('--call='.length), ...tail] } : undefined;
  const line = inline ?? words[index + 1];
  if (line === undefined || line === UNKNOWN_ARGUMENT) walker.report.unanalyzed(word.node, excerpt('npx -c'), 'a command line for npx the syntax cannot see: it may start Node on any file');
  else readShellLine?.(line);
  return undefined;
}


/** Programs that run commands written among their words in forms of their own (`find -exec`, `parallel`, `watch`): judged by their words. */
const COMMAND_RUNNERS = /^(find|parallel|watch|flock|su|runuser|script|busybox|strace|ltrace|valgrind|chroot|unshare|nsenter|firejail|systemd-run|xvfb-run)$/;


/**
 * Programs that run none of their words: `: node x` only expands them, `echo node --require x` and
 * `printf 'node %s' x` print them (a substitution among them is a command of its own: shell-line.ts;
 * a shell that reads the printed text from a pipe is judged as a shell with no script); `type node`
 * and `hash node` only look the name up, `unset -f node` removes a function (`which node` prints a path a line may run under another name).
 */
const WORDLESS_PROGRAMS = new Set([':', 'true', 'false', 'echo', 'printf', 'type', 'hash', 'unset']);

/** The real program of a command and its words: the wrappers in front of it peeled (`env A=1 nohup xargs node` → `node` and the input's words). */
function realCommand(words: ArgumentList, walker: Walker): { words: ArgumentList; wrapped: boolean } {
  let current = words;
  let wrapped = false;
  for (let depth = 0; depth < 16; depth++) {
    const [command, ...rest] = current;
    const program = command === undefined || command === UNKNOWN_ARGUMENT ? undefined : programOf(command, walker);
    const inner = program === undefined ? undefined : peelWrapper(program, rest, walker);
    if (inner === undefined) break;
    current = inner.words;
    wrapped = true;
  }
  return { words: current, wrapped };
}

/**
 * A command that the reader placed as no Node runner, judged by its real program (wrappers
 * peeled): fine when it is a known program whose words start nothing (`git status`, `echo x`:
 * the EXEC grant's business), but UNANALYZED where the program is named at run time (`N=node;
 * $N x`, `` `which node` x ``), or where a Node runner or a shell is one of its words (`xargs -I{}
 * node {}`, `find . -exec node {} ;`, `eval "node x"`, `parallel node ::: x`): a program that
 * runs another program with words the reader cannot place may start Node on any file. `argv`: the
 * words of an argument list (`spawn(program, args)`), each one word, where only a wrapper or a
 * command runner is judged (`git commit -m node` runs nothing).
 */
function judgeUnplacedCommand(walker: Walker, at: ts.Node, words: ArgumentList, label: string, argv = false, cwd?: PathValue, assigned: ReadonlySet<string> = new Set()): void {
  const real = realCommand(words, walker);
  const [command, ...rest] = real.words;
  // `env -S "\${CMD}"`, `env ${args}` with words not seen: the wrapper runs a program named at run time, as `$CMD x` in a shell.
  if (command === UNKNOWN_ARGUMENT && real.wrapped) {
    walker.report.unanalyzed(at, excerpt(label), 'a wrapper whose command the syntax cannot see: it may start Node on any file');
    return;
  }
  if (command === undefined || command === UNKNOWN_ARGUMENT) return;
  const program = programOf(command, walker);
  // A program named by its path may be a `#!/usr/bin/env node` script: the guard reads its first line.
  // A shell looks a word without `/` up on PATH, a backslash in it being a letter (`"n\ode"`): no path.
  const lookedUp = !argv && command.parts.every((part) => typeof part === 'string' && !part.includes('/'));
  if (!lookedUp && (program === undefined || !EXPANSIONS.test(program))) followSpawnedExecutable(walker, at, command.parts, label, cwd);
  // A shell or a package manager was read word by word already (`bash -c "exec node f"`).
  if (program !== undefined && isReadCommand(program)) return;
  // `make`, git's aliases, `just`: command lines read from a file the syntax does not read (file-command-programs.ts).
  const fromFile = program === undefined ? undefined : fileCommandWhy(program, rest.map(wordText), assigned);
  if (fromFile !== undefined) {
    walker.report.unanalyzed(at, excerpt(label), fromFile);
    return;
  }
  // awk, perl, python, sed: their script is read for the programs it starts (shell-interpreters.ts).
  const interpreted = judgeInterpreter(program ?? '', rest);
  if (interpreted !== undefined) {
    if (interpreted.kind === 'may-start') walker.report.unanalyzed(at, excerpt(label), interpreted.why);
    return;
  }
  if (argv && !real.wrapped && !COMMAND_RUNNERS.test(program ?? '')) return;
  if (program !== undefined && EXPANSIONS.test(program)) {
    walker.report.unanalyzed(at, excerpt(label), `a command the shell names at run time (\`${program}\`): it may start Node on any file`);
    return;
  }
  // The text written in each word (`eval "node ${file}"` holds `node`), computed pieces aside.
  // A script of another interpreter (`awk 'BEGIN { system("node x") }'`, `perl -e 'system "node x"'`) runs commands from inside its own strings.
  const script = SCRIPT_INTERPRETERS.test(program ?? '');
  const tokens = (word: NodeArgument): string[] => {
    const text = word.parts.filter((part) => typeof part === 'string').join(' ');
    if (script) return text.split(/[^A-Za-z0-9_./+-]+/);
    return argv ? [text] : text.split(/\s+/);
  };
  const runner = rest.flatMap((word) => (word === UNKNOWN_ARGUMENT ? [] : tokens(word))).find((token) => STARTER_PROGRAMS.test(path.posix.basename(token.replaceAll('\\', '/'))));
  if (runner === undefined || WORDLESS_PROGRAMS.has(program ?? '')) return;
  walker.report.unanalyzed(at, excerpt(label), `\`${program ?? '…'}\` runs \`${runner}\` with words the syntax cannot place: it may start Node on any file`);
}

/** A word's text when the syntax reads all of it. */
function wordText(word: NodeArgument | typeof UNKNOWN_ARGUMENT): string | undefined {
  return word === UNKNOWN_ARGUMENT || !word.parts.every((part) => typeof part === 'string') ? undefined : word.parts.join('');
}

/** The variables a line assigns anywhere (a prefix, an `export` or `env` operand, `${X:=…}`, a loop head): what the programs it starts may read. */
function assignedNames(commands: readonly ShellCommand[]): Set<string> {
  const names = new Set<string>();
  for (const command of commands) {
    for (const word of command.words) {
      const [first] = word.parts;
      const match = typeof first === 'string' ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first) : null;
      if (match !== null) names.add(match[1] as string);
    }
    for (const assignment of command.assigns ?? []) names.add(assignment.name);
  }
  return names;
}

/** `spawn(program, args)` that starts no Node the reader can place: its real program judged by its words (judgeUnplacedCommand). */
export function judgeUnplacedArguments(walker: Walker, at: ts.Node, words: ArgumentList, label: string, cwd?: PathValue): void {
  judgeUnplacedCommand(walker, at, words, label, true, cwd);
}

/**
 * A command line a shell runs (`exec('node ./x.js')`, `spawn(cmd, { shell: true })`): each
 * command of it that starts Node is read as Node's command line (child-entries-args.ts), with a
 * `NODE_OPTIONS=…` prefix read as Node options. Other programs are the EXEC grant's business.
 * A Node command whose words the shell expands (`$FILE`, `$(…)`) fails closed. True when a
 * command of the line starts Node (its options then matter: child-entries.ts).
 */
export function followCommandLine(walker: Walker, at: ts.Node, parts: readonly PathPart[], label: string, extra: readonly NodeArgument[] = [], cwd?: PathValue, inherited?: InheritedShellState): boolean {
  // `spawn(cmd, args, { shell: true })` runs `${cmd} ${args.join(' ')}`: the arguments are shell text too.
  const dialect = inherited?.dialect ?? 'dash';
  const line = parseShellLine([...parts, ...extra.flatMap((word) => [' ', ...word.parts])], dialect);
  if (line.kind === 'unparsable') {
    walker.report.unanalyzed(at, excerpt(label), `a shell command line the syntax cannot read (${line.why}): it may start Node on any file`);
    return true;
  }
  // Set for the rest of the line: `export NODE_OPTIONS=…` (shell-exports.ts); `. file` / `source file` may set anything.
  const nodeOptions = new ShellNodeOptions(at, inherited, (why) => walker.report.unanalyzed(at, excerpt(label), why));
  let sourced = false;
  // After `cd`, a relative entry is read from a folder the syntax does not follow: as from an unknown working directory.
  let directory = cwd;
  // Functions the line defines (shell-line.ts `defines`): `shadowing` those defined unconditionally, in order, before a call, each with the subshells it is defined in.
  const shadowing = new Map<string, readonly number[]>();
  const shadows = (name: string, command: ShellCommand): boolean => {
    const scope = shadowing.get(name);
    return scope !== undefined && scope.every((subshell, index) => command.subshells[index] === subshell);
  };
  // Each function the line defines, and whether a command of its body starts Node.
  const launches = new Map<string, boolean>();
  const startingNode = new Set<number>();
  // Descriptors an `exec 3<<'EOF'` of the line's own shell keeps open for the commands after it (shell-sourced.ts).
  const kept = new Map<number, ShellInputText | 'other'>();
  const commands = line.commands;
  const assigned = assignedNames(commands);
  // A line of the same shell (a trap's action, a sourced text, `eval`): what it inherits from here.
  const sameShell = (environment: readonly NodeArgument[]): InheritedShellState => ({ ...nodeOptions.inheritedBy(environment, undefined), dialect, ...(inherited?.aliases === undefined ? {} : { aliases: inherited.aliases }) });
  /**
   * Whether an alias the command at `index` defines may name a later command (choice 90): bash that is
   * not interactive only once the line turns `expand_aliases` or POSIX mode on; dash for a command on a
   * later line, or one parsed when it runs (`eval`, a trap's action, a sourced file).
   */
  const aliasMayExpand = (index: number): boolean => {
    const later = commands.slice(index + 1);
    const mentions = (pattern: RegExp): boolean => commands.some((other) => other.words.some((word) => pattern.test(word.parts.filter((part) => typeof part === 'string').join(''))));
    if (inherited?.aliases === 'never') return mentions(/expand_aliases|posix|POSIXLY_CORRECT/) || assigned.has('POSIXLY_CORRECT') || assigned.has('BASH_ENV');
    if (inherited?.aliases !== 'next-line') return true;
    const at = commands[index]?.line;
    return at === undefined || later.some((other) => other.line === undefined || other.line > at || other.words.some((word) => ['eval', 'trap', '.', 'source', 'fc', 'command', 'builtin'].includes(writtenText(word) ?? 'eval')));
  };
  for (const [index, command] of commands.entries()) {
    if (command.defines !== undefined) {
      const first = index - (command.body ?? index);
      launches.set(command.defines, launches.get(command.defines) === true || [...startingNode].some((position) => position >= first && position < index));
      if (command.sequential) shadowing.set(command.defines, command.subshells);
      continue;
    }
    if (judgeCommand(index, command)) startingNode.add(index);
  }
  // `NODE_PATH=./lib node x`, `export NODE_PATH=…`, `env NODE_PRESERVE_SYMLINKS=1 node x`: anywhere on a line that starts Node (choice 87).
  const resolution = startingNode.size === 0 ? undefined : resolutionAssignmentIn(commands.flatMap((command) => command.words.map((word) => ({ node: at, parts: word.parts }))));
  if (resolution !== undefined) walker.report.unanalyzed(at, excerpt(label), resolutionVariableWhy(resolution));
  return startingNode.size > 0;

  /** One command of the line: true when it starts Node (or may). */
  function judgeCommand(index: number, command: ShellCommand): boolean {
    let startsNode = false;
    const words = command.words.map((word) => ({ node: at, parts: word.parts }));
    let start = 0;
    const environment: NodeArgument[] = [];
    // Only an unquoted `NAME=` is an assignment: `"NODE_OPTIONS=…" node` runs a program of that name.
    while (start < words.length && command.words[start]?.assignment === true) {
      const word = words[start];
      if (word !== undefined && String(word.parts[0]).startsWith('NODE_OPTIONS=')) environment.push(word);
      start++;
    }
    nodeOptions.note(words, start, environment, command);
    const first = words[start]?.parts[0];
    const name = writtenText(command.words[start]);
    if (name === 'unset' && unsetsFunctions(command.words.slice(start + 1), dialect)) for (const operand of command.words.slice(start + 1)) shadowing.delete(writtenText(operand) ?? '');
    // `node() { …; }; node x`: the line's own function runs, its body judged where it is written (with the options set before it):
    // a call given `NODE_OPTIONS` (a prefix, or exported since) hands them to a Node its body starts.
    if (name !== undefined && launches.has(name)) {
      if (launches.get(name) === true && nodeOptions.optionsFor(environment).length > 0) walker.report.unanalyzed(at, excerpt(label), `a function of the line (\`${name}\`) whose body starts Node, called with \`NODE_OPTIONS\`: the body's Node gets them`);
      if (shadows(name, command)) return startsNode;
    }
    // `trap 'node x' EXIT`: the action is a command line of its own, judged as if it runs, unless reset at once.
    if (name === 'trap') {
      const trap = trapCommandOf(command.words.slice(start));
      if (trap.kind !== 'set' || resetAtOnce(command, commands[index + 1], commands[index + 2])) return startsNode;
      if (trap.action.expanded) walker.report.unanalyzed(at, excerpt(label), 'a `trap` action the shell expands first: it may start Node on any file');
      else startsNode = followCommandLine(walker, at, trap.action.parts, label, [], directory, sameShell(environment)) || startsNode;
      return startsNode;
    }
    // `command -v node >/dev/null`: a path printed nowhere runs nothing; one the line or the program reads may be run under another name.
    if (printsProgramPath(command.words.slice(start)) && discardsOutput(command)) return startsNode;
    // `"n\ode"`, `'no\⏎de'`: a backslash left after quote removal is a letter of the file's name (on Linux), so the name is none of Node's.
    if (name !== undefined && name.slice(name.lastIndexOf('/') + 1).includes('\\')) {
      judgeUnplacedCommand(walker, at, words.slice(start), label, false, directory);
      return startsNode;
    }
    noteKeptDescriptors(command, start, kept);
    // `. /dev/stdin <<'EOF'`, `exec 3<<'EOF' … . /dev/fd/3`: a text the line feeds is a line of this shell; any other script is not read.
    if ((first === '.' || first === 'source') && words[start]?.parts.length === 1) {
      const script = sourcedScript(command, start, kept);
      if (script.kind === 'nothing') return startsNode;
      sourced = true;
      if (script.kind === 'unseen') walker.report.unanalyzed(at, excerpt(label), script.why);
      else startsNode = followCommandLine(walker, at, script.input.parts, label, [], directory, sameShell(environment)) || startsNode;
      return startsNode;
    }
    // `alias n=node` (dash expands aliases in scripts): a later word may name Node without spelling it.
    if (first === 'alias' && words.length > start + 1 && aliasMayExpand(index)) {
      walker.report.unanalyzed(at, excerpt(label), 'an alias defined on a shell line: a later command may start Node under another name');
      return startsNode;
    }
    if (first === 'eval' && words[start]?.parts.length === 1) {
      startsNode = followEvalWords(walker, at, command.words.slice(start + 1), label, directory, sameShell(environment)) || startsNode;
      return startsNode;
    }
    // `$(which node) f`, `/usr/bin/nod? f`, `{node,f}` (bash): the shell decides the program.
    if (command.words[start]?.expanded === true) {
      walker.report.unanalyzed(at, excerpt(label), 'a command the shell names at run time: it may start Node on any file');
      return startsNode;
    }
    const nodeArguments = nodeArgumentsAfter(words.slice(start), walker, (shellLine, inner) => {
      startsNode = followCommandLine(walker, at, shellLine.parts, label, [], directory, nodeOptions.inheritedBy(environment, inner)) || startsNode;
    });
    if (nodeArguments === undefined) {
      judgeUnplacedCommand(walker, at, words.slice(start), label, false, directory, assigned);
      if (first === 'cd' || first === 'pushd' || first === 'popd') directory = undefined;
      return startsNode;
    }
    startsNode = true;
    if (command.words.some((word) => word.expanded)) {
      walker.report.unanalyzed(at, excerpt(label), 'a Node command line the shell expands before it runs: the entry file is not known');
      return startsNode;
    }
    if (sourced) walker.report.unanalyzed(at, excerpt(label), 'a Node command after the shell sources a file the syntax does not read: a `NODE_OPTIONS` set there may preload any file');
    for (const options of nodeOptions.optionsFor(environment, words.slice(start))) followNodeArguments(walker, at, `${label} NODE_OPTIONS`, options, false, directory);
    followNodeArguments(walker, at, label, nodeArguments, true, directory);
    return startsNode;
  }
}

/**
 * `unset -f NAME` removes a function; `unset -v NAME` a variable only. With neither, dash removes the
 * variable only and bash the function when no variable has the name: counted as removed for bash (fail
 * closed). An option the syntax cannot read counts as `-f`.
 */
function unsetsFunctions(operands: readonly ShellWord[], dialect: ShellDialect): boolean {
  let functions: boolean | undefined;
  for (const operand of operands) {
    const text = writtenText(operand);
    if (text === undefined) return true;
    if (text === '--' || !text.startsWith('-')) break;
    if (text.includes('f')) functions = true;
    else if (text.includes('v')) functions ??= false;
    else return true;
  }
  return functions ?? dialect === 'bash';
}

/** `eval word…`: the words joined by spaces are read again as a command line; words the shell expands first may say anything. */
function followEvalWords(walker: Walker, at: ts.Node, words: readonly ShellWord[], label: string, cwd: PathValue | undefined, inherited: InheritedShellState): boolean {
  if (words.some((word) => word.expanded)) {
    walker.report.unanalyzed(at, excerpt(label), '`eval` of text the shell expands first: it may start Node on any file');
    return true;
  }
  return followCommandLine(walker, at, words.flatMap((word, index) => (index === 0 ? word.parts : [' ', ...word.parts])), label, [], cwd, inherited);
}
