/**
 * Programs that run command lines they read from files (choice 90): `make` runs a makefile's
 * recipes (`Makefile`, `GNUmakefile`, `-f FILE`) through `/bin/sh`; git runs a `!` alias, a pager,
 * an editor, an ssh command or an fsmonitor hook named in a config file (the global one is chosen
 * by `HOME`, `XDG_CONFIG_HOME`, `GIT_CONFIG_GLOBAL`…); `just`, `task`, `ninja`, `rake` and `invoke`
 * run their own files' recipes. The syntax reads no file, so such a command is UNANALYZED, but for
 * the options that only print (`make -n`: GNU make still runs `+` recipe lines, `$(MAKE)` lines and
 * `$(shell …)`, which a makefile of the project would show: not read, documented) and, for git, a
 * builtin subcommand (git never lets an alias shadow one) run with a configuration the line does
 * not choose. npm, yarn, pnpm and bun scripts are entry-command-wrappers.ts's; `env -S` is split
 * there too.
 */

interface FileCommandProgram {
  /** The file the commands come from, for the message. */
  readonly source: string;
  /** Options after which the program prints what it would run, or only prints. */
  readonly printing: ReadonlySet<string>;
  /** Single-letter printing options that may stand in a cluster (`make -sn`). */
  readonly printingLetters?: string;
}

const program = (source: string, printing: readonly string[], printingLetters?: string): FileCommandProgram => ({ source, printing: new Set(printing), ...(printingLetters === undefined ? {} : { printingLetters }) });

const MAKE = program('a makefile (`Makefile`, `GNUmakefile`, `-f FILE`)', ['--just-print', '--dry-run', '--recon', '--question', '--version', '--help', '-v', '-h'], 'nq');

const FILE_COMMAND_PROGRAMS = new Map<string, FileCommandProgram>([
  ['make', MAKE],
  ['gmake', MAKE],
  ['bmake', MAKE],
  ['pmake', MAKE],
  ['remake', MAKE],
  ['just', program('a justfile', ['--dry-run', '-n', '--list', '-l', '--summary', '--show', '-s', '--version', '-V', '--help', '-h', '--evaluate', '--variables'])],
  ['task', program('a Taskfile', ['--dry', '-n', '--list', '-l', '--list-all', '-a', '--summary', '--version', '--help', '-h'])],
  ['go-task', program('a Taskfile', ['--dry', '-n', '--list', '-l', '--list-all', '-a', '--summary', '--version', '--help', '-h'])],
  ['ninja', program('a `build.ninja`', ['-n', '--version', '-h', '--help'])],
  ['rake', program('a Rakefile', ['-n', '--dry-run', '-T', '--tasks', '-P', '--prereqs', '-V', '--version', '-h', '--help'])],
  ['invoke', program('a `tasks.py`', ['-l', '--list', '-V', '--version', '-h', '--help'])],
  ['inv', program('a `tasks.py`', ['-l', '--list', '-V', '--version', '-h', '--help'])],
]);

/** git's builtin subcommands (git 2.39 `--list-cmds=builtins`, and `submodule`/`version`): an alias of the same name is never run. */
const GIT_BUILTINS = new Set(
  (
    'add am annotate apply archive bisect blame branch bugreport bundle cat-file check-attr check-ignore check-mailmap check-ref-format checkout ' +
    'checkout-index cherry cherry-pick clean clone column commit commit-graph commit-tree config count-objects credential describe diagnose diff ' +
    'diff-files diff-index diff-tree difftool fast-export fast-import fetch fetch-pack fmt-merge-msg for-each-ref for-each-repo format-patch fsck ' +
    'gc get-tar-commit-id grep hash-object help hook index-pack init init-db interpret-trailers log ls-files ls-remote ls-tree mailinfo mailsplit ' +
    'maintenance merge merge-base merge-file merge-index merge-tree mktag mktree multi-pack-index mv name-rev notes pack-objects pack-refs patch-id ' +
    'prune prune-packed pull push range-diff read-tree rebase reflog remote repack replace rerere reset restore rev-list rev-parse revert rm ' +
    'shortlog show show-branch show-index show-ref sparse-checkout stage stash status stripspace submodule switch symbolic-ref tag unpack-file ' +
    'unpack-objects update-index update-ref update-server-info var verify-commit verify-pack verify-tag version whatchanged worktree write-tree'
  ).split(' '),
);

