/** One `tki` command: a run that answers an exit code. */
export interface CliCommand {
  run(argv: readonly string[]): Promise<number>;
}

/**
 * A registry entry. Commands are loaded only when invoked: `tki run` must not pay for loading the
 * inspector (it runs in the sandbox, in another process), and a command that fails to load is an
 * internal error of that command alone.
 */
export interface CommandEntry {
  readonly usage: string;
  load(): Promise<CliCommand>;
}
