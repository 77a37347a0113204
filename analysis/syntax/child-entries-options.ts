/**
 * Node's command-line options, as `node --help` (20.x, with the later versions' additions) lists
 * them: which take a value (`--title x` or `--title=x`), which load a file before the entry, and
 * which mean there is no entry file at all. An option in neither table is judged by what follows
 * it (child-entries-args.ts): V8 flags take `--flag value` too.
 */

/** Options that load a module before the entry: each value is an entry of the program too. */
export const PRELOAD_OPTIONS = new Map<string, 'require' | 'dynamic-import'>([
  ['-r', 'require'],
  ['--require', 'require'],
  ['--import', 'dynamic-import'],
  ['--loader', 'dynamic-import'],
  ['--experimental-loader', 'dynamic-import'],
]);

/** Options after which Node runs no program of the caller's: it prints and exits (or processes a V8 log). */
export const NO_PROGRAM_OPTIONS = new Set(['-v', '--version', '-h', '--help', '--v8-options', '--completion-bash', '--prof-process']);

/** Of those, the ones Node 20 answers before it loads a preload (`--help` and `--prof-process` load them first). */
export const PRINTS_BEFORE_PRELOADS: ReadonlySet<string> = new Set(['-v', '--version', '--v8-options', '--completion-bash']);

/**
 * Options that make Node run code from standard input (`node -`, the REPL fed by a pipe): a program
 * the caller writes at run time (`input:`, a pipe, a here-document), which the guard does not parse,
 * so UNANALYZED as `-e` is (session 12: `-` had been read as "no file to follow", and passed).
 */
export const STDIN_CODE_OPTIONS = new Set(['-', '-i', '--interactive']);

/** Options that only check the entry's syntax: the entry runs nothing (the preloads still run). */
export const CHECK_OPTIONS = new Set(['-c', '--check']);

/** Code written on the command line (`node -e "require('./x')"`): a program of its own the guard does not parse, so UNANALYZED. */
export const EVAL_OPTIONS = new Set(['-e', '--eval', '-p', '--print']);

/** Words of `-e` code that only prints (`node -p "process.versions.v8"`, `-e 'console.log(1)'`): code made of nothing else loads no file and reaches nothing. */
const INERT_EVAL_WORDS = new Set(['console', 'log', 'error', 'warn', 'info', 'JSON', 'stringify', 'parse', 'Math', 'String', 'Number', 'Boolean', 'true', 'false', 'null', 'undefined', 'typeof', 'process', 'version', 'versions', 'platform', 'arch', 'v8', 'node', 'modules']);

/** `-e` code written out whose every word is inert (no `require`, `import`, `fetch`, `eval`, property chains into anything else). */
export function isInertEvalCode(code: string): boolean {
  return (code.match(/[A-Za-z_$][\w$]*/g) ?? []).every((word) => INERT_EVAL_WORDS.has(word));
}

/** Options that run files Node finds by itself (the test runner's discovery, a package.json script): no file the syntax can name. */
export const DISCOVERING_OPTIONS = new Set(['--test', '--run', '--build-snapshot']);

/**
 * Options that name a file of environment variables Node reads at startup: a `NODE_OPTIONS` line in
 * it is applied (Node 20.x), so a preload may hide there. The syntax does not read the file.
 */
export const ENV_FILE_OPTIONS = new Set(['--env-file', '--env-file-if-exists']);

/** Options whose value may be the next argument. */
export const OPTIONS_WITH_VALUE = new Set([
  '-C', '--conditions', '--input-type', '--title', '--env-file', '--env-file-if-exists', '--experimental-default-type',
  '--allow-fs-read', '--allow-fs-write', '--build-snapshot-config', '--cpu-prof-dir', '--cpu-prof-interval', '--cpu-prof-name',
  '--diagnostic-dir', '--disable-proto', '--disable-warning', '--dns-result-order', '--experimental-policy', '--policy-integrity',
  '--experimental-sea-config', '--heap-prof-dir', '--heap-prof-interval', '--heap-prof-name', '--heapsnapshot-near-heap-limit',
  '--heapsnapshot-signal', '--icu-data-dir', '--inspect-port', '--debug-port', '--inspect-publish-uid', '--max-http-header-size',
  '--network-family-autoselection-attempt-timeout', '--openssl-config', '--redirect-warnings', '--report-directory', '--report-dir',
  '--report-filename', '--report-signal', '--secure-heap', '--secure-heap-min', '--snapshot-blob', '--test-concurrency',
  '--test-name-pattern', '--test-skip-pattern', '--test-reporter', '--test-reporter-destination', '--test-shard', '--test-timeout',
  '--tls-cipher-list', '--tls-keylog', '--trace-event-categories', '--trace-event-file-pattern', '--trace-require-module',
  '--unhandled-rejections', '--use-largepages', '--v8-pool-size', '--watch-path', '--stack-trace-limit', '--localstorage-file',
  '--experimental-config-file', '--watch-kill-signal', '--test-isolation', '--test-global-setup', '--test-coverage-include',
  '--test-coverage-exclude', '--test-coverage-branches', '--test-coverage-functions', '--test-coverage-lines', '--max-old-space-size',
  '--max-semi-space-size', '--stack-size', '--max-old-space-size-percentage',
]);

