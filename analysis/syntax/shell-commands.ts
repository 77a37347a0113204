import type { ShellCommand, ShellDialect, ShellWord } from './shell-line.js';

/** Shells that run `-c line` as a command line (by file name). */
export const SHELL_PROGRAMS = /^(sh|bash|dash|zsh|ksh|ash|mksh)(\.exe)?$/i;

/** Interpreters whose script (a word of theirs) can run a shell command line (`system()`, `print | "sh"`, backquotes, `exec`). */
export const SCRIPT_INTERPRETERS = /^(awk|gawk|mawk|nawk|perl|perl5[.0-9]*|python[.0-9]*|ruby|php|lua[.0-9]*|tclsh|expect|osascript)$/;

/**
 * Programs that run a script file given to them as commands the syntax does not read (choice 90): the
 * shells, the interpreters above, and `make -f` (a `#!/usr/bin/make -f` file's recipes).
 */
export function runsScriptCommands(program: string): boolean {
  const name = program.replace(/^.*\//, '');
  return SHELL_PROGRAMS.test(name) || SCRIPT_INTERPRETERS.test(name) || /^(fish|csh|tcsh|pwsh|make|gmake|bmake)$/.test(name);
}

/** Words that start Node, or a shell that may: `node`, `tsx`, `npx`, `sh`, `bash` (by file name). */
export const STARTER_PROGRAMS = /^(node|nodejs|tsx|ts-node|ts-node-esm|ts-node-script|npx|pnpx|sh|bash|dash|zsh|ksh|ash|mksh)(\.exe|\.cmd)?$/i;

/** The written text of a word the shell does not expand (computed pieces make it unknown). */
export function writtenText(word: ShellWord | undefined): string | undefined {
  if (word === undefined || word.expanded || !word.parts.every((part) => typeof part === 'string')) return undefined;
  return word.parts.join('');
}

/** Debian's `/bin/sh` is dash; `sh` and `dash` by any path are read as dash, every other shell by bash's wider rules (fail closed: more is an expansion). */
export function shellDialectOf(program: string): ShellDialect {
  return /^(sh|dash)$/.test(program.replace(/^.*\//, '').replace(/\.exe$/i, '')) ? 'dash' : 'bash';
}

/**
 * Where the command's standard output ends up after its redirections, in order (`>/dev/null 2>&1`,
 * `2>&1 >/dev/null`): `/dev/null`, or undefined when it may be read (the line's output, a pipe, a
 * file, a substitution's capture, a duplicate of another descriptor).
 */
export function discardsOutput(command: ShellCommand): boolean {
  const targets = new Map<number, string | undefined>([[1, undefined]]);
  for (const { descriptor, operator, target } of command.redirections) {
    const text = writtenText(target);
    if (operator === '>&' || operator === '<&') targets.set(descriptor, text !== undefined && /^\d+$/.test(text) ? targets.get(Number(text)) : undefined);
    else if (operator.startsWith('>') || operator === '<>') targets.set(descriptor, text);
  }
  return targets.get(1) === '/dev/null';
}

/** `command -v node`, `which node`: a path to a program is printed (a line may link or run it under another name), nothing is run. */
export function printsProgramPath(words: readonly ShellWord[]): boolean {
  const [program, option] = words.map(writtenText);
  return program === 'which' || (program === 'command' && option !== undefined && /^-p?v[pv]*$/.test(option));
}

/** Conditions `trap` knows on Linux (dash and bash): a condition it does not know may leave the others set, so a reset naming one is not trusted. */
const TRAP_CONDITIONS = new Set(['EXIT', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'CHLD', 'CONT', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS']);

export type TrapCommand = { readonly kind: 'set'; readonly action: ShellWord; readonly conditions: readonly string[] | undefined } | { readonly kind: 'reset' | 'ignore'; readonly conditions: readonly string[] | undefined } | { readonly kind: 'none' };

/**
 * `trap action condition…` (XCU 2.14): `-` or a first operand that is a number resets the
 * conditions, an empty action ignores them, no operand or `-p`/`-l` prints. `conditions` is
 * undefined when one is expanded or unknown.
 */
export function trapCommandOf(words: readonly ShellWord[]): TrapCommand {
  const operands = writtenText(words[1]) === '--' ? words.slice(2) : words.slice(1);
  const [action, ...rest] = operands;
  const first = writtenText(action);
  if (action === undefined || first === '-p' || first === '-l') return { kind: 'none' };
  if (first === '-') return { kind: 'reset', conditions: knownConditions(rest) };
  if (first !== undefined && /^\d+$/.test(first)) return { kind: 'reset', conditions: knownConditions(operands) };
  if (first === '') return { kind: 'ignore', conditions: knownConditions(rest) };
  return { kind: 'set', action, conditions: knownConditions(rest) };
}

function knownConditions(words: readonly ShellWord[]): readonly string[] | undefined {
  const names = words.map((word) => {
    const text = writtenText(word)?.toUpperCase().replace(/^SIG/, '');
    return text === '0' ? 'EXIT' : text;
  });
  return names.length > 0 && names.every((name) => name !== undefined && TRAP_CONDITIONS.has(name)) ? (names as string[]) : undefined;
}

/** Programs every Linux has at a fixed place, so `exec` of one does not fail (a failed `exec` ends the shell, running its EXIT trap). */
const ALWAYS_PRESENT = new Set(['true', 'false', 'sleep', 'cat', 'echo', 'printf']);

/**
 * A trap set and made harmless at once (`trap 'node x' EXIT; trap - EXIT`): both run in the line's
 * own shell, one right after the other, and the next command resets every condition the set named
 * (`trap - EXIT`), ignores each (`trap '' EXIT`, choice 90), or replaces the shell by a program
 * that is always there (`exec true`: the trap never runs), so nothing can fire the action in between.
 * A reset that leaves only signals set (`trap … EXIT HUP; trap - EXIT`) is harmless when it is the
 * line's last command: the shell exits at once, and nothing on the line raises one.
 */
export function resetAtOnce(set: ShellCommand, next: ShellCommand | undefined, afterNext: ShellCommand | undefined = undefined): boolean {
  const trap = trapCommandOf(set.words);
  if (trap.kind !== 'set' || trap.conditions === undefined || !set.sequential || next === undefined || !next.sequential) return false;
  const program = writtenText(next.words[0]);
  if (program === 'exec' && next.words.length >= 2 && ALWAYS_PRESENT.has(writtenText(next.words[1]) ?? '')) return true;
  if (program !== 'trap') return false;
  const reset = trapCommandOf(next.words);
  const conditions = reset.kind === 'reset' || reset.kind === 'ignore' ? reset.conditions : undefined;
  if (conditions === undefined) return false;
  const left = trap.conditions.filter((condition) => !conditions.includes(condition));
  return left.length === 0 || (afterNext === undefined && !left.includes('EXIT'));
}
