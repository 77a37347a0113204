/**
 * Problems found by red team 6 (session 7) that are still open. Each key is one check in
 * adopt.test.ts; while a key is listed the check must still FAIL (so the list can only shrink):
 * fix the problem, then delete its key here.
 */
export const OPEN_TODAY: Readonly<Record<string, string>> = {
  'diff-workspace-base-isolation':
    'diff in an npm-workspaces repo: the BASE side follows node_modules/@ws symlinks into the working tree (modules named ../…, a gain reported as a loss)',
  'subdir-baseline-without-policy':
    'without a tki.policy.json, `cd src && tki-guard .` ignores the root tki-baseline.json and reports paths relative to src/',
  'recommended-config-ignores-policy':
    "the README's first config (configs.recommended) never reads tki.policy.json: ESLint exit 1 where the guard, same policy, exits 0",
  'tsconfig-paths-hash-alias':
    'a tsconfig `paths` alias starting with # (tsc resolves it) is unresolved-module UNANALYZED for the guard',
  'tki-run-unknown-option-message':
    "`tki run --outt` prints Node's raw parseArgs text (with a stray quote) instead of `unknown option --outt`",
  'tki-help-run':
    '`tki help run` prints the general help, not the run command help (tki-guard help diff does)',
  'tki-error-usage-one-line':
    "`tki runn` appends the whole usage as one ~300-character line to the error",
};
