/**
 * Routes red team 9b (session 9, re-attack of the round 9 fixes) found still open. Each key is
 * one check in fix9.test.ts; while a key is listed the check must still FAIL (the list can only
 * shrink): fix the problem, then delete its key here. Severity first.
 */
export const OPEN_TODAY: Readonly<Record<string, string>> = {
  'absolute-path-from-another-cwd-misses-grants':
    'high: `cd /elsewhere && tki-guard /repo/src` finds /repo/tki.policy.json but names files relative to the cwd, so no grant matches (exit 1; 0 from the root)',
  'tsconfig-beside-a-policy-overrides-the-root-policy':
    'high: `tki-guard -p config/tsconfig.json` (include ../src) reads config/tki.policy.json, whose grant `../src/x.ts` (or `**`) passes a file ESLint judges under the root policy (guard 0, ESLint 1)',
  'tsconfig-outside-the-repository-ignores-its-policy':
    'medium: a tsconfig outside the repository whose include names the repository`s files: the defaults apply (guard 1, ESLint 0 under the repository`s grant)',
  'symlinked-path-changes-the-verdict':
    'medium: the same package named through a symlink from outside it: guard and ESLint 1 (defaults), from its real path 0 (the root grant)',
  'launcher-sigusr1-before-its-handler':
    'medium: SIGUSR1 in the launcher`s first ~100 ms (node bootstrap, before cli/fail-closed runs) opens a debugger on 127.0.0.1:9229 that stays open for the whole run (root launcher: any local user can connect)',
  'node-options-inspect-reaches-the-launcher':
    'low: NODE_OPTIONS=--inspect in the operator`s environment makes the (root) launcher listen on a debugger port; tki neither refuses nor strips it',
  'unhandled-signals-leave-the-work-directory':
    'low: SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF end the launcher by default action and leave <TMPDIR>/tki-engine-* (the staged packet) until the next start',
};
