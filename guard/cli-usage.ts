/** The help texts (`tki-guard --help`, `tki-guard diff --help`): at most 100 columns, options with their short flags, exit codes last. */

export const USAGE = `Usage: tki-guard [paths…] [options]
       tki-guard diff [BASE] [paths…] [options]   (tki-guard diff --help)
       tki-guard help [diff]

Whole-program capability analysis: every module that reaches a capability its policy
(tki.policy.json) does not grant, with the import path that proves it. Without paths it
analyzes the tsconfig.json of the current directory (and the JavaScript under its \`include\`).
The policy is the nearest tki.policy.json above the analyzed directory, up to the repository
root (past nested packages, unless that policy ignores them); without one, the recommended
defaults apply.

Options:
  -p, --project FILE          analyze the files of this tsconfig (a directory: its tsconfig.json)
  -f, --format FORMAT         text (default), json or sarif (2.1.0)
  -o, --output FILE           write the report to FILE instead of stdout (a SARIF is written on
                              exit 2 too, for the upload step)
      --level LEVEL           recommended (default) or strict: the rules of the plugin's config
                              of that name
      --baseline FILE         known findings (default: tki-baseline.json in the project root,
                              when present)
      --update-baseline       write the baseline file so that it accepts every current finding
      --prune-baseline        remove fixed findings from the baseline file, accept nothing new
      --no-baseline           ignore the baseline file
  -w, --watch                 analyze, then re-report after every change of a project file
  -j, --jobs N                threads that parse files (default 1: no worker thread)
      --deps                  also analyze the JavaScript that dependencies ship
      --cache-location DIR    where the content cache lives (default node_modules/.cache/tki;
                              without node_modules, ~/.cache/tki/<project>-<hash>)
      --policy FILE           use this policy file instead of the nearest tki.policy.json (its
                              directory is then the project root when it holds the inputs, else
                              the inputs' package root, as the plugin's policyFile)
      --no-cache              neither read nor write the cache
      --no-depcruise          skip the dependency-cruiser pass
      --fast                  syntactic detector only (default with a tsconfig: the type checker
                              classifies every reference by its declaration)
      --print-depcruise-rules print the dependency-cruiser rules the policy derives, as JSON
  -h, --help                  print this help and exit 0
  -v, --version               print the version and exit 0

Exit codes:
  0  no findings
  1  findings, or baseline entries to prune
  2  usage or tool error (one line on stderr)
`;

export const DIFF_USAGE = `Usage: tki-guard diff [BASE] [paths…] [options]
       tki-guard diff [options] -- [paths…]

Lists the capabilities gained and lost since the git revision BASE, per module and per package,
each with the import path that shows it. Both trees are analyzed under the working tree's policy.
BASE defaults to the merge base of HEAD with the default branch (origin/HEAD, else origin/main,
origin/master, main, master); the first argument is BASE, as in git, so paths with the default
BASE go after \`--\` (\`tki-guard diff -- src\`). In CI, check out the full history (GitHub
Actions: actions/checkout with \`fetch-depth: 0\`).

Options:
  -p, --project FILE          analyze the files of this tsconfig (a directory: its tsconfig.json)
  -f, --format FORMAT         text (default), json or markdown (a pull-request comment)
  -o, --output FILE           write the report to FILE instead of stdout
      --level LEVEL           recommended (default) or strict: the defaults without a policy file
  -j, --jobs N                threads that parse files (default 1: no worker thread)
      --deps                  also analyze the JavaScript that dependencies ship
      --cache-location DIR    where the content cache lives (default node_modules/.cache/tki;
                              without node_modules, ~/.cache/tki/<project>-<hash>)
      --policy FILE           use this policy file instead of the nearest tki.policy.json (its
                              directory is then the project root when it holds the inputs, else
                              the inputs' package root, as the plugin's policyFile)
      --no-cache              neither read nor write the cache
      --no-depcruise          skip the dependency-cruiser pass
      --fast                  syntactic detector only (default with a tsconfig: the type checker)
  -h, --help                  print this help and exit 0
  -v, --version               print the version and exit 0

Exit codes:
  0  nothing gained that the policy does not allow
  1  a capability gained that the policy does not allow
  2  usage, git or tool error (one line on stderr)
`;
