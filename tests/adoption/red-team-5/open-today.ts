/**
 * Problems found by red team 5 (session 6) that are still open. Each key is one check in
 * new-user.test.ts; while a key is listed the check must still FAIL (so the list can only
 * shrink): fix the problem, then delete its key here.
 */
export const OPEN_TODAY: Readonly<Record<string, string>> = {
  'monorepo-root-policy':
    'from a workspace folder tki-guard ignores the root tki.policy.json (walk stops at the workspace package.json) and has no --policy option, while ESLint with the root config honours it',
  'policy-bom': 'a tki.policy.json saved with a UTF-8 byte-order mark is rejected by both tools with an invisible "Unexpected token"',
  'policy-directory-eslint': 'tki.policy.json that is a directory: ESLint crashes ("Oops!") with a stack trace from inside the rule',
  'policy-directory-guard': 'tki.policy.json that is a directory: tki-guard says "internal error: EISDIR" without naming the file',
  'plugin-readme-typescript':
    "the packed eslint-plugin-tki README says `npm i -D eslint eslint-plugin-tki typescript`: typescript's latest is 7, so npm prints ERESOLVE peer-override warnings",
  'tki-epipe': '`tki run … | true` (a reader that closed the pipe) prints "tki: internal error: write EPIPE"',
  'guard-epipe': '`tki-guard src | true` (or `| head -1` with many findings) dies on an unhandled EPIPE with a Node stack trace',
  'diff-help-version': '`tki-guard diff --help` does not list -v/--version, which the subcommand accepts',
};
