import type { ShellCommand, ShellInputText, ShellRedirection } from './shell-line.js';
import { writtenText } from './shell-commands.js';

/**
 * Where the script of `. FILE` / `source FILE` comes from (choice 90): the shell reads FILE's text
 * as command lines of its own. A descriptor's file (`/dev/stdin`, `/dev/fd/N`, `/proc/self/fd/N`)
 * is whatever the line feeds that descriptor: a here-document or a here-string written on the
 * command, or kept by an earlier `exec N<<…` of the line's own shell (`text`, read as a line of the
 * same shell); anything else it may hold (the line's own input, a file, a pipe) is `unseen`. A file
 * the shell names at run time (`<(…)`, `$F`) is `unseen` too, and so is a file of the project: the
 * syntax does not read it (as `sh FILE`, choice 86). `/dev/null` sources nothing.
 */
export type SourcedScript = { readonly kind: 'text'; readonly input: ShellInputText } | { readonly kind: 'unseen'; readonly why: string } | { readonly kind: 'nothing' };

/** `/dev/stdin`, `/dev/fd/3`, `/proc/self/fd/0`, `/proc/thread-self/fd/0`, `/dev/fd/0` by any spelling Linux resolves the same. */
const DESCRIPTOR_FILE = /^\/(?:dev\/fd|proc\/(?:self|thread-self)\/fd)\/(\d+)$/;

/** The descriptor a path names on Linux, or undefined. */
export function descriptorOfPath(text: string): number | undefined {
  const clean = text.replace(/\/+/g, '/').replace(/\/\.(?=\/|$)/g, '');
  if (clean === '/dev/stdin') return 0;
  const match = DESCRIPTOR_FILE.exec(clean);
  return match === null ? undefined : Number(match[1]);
}

/** What a descriptor holds after a command's redirections, in order: a text fed to it, something else (`other`), or nothing written here (undefined). */
export function inputOfDescriptor(redirections: readonly ShellRedirection[], descriptor: number, before: ReadonlyMap<number, ShellInputText | 'other'> = new Map()): ShellInputText | 'other' | undefined {
  const held = new Map(before);
  for (const redirection of redirections) {
    if (redirection.input !== undefined) held.set(redirection.descriptor, redirection.input);
    else if (redirection.operator === '<&' || redirection.operator === '>&') {
      const source = writtenText(redirection.target);
      held.set(redirection.descriptor, source !== undefined && /^\d+$/.test(source) ? (held.get(Number(source)) ?? 'other') : 'other');
    } else held.set(redirection.descriptor, 'other');
  }
  return held.get(descriptor);
}

/**
 * The descriptors `exec` with no program keeps open for the rest of the shell (`exec 3<<'EOF'`):
 * updated by a command of the line's own shell whose only word is `exec`.
 */
export function noteKeptDescriptors(command: ShellCommand, start: number, kept: Map<number, ShellInputText | 'other'>): void {
  if (command.words.length !== start + 1 || writtenText(command.words[start]) !== 'exec' || !command.ownShell) return;
  for (const redirection of command.redirections) {
    const input = inputOfDescriptor([redirection], redirection.descriptor, kept);
    if (input !== undefined) kept.set(redirection.descriptor, input);
  }
}

/** The script `. FILE` runs, FILE being the command's operand (`words[start + 1]`, after bash's `--`). */
export function sourcedScript(command: ShellCommand, start: number, kept: ReadonlyMap<number, ShellInputText | 'other'>): SourcedScript {
  const operands = command.words.slice(start + 1);
  const file = writtenText(operands[0]) === '--' ? operands[1] : operands[0];
  if (file === undefined) return { kind: 'nothing' };
  const text = writtenText(file);
  if (text === undefined) return { kind: 'unseen', why: 'the shell sources a file it names at run time (`<(…)`, `$FILE`): its commands may start Node on any file' };
  if (text === '/dev/null') return { kind: 'nothing' };
  const descriptor = descriptorOfPath(text);
  if (descriptor === undefined) return { kind: 'unseen', why: `the shell sources \`${text}\`, a script file the syntax does not read: its commands may start Node on any file` };
  const input = inputOfDescriptor(command.redirections, descriptor, kept);
  if (input === undefined || input === 'other') return { kind: 'unseen', why: `the shell sources descriptor ${descriptor}, which holds text the syntax does not see: its commands may start Node on any file` };
  if (input.expanded) return { kind: 'unseen', why: 'the shell sources a here-document it expands first: its commands may start Node on any file' };
  return { kind: 'text', input };
}
