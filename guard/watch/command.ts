import type { CliOptions } from '../cli-args.js';
import type { GuardError } from '../errors.js';

export async function runWatchCommand(_options: CliOptions, failWith: (error: GuardError) => Promise<number>): Promise<number> {
  return failWith({ code: 'usage/conflict', detail: 'watch: not built yet' });
}
