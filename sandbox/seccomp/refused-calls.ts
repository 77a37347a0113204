import { loadSeccompAddon } from '../native/addon.js';
import { X86_64_SYSCALLS } from './syscalls-x86_64.js';

const NAME_BY_NUMBER = new Map<number, string>(Object.entries(X86_64_SYSCALLS).map(([name, number]) => [number, name]));

/** `237 (mbind)`; a number the table does not name is shown bare. */
export function syscallLabel(number: number): string {
  const name = NAME_BY_NUMBER.get(number);
  return name === undefined ? String(number) : `${number} (${name})`;
}

/** The calls the locked filter refused as unlisted so far (recorded by the addon's SIGSYS handler). */
export function refusedUnlistedCalls(): { readonly total: number; readonly numbers: readonly number[] } {
  const loaded = loadSeccompAddon();
  if (!loaded.ok) return { total: 0, numbers: [] };
  const [total = 0, ...numbers] = loaded.addon.refusedCalls();
  return { total, numbers };
}

/**
 * The one-line diagnostic for the operator (issue 12: ENOSYS "with a named diagnostic when it
 * fires"), or undefined when nothing was refused. `who` names the process (`tki inspect`).
 */
export function refusedCallsLine(who: string): string | undefined {
  const refused = refusedUnlistedCalls();
  if (refused.numbers.length === 0) return undefined;
  return `${who}: note: the sandbox answered ENOSYS to ${refused.total} system call(s) on no seccomp list: ${refused.numbers.map(syscallLabel).join(', ')}; if the run failed because of it, re-measure the allowlist (node scripts/measure-syscalls.mjs) and see docs/sandbox.md`;
}
