import { commandWords, UNKNOWN_ARGUMENT, type ArgumentList, type NodeArgument } from './child-entries-args.js';
import type { InheritedShellState } from './entry-command-wrappers.js';
import { parseShellLine, type ShellCommand, type ShellDialect, type ShellWord } from './shell-line.js';
import { envClearsVariable, startUpVariableOf } from './shell-start-up.js';
import { SHELL_PROGRAMS } from './shell-commands.js';
import { STARTER_PROGRAMS, writtenText } from './shell-commands.js';
import type ts from '../../policy/typescript.cjs';

const NODE_OPTIONS = 'NODE_OPTIONS';
const NODE_OPTIONS_ASSIGNMENT = `${NODE_OPTIONS}=`;
/** Builtins that export the names they are given (`declare`/`typeset` only with `-x`: counted as exporting, fail closed). */
const EXPORTING = new Set(['export', 'declare', 'typeset']);
/** Builtins that assign `NAME=value` operands without exporting them (an exported or allexport name stays exported). */
const ASSIGNING = new Set(['readonly', 'local']);
/** POSIX special builtins: dash keeps a prefix assignment on one (`NODE_OPTIONS=… :`) in the shell (bash only in posix mode: counted for both, fail closed). */
const SPECIAL_BUILTINS = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);
/** How deep `eval` and function calls are replayed; deeper fails closed. */
const MOST_REPLAYS = 8;

const text = (word: NodeArgument | undefined): string => String(word?.parts[0] ?? '');

/** A value the shell gives `NODE_OPTIONS`: words the syntax reads, or one it cannot (`$(cat f)`, `read`): Node's options are then unknown. */
type Value = NodeArgument | typeof UNKNOWN_ARGUMENT;
/** A value and the subshells it was set in (shell-line.ts `subshells`): it reaches the commands that run inside them. */
interface Scoped {
  readonly value: Value;
  readonly scope: readonly number[];
}

/** Does a value set in `scope` reach a command running in `subshells`? */
const reaches = (scope: readonly number[], subshells: readonly number[]): boolean => scope.every((id, index) => subshells[index] === id);

/**
 * Which `NODE_OPTIONS` a shell line hands to the commands it starts (choices 59, 86): a prefix on the
 * command (`NODE_OPTIONS=… node x`, which replaces any other for that command, `NODE_OPTIONS= node x`
 * included), one exported before it (`export NODE_OPTIONS=…`; an assignment and a later
 * `export NODE_OPTIONS`, or the reverse; any assignment after `set -a`, `set -o allexport` or `sh -a`),
 * and what the shell itself inherited (`NODE_OPTIONS=… sh -c '…'`). Every way the shell assigns the
 * name counts: `read`, `printf -v`, `for NAME in`, `${NAME:=…}`, `eval 'export …'`, a prefix on a special
 * builtin (`NODE_OPTIONS=… :` stays in dash); a value the syntax
 * cannot read (a substitution, an expansion, a line read from a file) makes Node's options unknown.
 * What runs outside the line's own shell (`( … )`, a pipeline, `&`, a substitution) sets nothing for
 * it; a function's body sets what it sets where the function is called. `set +a` written to run
 * unconditionally ends allexport; `unset` is not followed: a value once exported stays judged
 * (fail closed). Start-up files a shell sources (`BASH_ENV`, `ENV`, `ZDOTDIR`) are told to `report`.
 */
export class ShellNodeOptions {
  private readonly exported: Scoped[] = [];
  private readonly assigned: Scoped[] = [];
  /** The subshells of the command being read (or of the call an `eval` or a function body is replayed at). */
  private scope: readonly number[] = [];
  private exportedByName = false;
  private allexport: boolean;
  private readonly inherited: ReadonlyArray<ArgumentList>;
  private readonly dialect: ShellDialect;
  /** Prefix words whose value the shell expands (`NODE_OPTIONS=$(cat f) node x`). */
  private readonly unknownPrefixes = new WeakSet<NodeArgument>();
  /** Start-up variables (`BASH_ENV`…) assigned on the line, and those exported (by name, value or allexport). */
  private readonly startUpAssigned = new Set<string>();
  private readonly startUpExported: Set<string>;
  /** The commands of each function's body (choice 86): replayed where it is called. */
  private readonly bodies = new Map<string, ShellCommand[]>();
  private readonly bodyScopes = new Map<string, number>();
  private depth = 0;

