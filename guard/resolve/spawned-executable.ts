import { basename, dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { BOOLEAN_OPTIONS, RESOLUTION_OPTIONS } from '../../analysis/syntax/child-entries-options.js';
import { peelPlainWrapper } from '../../analysis/syntax/entry-command-wrappers.js';
import { runsScriptCommands } from '../../analysis/syntax/shell-commands.js';
import { longSplitString, splitEnvString } from '../../analysis/syntax/env-split-string.js';
import type { FileProbe } from './file-probe.js';
import type { Resolution } from './types.js';

/**
 * What a program file's first line makes of it when it is started by its path: `unknown` when the
 * guard cannot tell from the line alone (an interpreter named by a relative path, resolved from the
 * child's working directory; a chain too deep), which fails closed; `script` when a shell or a script
 * interpreter runs the file's commands (`#!/bin/sh`, `#!/usr/bin/env python3`, a text file with no `#!`
 * line, which Linux's execvp hands to `/bin/sh`): commands the guard does not read, failed closed as
 * `sh FILE` is (choice 90).
 */
export type Interpreter = 'node' | 'node-unplaced' | 'other' | 'script' | 'unknown';

/** Interpreters that run the file as Node code, by file name (`/usr/bin/node`, `/opt/node/bin/nodejs`, `env node`, `env tsx`). */
const NODE_PROGRAMS = /^(node|nodejs|tsx|ts-node|ts-node-esm|ts-node-script)$/;
/** The running process's own executable (`#!/proc/self/exe`): the process that starts the file is Node, and so is another Node's. */
const OWN_EXECUTABLE = /^\/proc\/(self|thread-self|\d+)\/exe$/;
/** Node binaries by the name a link leads to. */
const NODE_BINARIES = /^(node|nodejs)$/;
/** Wrappers peeled off one `#!` line (`env -S nice env node`): more is read as unknown. */
const MOST_WRAPPERS = 8;
/** Interpreters that are scripts themselves, followed (Linux nests up to 4 levels of `#!`); deeper fails closed. */
const MOST_INTERPRETER_SCRIPTS = 4;
/** `env` options followed by a value (`env -u NAME node`). */
const ENV_OPTIONS_WITH_VALUE = new Set(['-u', '--unset', '-C', '--chdir']);
/** A syntax check: Node parses the file and runs none of it (its preloads still run: other options are judged as usual). */
const CHECK_OPTIONS = new Set(['-c', '--check']);
/** Node options that load no code, open nothing and resolve as the project does (choice 87): anything else in a `#!` line is a setting the guard does not follow. */
const INERT_NODE_OPTIONS = new Set([...BOOLEAN_OPTIONS].filter((option) => !/^--(inspect|allow-|expose-internals|experimental-network-imports|watch)/.test(option) && !CHECK_OPTIONS.has(option) && !RESOLUTION_OPTIONS.has(option)));
/** `env` options that take no value and may share a cluster with `-S` (`-vS node`, `-iS node`). */
const ENV_FLAGS = new Set(['i', '0', 'v']);

/** The interpreter's words after `env`'s own options: `env -S node --flag`, `env -i node`, `env -Snode`. */
function afterEnv(words: readonly string[]): { words: readonly string[]; assigns: boolean } {
  const rest = [...words];
  let assigns = false;
  while (rest.length > 0) {
    const word = rest[0] as string;
    if (word.startsWith('-S') && word.length > 2) rest[0] = word.slice(2);
    else if (ENV_OPTIONS_WITH_VALUE.has(word)) rest.splice(0, 2);
    else if (word.startsWith('-')) rest.shift();
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
      // `env NODE_OPTIONS=--require=x node`: an environment the child starts with.
      assigns = true;
      rest.shift();
    } else break;
  }
  return { words: rest, assigns };
}

/** The interpreter a `#!` line names and the words after it, or the kind the line already decides. */
type InterpreterLine = { readonly kind: Interpreter } | { readonly kind: 'program'; readonly path: string; readonly options: readonly string[]; readonly assigns: boolean };

