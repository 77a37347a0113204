import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fail, ok, type Outcome } from '../errors.js';
import { mirrorNodeModules } from './node-modules.js';

/**
 * The guard's only process: git, to find a revision and lay out its tree beside the user's
 * checkout (capslock-git-diff does the same: a shared clone, then a checkout). Nothing in the
 * user's repository changes: no index, no worktree list, no ref.
 */
function git(args: readonly string[], cwd: string): Outcome<string> {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error !== undefined) return fail({ code: 'git/failed', detail: `cannot run git (${(result.error as NodeJS.ErrnoException).code ?? result.error.message})` });
  if (result.status !== 0) return fail({ code: 'git/failed', detail: `git ${args[0] ?? ''}: ${result.stderr.trim().split('\n')[0] ?? `exit ${result.status}`}` });
  return ok(result.stdout.trim());
}

export interface Revision {
  /** As the user named it, or how it was found (`merge base with origin/main`). */
  readonly label: string;
  readonly commit: string;
}

const DEFAULT_BRANCHES = ['origin/main', 'origin/master', 'main', 'master'];

/** `BASE` → its commit; no `BASE` → the merge base of HEAD with the default branch. */
export function resolveBase(base: string | null, cwd: string): Outcome<Revision> {
  // Outside a repository every question below fails; say that, not "unknown revision".
  const inside = git(['rev-parse', '--is-inside-work-tree'], cwd);
  if (!inside.ok && inside.error.code === 'git/failed' && inside.error.detail.startsWith('cannot run git')) return inside;
  if (!inside.ok || inside.value !== 'true') return fail({ code: 'git/failed', detail: `${cwd} is not inside a git working tree; diff compares with a git revision (run it in the repository's checkout)` });
  if (base !== null) {
    const commit = git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], cwd);
    return commit.ok ? ok({ label: base, commit: commit.value }) : fail({ code: 'git/failed', detail: `unknown revision "${base}"${shallowHint(cwd)}` });
  }
  const symbolic = git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd);
  const candidates = symbolic.ok && symbolic.value !== '' ? [symbolic.value, ...DEFAULT_BRANCHES] : DEFAULT_BRANCHES;
  const branch = candidates.find((name) => git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], cwd).ok);
  if (branch === undefined) return fail({ code: 'git/failed', detail: `no default branch found (tried ${DEFAULT_BRANCHES.join(', ')}); name the base revision: tki-guard diff <BASE>` });
  const mergeBase = git(['merge-base', 'HEAD', branch], cwd);
  if (!mergeBase.ok) return fail({ code: 'git/failed', detail: `no merge base of HEAD and ${branch}${shallowHint(cwd)}` });
  return ok({ label: `merge base with ${branch}`, commit: mergeBase.value });
}

function shallowHint(cwd: string): string {
  const shallow = git(['rev-parse', '--is-shallow-repository'], cwd);
  return shallow.ok && shallow.value === 'true' ? ' (this clone is shallow: fetch the full history, e.g. actions/checkout with fetch-depth: 0)' : '';
}

export interface Checkout {
  /** The directory in the checkout that corresponds to `cwd` in the working tree. */
  readonly cwd: string;
  readonly remove: () => void;
}

/**
 * The tree of `commit` in a temporary directory, the same sub-directory as `cwd`, with a
 * node_modules laid out after the working tree's (node-modules.ts): installed packages are the
 * working tree's, workspace packages linked from node_modules are BASE's own copies.
 */
export function checkOut(commit: string, cwd: string): Outcome<Checkout> {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok) return top;
  // Real paths on both sides: the resolver names modules by real path, relative to the root.
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'tki-guard-diff-')));
  const remove = (): void => rmSync(directory, { recursive: true, force: true });
  const cloned = git(['clone', '--quiet', '--shared', '--no-checkout', top.value, directory], cwd);
  const checked = cloned.ok ? git(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', commit, '--'], directory) : cloned;
  if (!checked.ok) {
    remove();
    return checked;
  }
  const realTop = realpathSync(top.value);
  const prefix = relative(realTop, realpathSync(cwd));
  const pair = { top: realTop, checkout: directory };
  const visited = new Set<string>();
  for (const sub of new Set(['', prefix])) {
    if (existsSync(join(directory, sub))) mirrorNodeModules(join(realTop, sub, 'node_modules'), join(directory, sub, 'node_modules'), pair, visited);
  }
  return ok({ cwd: join(directory, prefix), remove });
}
