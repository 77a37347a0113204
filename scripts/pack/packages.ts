import { TYPESCRIPT_PEER_RANGE } from '../../eslint-plugin-tki/typescript-support.js';
import { INSIDE_SNAPSHOT } from '../../sandbox/runtime/bundle-paths.js';

/**
 * The three published packages, as data. Each is laid out from the build output (dist/) by
 * `npm run pack:packages`: the files its entry points reach, so shared code (policy/, analysis/) is bundled
 * into each package rather than published as a fourth one (see docs/install.md, Choices).
 * Version, license, engines and the repository links come from the root package.json, and every
 * dependency range from its `dependencies`: one place for each fact.
 */
export interface PackageSpec {
  readonly name: string;
  readonly description: string;
  readonly keywords: readonly string[];
  /** dist-relative entry files; their import closure is what ships. */
  readonly entries: readonly string[];
  /** Ship the `.d.ts` of the closure (the plugin is imported from typed configs). */
  readonly types: boolean;
  readonly bin?: Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly main?: string;
  readonly typesEntry?: string;
  /** Imported packages the user provides (ranges here, not from the root manifest). */
  readonly peers: Readonly<Record<string, string>>;
  /** Ship every dependency inside the tarball (the sandbox mounts them from the package itself). */
  readonly bundleDependencies: boolean;
  /** Dependencies no shipped file imports by name but that the package needs at run time. */
  readonly extraDependencies: readonly string[];
  /** Files and directories copied as they are: repository path -> package path. */
  readonly copies: Readonly<Record<string, string>>;
  /** The package's README, a repository path. */
  readonly readme: string;
  /** npm lifecycle scripts the installed package runs (tki: its start-up snapshot, built at install). */
  readonly scripts?: Readonly<Record<string, string>>;
}

/** The packed tki's postinstall entry (sandbox/runtime/install-snapshot.ts). */
export const INSTALL_SNAPSHOT_ENTRY = 'dist/sandbox/runtime/install-snapshot.js';

const POLICY_SCHEMA = { 'schema/tki.policy.schema.json': 'schema/tki.policy.schema.json' };

export const PACKAGES: readonly PackageSpec[] = [
  {
    name: 'eslint-plugin-tki',
    description: 'ESLint rules that flag code reaching a capability it does not hold: network, processes, files, env, dynamic code, native code, databases, unknown packages',
    keywords: ['eslint', 'eslintplugin', 'eslint-plugin', 'security', 'capabilities', 'least-privilege'],
    entries: ['dist/eslint-plugin-tki/index.js', 'dist/eslint-plugin-tki/index.cjs'],
    types: true,
    exports: {
      '.': {
        import: { types: './dist/eslint-plugin-tki/index.d.ts', default: './dist/eslint-plugin-tki/index.js' },
        require: { types: './dist/eslint-plugin-tki/index.d.cts', default: './dist/eslint-plugin-tki/index.cjs' },
      },
      './package.json': './package.json',
      './schema/tki.policy.schema.json': './schema/tki.policy.schema.json',
    },
    main: './dist/eslint-plugin-tki/index.cjs',
    typesEntry: './dist/eslint-plugin-tki/index.d.ts',
    peers: { eslint: '^9.0.0 || ^10.0.0', typescript: TYPESCRIPT_PEER_RANGE },
    bundleDependencies: false,
    extraDependencies: [],
    copies: POLICY_SCHEMA,
    readme: 'eslint-plugin-tki/README.md',
  },
  {
    name: 'tki-guard',
    description: 'Whole-program capability guard for TypeScript and JavaScript projects: every module that reaches the network, a process, files or the environment without a grant, with the import path that proves it',
    keywords: ['security', 'capabilities', 'least-privilege', 'static-analysis', 'supply-chain', 'sarif'],
    // The bin runs a bundle of the guard (bundle-guard.ts); the modules it was made from ship too:
    // the analysis threads run them, and the saved resolutions and kept search results are keyed by
    // the files of their folders (guard/own-files.ts).
    entries: ['dist/guard/cli.js', 'dist/guard/index.js'],
    types: false,
    bin: { 'tki-guard': 'dist/guard/cli.js' },
    exports: { './package.json': './package.json', './schema/tki.policy.schema.json': './schema/tki.policy.schema.json' },
    // Its own TypeScript, never the project's: ts-morph (typed mode) brings its own copy, and the
    // shared analysis must run on the same one (guard/typescript-copies.ts checks it at start-up).
    peers: {},
    bundleDependencies: false,
    extraDependencies: [],
    copies: POLICY_SCHEMA,
    readme: 'scripts/pack/readme/tki-guard.md',
  },
  {
    name: 'tki',
    description: 'The tki evidence inspector: reads an evidence packet inside a deny-by-default sandbox (bubblewrap, podman or docker) and writes a non-gating report; Linux x64',
    keywords: ['security', 'sandbox', 'evidence', 'audit', 'seccomp'],
    // dist/cli/main.js is a bundle (sandbox/runtime/bundle-sandbox.ts); the sandbox runs the bundles below.
    // install-snapshot.js is the postinstall below: it builds the start-up snapshot with the user's node.
    entries: ['dist/cli/tki.js', 'dist/sandbox/probes/main.js', 'dist/sandbox/bundle/tki-inside.js', 'dist/sandbox/bundle/probes.js', 'dist/sandbox/bundle/inside.js', INSTALL_SNAPSHOT_ENTRY],
    types: false,
    bin: { tki: 'dist/cli/tki.js' },
    exports: { './package.json': './package.json', './schema/packet.schema.json': './schema/packet.schema.json' },
    peers: {},
    // The inspector runs inside the sandbox with only its own package mounted: its dependencies
    // must sit in its own node_modules, never hoisted into the user's.
    bundleDependencies: true,
    extraDependencies: [],
    copies: {
      'schema/packet.schema.json': 'schema/packet.schema.json',
      'dist/sandbox/runtime-packages.json': 'dist/sandbox/runtime-packages.json',
      // The files bwrap hands into the sandbox (recorded at build): without it `tki run` cannot start.
      'dist/sandbox/runtime-files.json': 'dist/sandbox/runtime-files.json',
      'sandbox/native/build/Release/tki_seccomp.node': 'sandbox/native/build/Release/tki_seccomp.node',
      // A root operator's bwrap sandbox enters its cgroup through it (sandbox/native/tki_enter_cgroup.c).
      'sandbox/native/build/Release/tki-enter-cgroup': 'sandbox/native/build/Release/tki-enter-cgroup',
      // `--engine podman|docker` builds the sandbox image from it (sandbox/engines/sandbox-dockerfile.ts).
      'Dockerfile.sandbox': 'Dockerfile.sandbox',
      // A packet to try `tki run` on right after installing (the README's operator example).
      'fixtures/packets/fix7-a/packet.json': 'examples/fix7-a/packet.json',
      'fixtures/packets/fix7-a/content': 'examples/fix7-a/content',
      // What the install-time snapshot build runs: `tki inspect` bundled as one script (no bundler at install).
      [INSIDE_SNAPSHOT.script]: INSIDE_SNAPSHOT.script,
    },
    readme: 'scripts/pack/readme/tki.md',
    // The blob is never shipped: V8 loads only a blob built by the same node binary, so the user's
    // node builds it (docs/sandbox.md, "The installed tki's snapshot"). A failure is one line, never a failed install.
    scripts: { postinstall: `node ${INSTALL_SNAPSHOT_ENTRY}` },
  },
];
