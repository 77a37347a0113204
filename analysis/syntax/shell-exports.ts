import { commandWords, type NodeArgument } from './child-entries-args.js';
import type { InheritedShellState } from './entry-command-wrappers.js';
import type ts from '../../policy/typescript.cjs';

const NODE_OPTIONS = 'NODE_OPTIONS';
const NODE_OPTIONS_ASSIGNMENT = `${NODE_OPTIONS}=`;
/** Builtins that export the names they are given (`declare`/`typeset` only with `-x`: counted as exporting, fail closed). */
const EXPORTING = new Set(['export', 'declare', 'typeset']);

const text = (word: NodeArgument | undefined): string => String(word?.parts[0] ?? '');

/**
 * Which `NODE_OPTIONS` a shell line hands to the commands it starts (choice 59): a prefix on the
 * command (`NODE_OPTIONS=… node x`), one exported before it (`export NODE_OPTIONS=…`; an assignment
 * and a later `export NODE_OPTIONS`, or the reverse; any assignment after `set -a`,
 * `set -o allexport` or `sh -a`), and what the shell itself inherited (`NODE_OPTIONS=… sh -c '…'`,
 * `env NODE_OPTIONS=… bash -c '…'`). `unset` and `set +a` are not followed: a value once exported
 * stays judged (fail closed).
 */
export class ShellNodeOptions {
  private readonly exported: NodeArgument[] = [];
  private readonly assigned: NodeArgument[] = [];
  private exportedByName = false;
  private allexport: boolean;
  private readonly inherited: ReadonlyArray<readonly NodeArgument[]>;

  constructor(
    private readonly at: ts.Node,
    inherited: InheritedShellState | undefined,
  ) {
    this.allexport = inherited?.allexport ?? false;
    this.inherited = inherited?.nodeOptions ?? [];
  }

  /** A command's words (`start` the first after its prefix assignments, `prefix` the `NODE_OPTIONS=` ones among them). */
  note(words: readonly NodeArgument[], start: number, prefix: readonly NodeArgument[]): void {
    // `NODE_OPTIONS=…` alone sets a shell variable: exported when the shell exports every assignment or that name.
    if (start === words.length) {
      if (this.allexport || this.exportedByName) this.exported.push(...prefix);
      else this.assigned.push(...prefix);
      return;
    }
    const first = text(words[start]);
    const operands = words.slice(start + 1);
    if (EXPORTING.has(first)) {
      for (const word of operands) {
        if (text(word).startsWith(NODE_OPTIONS_ASSIGNMENT)) this.exported.push(word);
        else if (text(word) === NODE_OPTIONS && word.parts.length === 1) this.exportName();
      }
    }
    if (first === 'set' && setsAllexport(operands)) {
      this.allexport = true;
      this.exported.push(...this.assigned);
    }
  }

  /** The option lists a command with this prefix gets from the line (each as Node's words). */
  optionsFor(prefix: readonly NodeArgument[]): ReadonlyArray<readonly NodeArgument[]> {
    return [...this.inherited, ...[...this.exported, ...prefix].map((word) => this.optionWords(word))];
  }

  /** What an inner shell (`sh -c` on this line, with this prefix) inherits. */
  inheritedBy(prefix: readonly NodeArgument[], inner: InheritedShellState | undefined): InheritedShellState {
    return { nodeOptions: [...this.optionsFor(prefix), ...(inner?.nodeOptions ?? [])], allexport: inner?.allexport ?? false, dialect: inner?.dialect };
  }

  private exportName(): void {
    this.exportedByName = true;
    this.exported.push(...this.assigned);
  }

  private optionWords(assignment: NodeArgument): readonly NodeArgument[] {
    const [name, ...rest] = assignment.parts;
    return commandWords([String(name).slice(NODE_OPTIONS_ASSIGNMENT.length), ...rest], this.at);
  }
}

/** `set -a`, `set -ea`, `set -o allexport` (also among other options). */
function setsAllexport(operands: readonly NodeArgument[]): boolean {
  return operands.some((word, index) => {
    const option = text(word);
    if (/^-[a-zA-Z]*a[a-zA-Z]*$/.test(option) && !option.startsWith('--')) return true;
    return option === '-o' && text(operands[index + 1]) === 'allexport';
  });
}