/** git's options before the subcommand that take the next word (`-C dir`, `-c key=value`). */
const GIT_VALUE_OPTIONS = new Set(['-C', '-c', '--config-env', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--super-prefix', '--list-cmds']);

/**
 * Variables that choose the configuration git reads, or name a command git runs: set anywhere on the
 * line (a prefix, an `export`, an `env` operand), they may make any git command run one.
 */
const GIT_COMMAND_VARIABLES = new Set(['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS', 'GIT_DIR', 'GIT_EXEC_PATH', 'GIT_PAGER', 'PAGER', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'EDITOR', 'VISUAL', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_PROXY_COMMAND']);

/** `-c` keys that name no command (an identity, colours, advice, the default branch); any other may. */
const INERT_GIT_KEYS = /^(user\.(name|email)|author\.(name|email)|committer\.(name|email)|color\..*|advice\..*|init\.defaultbranch|core\.quotepath|core\.autocrlf|safe\.directory|commit\.gpgsign|tag\.gpgsign|protocol\.version|pull\.rebase|pull\.ff|merge\.ff|fetch\.prune|log\.showsignature)$/i;

/**
 * Why a command of `program` with these words (after the program; `undefined` a word the syntax cannot
 * read) may run a command line the syntax does not see; undefined when it runs none. `assigned`: the
 * variable names the line assigns anywhere.
 */
export function fileCommandWhy(name: string, words: ReadonlyArray<string | undefined>, assigned: ReadonlySet<string>): string | undefined {
  if (name === 'git') return gitWhy(words, assigned);
  const spec = FILE_COMMAND_PROGRAMS.get(name);
  if (spec === undefined) return undefined;
  for (const word of words) {
    if (word === '--') break;
    if (word === undefined) continue;
    if (spec.printing.has(word) || spec.printing.has(word.split('=', 1)[0] as string)) return undefined;
    const letters = spec.printingLetters;
    if (letters !== undefined && /^-[A-Za-z]+$/.test(word) && [...word.slice(1)].some((letter) => letters.includes(letter))) return undefined;
  }
  return `\`${name}\` runs the command lines of ${spec.source}, which the syntax does not read: they may start Node on any file`;
}

function gitWhy(words: ReadonlyArray<string | undefined>, assigned: ReadonlySet<string>): string | undefined {
  const chosen = [...assigned].filter((variable) => GIT_COMMAND_VARIABLES.has(variable) || (variable.startsWith('GIT_CONFIG_') && variable !== 'GIT_CONFIG_NOSYSTEM'));
  if (chosen.length > 0) return `git run with \`${chosen.join('`, `')}\` set on the line reads a configuration (or runs a command) the syntax does not see: a \`!\` alias, pager or hook there may start Node on any file`;
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    // `spawnSync('git', args)`: a subcommand the program computes is its own data; an alias needs a configuration the line does not choose.
    if (word === undefined) return undefined;
    if (!word.startsWith('-')) {
      if (GIT_BUILTINS.has(word)) return undefined;
      return `\`git ${word}\` is no git builtin: an alias (\`!…\`) in a configuration file, or a \`git-${word}\` program, runs it and may start Node on any file`;
    }
    const [option, inline] = word.split('=', 2) as [string, string | undefined];
    if (option === '--version' || option === '--help' || option === '-h') return undefined;
    if (option === '-c' || option === '--config-env') {
      const value = inline ?? words[index + 1];
      const key = value?.split('=', 1)[0];
      if (key === undefined || !INERT_GIT_KEYS.test(key)) return `git \`${option} ${value ?? '…'}\` sets a configuration that may name a command (an alias, a pager, a hook): it may start Node on any file`;
    }
    if (GIT_VALUE_OPTIONS.has(option) && inline === undefined) index++;
  }
  return undefined;
}

/** Whether `name` is a program of this table (git included). */
export function isFileCommandProgram(name: string): boolean {
  return name === 'git' || FILE_COMMAND_PROGRAMS.has(name);
}