/**
 * The words of a `#!` line. Linux passes the interpreter one argument, the rest of the line; GNU
 * `env` splits it only when it starts with `-S`, `--split-string=` or a flag cluster ending in `S`
 * (`-vS`), by its own quoting rules (env-split-string.ts). Other lines are split at blanks: an
 * `env` that takes `node --flag` as one program name fails on Linux and splits on other systems.
 * Undefined when the words depend on the environment (`${NAME}`); `fails` when env refuses the line.
 */
function interpreterWords(line: string): readonly string[] | 'fails' | undefined {
  const blank = /[ \t]/.exec(line);
  const interpreter = blank === null ? line : line.slice(0, blank.index);
  const argument = blank === null ? '' : line.slice(blank.index).trim();
  const splitText = basename(interpreter) === 'env' ? envSplitText(argument) : undefined;
  if (splitText === undefined) return line.split(/[ \t\r]+/).filter((word) => word !== '');
  const split = splitEnvString(splitText.text);
  if (split.kind === 'unknown') return undefined;
  if (split.kind === 'fails') return 'fails';
  return [interpreter, ...splitText.flags, ...split.words];
}

/** `-S TEXT`, `-vS TEXT`, `--split-string=TEXT` as one argument: the flags before `S` and the text; undefined for anything else. */
function envSplitText(argument: string): { flags: string[]; text: string } | undefined {
  const long = longSplitString(argument);
  if (long !== undefined) return { flags: [], text: long };
  const cluster = /^-([^-\s]*?)S/.exec(argument);
  if (cluster === null || ![...(cluster[1] as string)].every((flag) => ENV_FLAGS.has(flag))) return undefined;
  return { flags: [...(cluster[1] as string)].map((flag) => `-${flag}`), text: argument.slice(cluster[0].length) };
}

/**
 * The kernel runs a file that starts with `#!` through the interpreter that line names (the
 * first line, up to 256 bytes); a file without one is a binary, or (ENOEXEC) run by a shell:
 * never Node. Wrappers that run their words as a program (`env -S nice node`, `nohup node`,
 * `setsid node`: the command-line rules' table, entry-command-wrappers.ts) are peeled off. A Node
 * interpreter (`node` by name, `/proc/self/exe`) makes the file a Node entry; Node options the
 * guard does not follow (a preload, `NODE_OPTIONS=` through `env`) leave it `node-unplaced`, which
 * fails closed. Any other absolute interpreter is a file to look at (`program`: a link to Node, a
 * Node script); a relative one is resolved from the child's working directory: `unknown`.
 */
function readInterpreterLine(head: string): InterpreterLine {
  if (!head.startsWith('#!')) return { kind: isBinary(head) ? 'other' : 'script' };
  const line = (head.slice(2).split('\n')[0] ?? '').trim();
  const read = interpreterWords(line);
  if (read === undefined) return { kind: 'unknown' };
  // env refuses its `-S` string: nothing runs.
  if (read === 'fails') return { kind: 'other' };
  let words = read;
  let assigns = false;
  for (let peeled = 0; ; peeled++) {
    const program = basename(words[0] ?? '');
    const peel = program === 'env' ? afterEnv(words.slice(1)) : peelPlainWrapper(program, words.slice(1));
    if (peel === undefined) break;
    if (peeled >= MOST_WRAPPERS) return { kind: 'unknown' };
    words = peel.words;
    assigns ||= peel.assigns;
  }
  const [interpreter, ...options] = words;
  if (interpreter === undefined) return { kind: 'other' };
  if (NODE_PROGRAMS.test(basename(interpreter)) || OWN_EXECUTABLE.test(interpreter)) return { kind: nodeKind(options, assigns) };
  if (runsScriptCommands(basename(interpreter))) return { kind: 'script' };
  // A bare name is looked up in PATH by `env` and the wrappers: another program.
  if (!interpreter.includes('/')) return { kind: 'other' };
  return isAbsolute(interpreter) ? { kind: 'program', path: interpreter, options, assigns } : { kind: 'unknown' };
}

