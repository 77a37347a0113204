/**
 * Problems found by red team 9 (session 9) that are still open. Each key is one check in
 * adopt.test.ts; while a key is listed the check must still FAIL (so the list can only shrink):
 * fix the problem, then delete its key here. Severity first.
 */
export const OPEN_TODAY: Readonly<Record<string, string>> = {
  'nested-policy-verdict-depends-on-cwd': 'high: a nested package with its own tki.policy.json (not ignored by the root policy) is judged by the root policy from the root and by its own from inside it',
  'baseline-partial-run-fails-and-prunes-others': 'high: `tki-guard src/a` reports the baseline entries of src/b as fixed (exit 1); --update-baseline/--prune-baseline on a subset deletes them',
  'baseline-other-level-entries-fixed': 'medium: a baseline written with --level strict makes a default-level run exit 1 ("no-exit-zero … fixed"); --prune-baseline there deletes the entry',
  'policy-search-starts-at-cwd-not-inputs': 'medium: `tki-guard apps/web/src` from a monorepo root ignores apps/web/tki.policy.json (defaults apply), `cd apps/web && tki-guard src` reads it',
  'disowned-package-verdict-depends-on-cwd': 'medium: a package whose root the root policy ignores is 0 modules from the root, its own project (a finding) from inside',
  'blank-grant-reason-accepted': 'low: a reason of ten spaces passes the schema and both tools ("a reason a reviewer can read")',
  'diff-markdown-renames-backtick-file': 'low: `src/x`y.ts` is shown as `src/x\'y.ts` in the pull-request table, a file that does not exist',
  'tsconfig-error-not-file-line-col': 'low: a tsconfig error prints `tsconfig.json: 1:34:` (a space), not the documented `file:line:col:`',
};
