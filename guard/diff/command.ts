import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CliOptions } from '../cli-args.js';
import { fail, ok, type GuardError, type Outcome } from '../errors.js';
import { emit } from '../report/emit.js';
import { requestFor } from '../report/judge.js';
import { runGuard, type GuardRun } from '../run.js';
import { capabilityMap } from './capabilities.js';
import { compareCapabilities } from './compare.js';
import { checkOut, resolveBase } from './git.js';
import { DIFF_RENDERERS, type DiffReport } from './render.js';

/** A BASE tree without the project (no tsconfig, no files yet) reaches nothing: everything is gained. */
function isAbsentProject(error: GuardError): boolean {
  return error.code === 'usage/no_input' || error.code === 'project/no_tsconfig' || error.code === 'project/no_files';
}

/**
 * `tki-guard diff [BASE]`: analyze the working tree, analyze BASE's tree (checked out beside it)
 * under the working tree's policy, compare. Exit 1 when a module gained a capability it does not
 * hold, 0 otherwise, 2 on a tool or git error.
 */
/** Inputs as paths relative to the working directory, so that they name the same files in BASE's checkout. */
function relativeInput(options: CliOptions, cwd: string): CliOptions {
  const inside = (path: string): string => (isAbsolute(path) ? relative(cwd, path) || '.' : path);
  const input = options.input.kind === 'project' ? { kind: 'project' as const, tsconfig: inside(options.input.tsconfig) } : { kind: 'paths' as const, paths: options.input.paths.map(inside) };
  return { ...options, input, cache: false };
}

export async function diffAgainst(options: CliOptions, cwd: string): Promise<Outcome<{ report: DiffReport; head: GuardRun }>> {
  const base = resolveBase(options.base, cwd);
  if (!base.ok) {
    // `tki-guard diff src` reads src as the revision, as git would: say how to name paths.
    const named = options.base !== null && existsSync(resolve(cwd, options.base));
    return named && base.error.code === 'git/failed' ? fail({ ...base.error, detail: `${base.error.detail}; to analyze paths with the default BASE, put them after --: tki-guard diff -- ${options.base}` }) : base;
  }
  const head = await runGuard(requestFor(options, cwd));
  if (!head.ok) return head;
  const checkout = checkOut(base.value.commit, cwd);
  if (!checkout.ok) return checkout;
  try {
    // The working tree's policy judges both sides; BASE's own policy file is not read.
    // Anchored where the working tree's run was (the policy's directory), so that paths match.
    const root = resolve(checkout.value.cwd, relative(cwd, head.value.result.root));
    const before = await runGuard({ ...requestFor(relativeInput(options, cwd), checkout.value.cwd), policy: head.value.policy, root });
    if (!before.ok && !isAbsentProject(before.error)) return fail(before.error);
    const empty = { modules: new Map(), packages: new Map() };
    const diff = compareCapabilities(before.ok ? capabilityMap(before.value) : empty, capabilityMap(head.value));
    return ok({ report: { base: base.value, diff }, head: head.value });
  } finally {
    checkout.value.remove();
  }
}

export async function runDiffCommand(options: CliOptions, failWith: (error: GuardError) => Promise<number>): Promise<number> {
  const result = await diffAgainst(options, process.cwd());
  if (!result.ok) return failWith(result.error);
  const problem = emit(DIFF_RENDERERS[options.diffFormat](result.value.report), options.output);
  if (problem !== undefined) return failWith(problem);
  return result.value.report.diff.disallowed > 0 ? 1 : 0;
}
