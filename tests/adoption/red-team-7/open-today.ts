/**
 * Problems found by red team 7 (session 8) that are still open. Each key is one check in
 * adopt.test.ts; while a key is listed the check must still FAIL (so the list can only shrink):
 * fix the problem, then delete its key here.
 */
export const OPEN_TODAY: Readonly<Record<string, string>> = {
  'grant-glob-dot-slash-silently-dead': 'a grant written "./src/deploy.ts" (or absolute, or src\\deploy.ts) matches nothing, and neither tool says so',
  'policy-duplicate-key': 'a tki.policy.json with "grants" twice silently keeps the last one (the first list of grants is ignored)',
  'ci-gate-misses-files-outside-tsconfig': 'eslint . flags scripts/release.ts; npx tki-guard (tsconfig mode, as docs/ci-workflow.yml runs it) passes',
  'nested-package-verdict-depends-on-cwd': 'a nested non-workspace package: tki-guard from the root (root policy grants) exits 0, from the package exits 1',
  'tki-inspect-outside-sandbox-silent': 'tki inspect outside the sandbox with stderr redirected to a file (2>log) exits 3 writing nothing (through a pipe it writes the P1 line); docs/sandbox.md promises one line',
  'tki-inspect-error-pointer': "tki inspect without --in ends with the whole usage, not the documented pointer run 'tki inspect --help'",
  'tki-run-extra-argument-message': 'tki run PACKET --out DIR extra says "expected <packet>" instead of naming the unexpected argument',
  'tki-run-out-under-proc-hangs': 'tki run --out /proc/nope/x spins forever (recursive mkdir loops on ENOENT under /proc)',
  'guard-cache-location-under-proc-hangs': 'tki-guard --cache-location /proc/nope spins forever (same recursive mkdir loop)',
  'guard-baseline-directory-raw-error': 'tki-guard --baseline src prints a raw Node error (EISDIR: illegal operation on a directory, read)',
  'eslint-plugin-doc-typed-snippet-runs': 'docs/eslint-plugin.md typed-linting snippet has no imports: run word for word ESLint crashes (ReferenceError: tseslint is not defined) with a stack trace',
};