/** An executable format the kernel loads itself (ELF), or bytes no shell reads as text (a NUL among them): no script. */
function isBinary(head: string): boolean {
  return head.startsWith('\u007fELF') || head.includes('\u0000');
}

/** `node --check`: the file is only parsed, so it is no Node entry (another program's run, the starter's EXEC). */
function nodeKind(options: readonly string[], assigns: boolean): Interpreter {
  if (assigns || options.some((option) => !INERT_NODE_OPTIONS.has(option) && !CHECK_OPTIONS.has(option))) return 'node-unplaced';
  return options.some((option) => CHECK_OPTIONS.has(option)) ? 'other' : 'node';
}

/** What a `#!` line alone makes of a file (no file read: an interpreter named by its path is `other`). */
export function interpreterOf(head: string): Interpreter {
  const line = readInterpreterLine(head);
  return line.kind === 'program' ? 'other' : line.kind;
}

/** Is this (real) path the Node executable: a `node`/`nodejs` binary, or the one running the guard? */
function isNodeBinary(probe: FileProbe, path: string): boolean {
  return NODE_BINARIES.test(basename(path)) || path === probe.realpath(process.execPath);
}

/**
 * What an interpreter named by its absolute path runs its script with: Node when it is (a link
 * to) the Node executable, or a script whose own `#!` line leads to Node (followed to a depth,
 * each file once); another binary is another program; a file the guard cannot read is `unknown`.
 * `scripts` collects the interpreter scripts passed through (each is Node code that runs too).
 */
function interpreterFileKind(probe: FileProbe, line: InterpreterLine, scripts: string[], depth = 0): Interpreter {
  if (line.kind !== 'program') return line.kind;
  if (depth >= MOST_INTERPRETER_SCRIPTS || !probe.isFile(line.path)) return 'unknown';
  const real = probe.realpath(line.path);
  if (isNodeBinary(probe, real)) return nodeKind(line.options, line.assigns);
  if (scripts.includes(real)) return 'unknown';
  const head = probe.head(real);
  if (head === undefined) return 'unknown';
  if (!head.startsWith('#!')) return isBinary(head) ? 'other' : 'script';
  scripts.push(real);
  const kind = interpreterFileKind(probe, readInterpreterLine(head), scripts, depth + 1);
  // The interpreter script runs with this file as its argument: its options and environment are its own.
  return kind === 'node' && (line.assigns || line.options.length > 0) ? 'node-unplaced' : kind;
}

/**
 * Where a program started by its path leads (`spawn(path.join(__dirname, 'tool'))`): a Node
 * script is a file target, analyzed as the child's entry; another program (a binary, a shell
 * or Python script) is the starter's EXEC and no edge; a file the guard cannot read, or a Node
 * line with settings it does not follow, resolves to nothing: UNANALYZED.
 */
export function resolveSpawnedExecutable(probe: FileProbe, specifier: string, from: string): Resolution {
  const file = isAbsolute(specifier) ? specifier : resolvePath(dirname(from), specifier);
  if (!probe.isFile(file)) return { targets: [] };
  const path = probe.realpath(file);
  // `runtime -> /usr/bin/node`, `-> /proc/self/exe`: Node itself, with arguments read only where it is started.
  if (isNodeBinary(probe, path)) return { targets: [] };
  const head = probe.head(path);
  if (head === undefined) return { targets: [] };
  const scripts: string[] = [];
  const interpreter = interpreterFileKind(probe, readInterpreterLine(head), scripts);
  if (interpreter === 'other') return { targets: [], externalProgram: true };
  if (interpreter !== 'node') return { targets: [] };
  return { targets: [path, ...scripts].map((script) => ({ kind: 'file', path: script, firstParty: !script.includes('/node_modules/'), loaders: ['node'] })) };
}