  constructor(
    private readonly at: ts.Node,
    inherited: InheritedShellState | undefined,
    private readonly report: (why: string) => void = () => undefined,
  ) {
    this.allexport = inherited?.allexport ?? false;
    this.inherited = inherited?.nodeOptions ?? [];
    this.dialect = inherited?.dialect ?? 'dash';
    this.startUpExported = new Set(inherited?.startUpVariables ?? []);
  }

  /** A command's words (`start` the first after its prefix assignments, `prefix` the `NODE_OPTIONS=` ones among them); `command` as the reader read it. */
  note(words: readonly NodeArgument[], start: number, prefix: readonly NodeArgument[], command?: ShellCommand): void {
    if (command !== undefined) {
      for (const [index, word] of words.entries()) if (index < start && isUnknownValue(command.words[index], this.hasValue())) this.unknownPrefixes.add(word);
      this.judgeStartUpFiles(command, start);
      // A body's command is replayed where its function is called; where written it sets what it sets for the body alone (choice 59: judged as if it runs).
      if (command.inFunction !== undefined) this.bodies.set(command.inFunction, [...(this.bodies.get(command.inFunction) ?? []), command]);
      this.scope = command.inFunction === undefined ? command.subshells : [this.bodyScope(command.inFunction), ...command.subshells];
      for (const assignment of command.assigns ?? []) if (assignment.name === NODE_OPTIONS) this.assign(assignment.value === undefined || isUnknownValue(assignment.value, this.hasValue(), false) ? UNKNOWN_ARGUMENT : { node: this.at, parts: [NODE_OPTIONS_ASSIGNMENT, ...assignment.value.parts] });
    }
    // `NODE_OPTIONS=…` alone sets a shell variable: exported when the shell exports every assignment or that name.
    if (start === words.length) {
      for (const word of prefix) this.assign(this.unknownPrefixes.has(word) ? UNKNOWN_ARGUMENT : word);
      for (const word of words) this.assignStartUp(startUpVariableOf(text(word)));
      return;
    }
    const first = text(words[start]);
    if (SPECIAL_BUILTINS.has(first) && words[start]?.parts.length === 1) {
      for (const word of prefix) this.assign(this.unknownPrefixes.has(word) ? UNKNOWN_ARGUMENT : word);
      for (const word of words.slice(0, start)) this.assignStartUp(startUpVariableOf(text(word)));
    }
    const operands = words.slice(start + 1);
    const shellOperands = command?.words.slice(start + 1) ?? [];
    if (EXPORTING.has(first)) {
      for (const [index, word] of operands.entries()) {
        if (text(word).startsWith(NODE_OPTIONS_ASSIGNMENT)) this.exported.push(this.scoped(isUnknownValue(shellOperands[index], this.hasValue()) ? UNKNOWN_ARGUMENT : word));
        else if (text(word) === NODE_OPTIONS && word.parts.length === 1) this.exportName();
        const startUp = startUpVariableOf(text(word));
        if (startUp !== undefined) this.startUpExported.add(startUp);
      }
    }
    if (ASSIGNING.has(first)) for (const word of operands) if (text(word).startsWith(NODE_OPTIONS_ASSIGNMENT)) this.assign(word);
    // `read NODE_OPTIONS`, `printf -v NODE_OPTIONS …`, `mapfile`: a value from input or a format, not read here.
    if (/^(read|mapfile|readarray)$/.test(first) && operands.some((word) => text(word) === NODE_OPTIONS)) this.assign(UNKNOWN_ARGUMENT);
    if (first === 'printf' && operands.some((word, index) => text(word) === '-v' && text(operands[index + 1]) === NODE_OPTIONS)) this.assign(UNKNOWN_ARGUMENT);
    if (first === 'set' && setsAllexport(operands)) {
      this.allexport = true;
      this.exported.push(...this.assigned);
      for (const name of this.startUpAssigned) this.startUpExported.add(name);
    } else if (first === 'set' && command?.sequential === true && clearsAllexport(operands)) this.allexport = false;
    if (first === 'eval' && command !== undefined) this.replayEval(command.words.slice(start + 1));
    if (first === 'hash' && command !== undefined) this.judgeHash(command.words.slice(start + 1));
    const body = this.bodies.get(first);
    if (body !== undefined) this.replay(body, true);
  }

