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
  'tki-epipe': '`tki run … | true` (a reader that closed the pipe) prints "tki: internal error: write EPIPE"',
};