/** Options known to take no value (a bare `--inspect` takes its optional value only after `=`). */
export const BOOLEAN_OPTIONS = new Set([
  '--abort-on-uncaught-exception', '--allow-addons', '--allow-child-process', '--allow-wasi', '--allow-worker', '-c', '--check',
  '--cpu-prof', '--disable-wasm-trap-handler', '--disallow-code-generation-from-strings', '--enable-etw-stack-walking', '--enable-fips',
  '--enable-source-maps', '--experimental-eventsource', '--experimental-import-meta-resolve', '--experimental-network-imports',
  '--experimental-network-inspection', '--experimental-permission', '--permission', '--experimental-print-required-tla',
  '--experimental-require-module', '--experimental-test-coverage', '--experimental-test-module-mocks', '--experimental-vm-modules',
  '--experimental-wasm-modules', '--experimental-websocket', '--experimental-strip-types', '--experimental-transform-types',
  '--expose-gc', '--force-context-aware', '--force-fips', '--force-node-api-uncaught-exceptions-policy', '--frozen-intrinsics',
  '--heap-prof', '--huge-max-old-generation-size', '--insecure-http-parser', '--inspect', '--inspect-brk', '--inspect-wait',
  '--interpreted-frames-native-stack', '--jitless', '--no-addons', '--no-deprecation', '--no-experimental-detect-module',
  '--no-experimental-fetch', '--no-experimental-global-customevent', '--no-experimental-global-webcrypto', '--no-experimental-repl-await',
  '--no-experimental-require-module', '--no-extra-info-on-fatal-exception', '--no-force-async-hooks-checks', '--no-global-search-paths',
  '--enable-network-family-autoselection', '--no-warnings', '--node-memory-debug', '--openssl-legacy-provider', '--openssl-shared-config',
  '--pending-deprecation', '--preserve-symlinks', '--preserve-symlinks-main', '--prof', '--report-compact', '--report-exclude-network',
  '--report-on-fatalerror', '--report-on-signal', '--report-uncaught-exception', '--test-force-exit', '--test-only', '--throw-deprecation',
  '--tls-max-v1.2', '--tls-max-v1.3', '--tls-min-v1.0', '--tls-min-v1.1', '--tls-min-v1.2', '--tls-min-v1.3', '--trace-atomics-wait',
  '--trace-deprecation', '--trace-exit', '--trace-promises', '--trace-sigint', '--trace-sync-io', '--trace-tls', '--trace-uncaught',
  '--trace-warnings', '--track-heap-objects', '--use-bundled-ca', '--use-openssl-ca', '--watch', '--watch-preserve-output',
  '--zero-fill-buffers', '--expose-internals', '--allow-natives-syntax', '--no-strip-types', '--experimental-detect-module',
  '--experimental-default-config-file',
]);

/**
 * Options that change how the child finds the files its modules load (choice 87): links kept as
 * their own folder (`--preserve-symlinks`), a policy's dependency redirects, a removed resolution
 * mode, options read from a config file, a startup snapshot run in place of the entry. The guard
 * resolves every file as the project does, so a child started with one is UNANALYZED (its entry
 * and preloads are still followed).
 */
export const RESOLUTION_OPTIONS = new Set([
  '--preserve-symlinks', '--preserve-symlinks-main', '--experimental-policy', '--experimental-specifier-resolution',
  '--experimental-config-file', '--experimental-default-config-file', '--snapshot-blob',
]);

/** `--conditions=x`, `-C x`: conditions the child resolves `exports`/`imports` with besides Node's own. */
export const CONDITION_OPTIONS = new Set(['-C', '--conditions']);

/**
 * Conditions the guard already resolves every package with, in one set or another
 * (guard/resolve/node-shared.ts): naming one changes nothing the guard does not analyze.
 */
export const RESOLVED_CONDITIONS: ReadonlySet<string> = new Set(['node', 'import', 'require', 'module-sync', 'node-addons', 'default']);

/**
 * Environment variables Node reads at startup that change where a module is found (choice 87), and
 * whether a value changes anything: `NODE_PATH` adds folders for bare names (empty adds none),
 * `NODE_PRESERVE_SYMLINKS=1` is `--preserve-symlinks` (Node compares the text with `1`).
 */
export const RESOLUTION_VARIABLES: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['NODE_PATH', (value: string) => value !== ''],
  ['NODE_PRESERVE_SYMLINKS', (value: string) => value === '1'],
]);

/** The resolution variable a `NAME=value` word sets, when its value (undefined: computed) may change resolution. */
export function resolutionVariableOf(name: string, value: string | undefined): string | undefined {
  const changes = RESOLUTION_VARIABLES.get(name);
  return changes !== undefined && (value === undefined || changes(value)) ? name : undefined;
}