  /** The option lists a command with this prefix gets from the line (each as Node's words); `words` the command's own (an `env -u NODE_OPTIONS` among them clears the others). */
  optionsFor(prefix: readonly NodeArgument[], words?: ArgumentList): ReadonlyArray<ArgumentList> {
    // `NODE_OPTIONS=… node x`: the prefix is the command's whole value, an empty one included.
    const last = prefix.at(-1);
    if (last !== undefined) return [this.optionWords(last)];
    if (words !== undefined && envClearsVariable(words, NODE_OPTIONS)) return [];
    const here = this.exported.filter((entry) => reaches(entry.scope, this.scope));
    return [...this.inherited, ...here.map((entry) => this.optionWords(entry.value))];
  }

  /** What an inner shell (`sh -c` on this line, with this prefix) inherits. */
  inheritedBy(prefix: readonly NodeArgument[], inner: InheritedShellState | undefined): InheritedShellState {
    const startUpVariables = [...this.startUpExported, ...prefix.flatMap((word) => startUpVariableOf(text(word)) ?? []), ...(inner?.startUpVariables ?? [])];
    return { nodeOptions: [...this.optionsFor(prefix), ...(inner?.nodeOptions ?? [])], allexport: inner?.allexport ?? false, dialect: inner?.dialect, startUpVariables, ...(inner?.aliases === undefined ? {} : { aliases: inner.aliases }) };
  }

  private hasValue(): boolean {
    return this.exported.length > 0 || this.assigned.length > 0;
  }

  /** An assignment in the line's own shell: exported at once when the shell exports every assignment or that name. */
  private assign(value: Value): void {
    if (this.allexport || this.exportedByName) this.exported.push(this.scoped(value));
    else this.assigned.push(this.scoped(value));
  }

  /** A scope of a function's body where it is written (a negative number per name: no subshell has one). */
  private bodyScope(name: string): number {
    const known = this.bodyScopes.get(name) ?? -(this.bodyScopes.size + 1);
    this.bodyScopes.set(name, known);
    return known;
  }

  private scoped(value: Value): Scoped {
    return { value, scope: this.scope };
  }

  private assignStartUp(name: string | undefined): void {
    if (name === undefined) return;
    this.startUpAssigned.add(name);
    if (this.allexport) this.startUpExported.add(name);
  }

  private exportName(): void {
    this.exportedByName = true;
    this.exported.push(...this.assigned);
  }

  private optionWords(assignment: Value): ArgumentList {
    if (assignment === UNKNOWN_ARGUMENT || this.unknownPrefixes.has(assignment)) return [UNKNOWN_ARGUMENT];
    const [name, ...rest] = assignment.parts;
    return commandWords([String(name).slice(NODE_OPTIONS_ASSIGNMENT.length), ...rest], this.at);
  }

  /**
   * A command that runs a shell with a start-up file in its environment (`BASH_ENV=./rt.sh bash -c …`,
   * `export BASH_ENV=…; bash …`, `env ENV=… sh -i`): the shell sources the file before the line, and
   * the syntax does not read it.
   */
  private judgeStartUpFiles(command: ShellCommand, start: number): void {
    const program = writtenText(command.words[start])?.replace(/^.*\//, '');
    const envWords = program === 'env' ? command.words.slice(start + 1).map(writtenText) : [];
    const shell = program === 'env' ? envWords.find((word) => word !== undefined && SHELL_PROGRAMS.test(word.replace(/^.*\//, ''))) : program;
    if (shell === undefined || !SHELL_PROGRAMS.test(shell.replace(/^.*\//, ''))) return;
    const given = [...command.words.slice(0, start).map(writtenText), ...envWords].flatMap((word) => (word === undefined || !word.includes('=') ? [] : (startUpVariableOf(word) ?? [])));
    const names = [...new Set([...given, ...this.startUpExported])];
    if (names.length > 0) this.report(`a shell started with \`${names.join('`, `')}\` in its environment sources that start-up file first: its commands are not read here`);
  }

  /** `eval 'export NODE_OPTIONS=…'`: the words joined are a command line of the same shell; what they set stays. */
  private replayEval(words: readonly ShellWord[]): void {
    if (words.length === 0 || words.some((word) => word.expanded)) return;
    const line = parseShellLine(
      words.flatMap((word, index) => (index === 0 ? word.parts : [' ', ...word.parts])),
      this.dialect,
    );
    if (line.kind === 'commands') this.replay(line.commands, false);
  }

  /**
   * Commands run again in this shell, in the subshells of the command that runs them: an `eval`'s line
   * (its own subshells set nothing here), a function's body where it is called (every command of it,
   * a subshell inside the body too: fail closed).
   */
  private replay(commands: readonly ShellCommand[], body: boolean): void {
    if (this.depth >= MOST_REPLAYS) {
      this.assign(UNKNOWN_ARGUMENT);
      return;
    }
    this.depth++;
    const scope = this.scope;
    for (const command of commands) {
      if (command.defines !== undefined || (!body && !command.ownShell)) continue;
      const words = command.words.map((word) => ({ node: this.at, parts: word.parts }));
      let start = 0;
      while (start < words.length && command.words[start]?.assignment === true) start++;
      const prefix = words.slice(0, start).filter((word) => text(word).startsWith(NODE_OPTIONS_ASSIGNMENT));
      this.note(words, start, prefix, { ...command, inFunction: undefined, subshells: scope });
    }
    this.scope = scope;
    this.depth--;
  }

  /** bash's `hash -p /usr/bin/node js`: a later `js` runs the file named, which may be Node. */
  private judgeHash(operands: readonly ShellWord[]): void {
    const index = operands.findIndex((word) => /^-[a-z]*p$/.test(writtenText(word) ?? ''));
    const file = operands[index + 1];
    if (index < 0 || file === undefined) return;
    const written = writtenText(file);
    if (written !== undefined && !STARTER_PROGRAMS.test(written.replace(/^.*\//, ''))) return;
    this.report('`hash -p` gives a program another name: a later command may start Node under it');
  }
}

/**
 * A value the shell computes (`$(…)`, `${X:-…}`, `$X`): unknown. `$NODE_OPTIONS` alone stands for the
 * value the shell started with (the parent's, not the program's) until the line gives it one.
 */
function isUnknownValue(word: ShellWord | undefined, lineHasValue: boolean, named = true): boolean {
  if (word === undefined || !word.expanded) return false;
  const written = word.parts.filter((part) => typeof part === 'string').join('');
  const value = named ? written.slice(written.indexOf('=') + 1) : written;
  return /[$`*?[{]/.test(lineHasValue ? value : value.replaceAll(/\$NODE_OPTIONS(?![A-Za-z0-9_])/g, ''));
}

/** `set -a`, `set -ea`, `set -o allexport` (also among other options). */
function setsAllexport(operands: readonly NodeArgument[]): boolean {
  return operands.some((word, index) => {
    const option = text(word);
    if (/^-[a-zA-Z]*a[a-zA-Z]*$/.test(option) && !option.startsWith('--')) return true;
    return option === '-o' && text(operands[index + 1]) === 'allexport';
  });
}

/** `set +a`, `set +ea`, `set +o allexport`, with no option that sets it again. */
function clearsAllexport(operands: readonly NodeArgument[]): boolean {
  return operands.some((word, index) => {
    const option = text(word);
    return /^\+[a-zA-Z]*a[a-zA-Z]*$/.test(option) || (option === '+o' && text(operands[index + 1]) === 'allexport');
  });
}
