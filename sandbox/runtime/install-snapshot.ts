import { unsupportedPlatformLine } from '../../cli/platform.js';

/**
 * The packed `tki`'s `postinstall` (scripts/pack/packages.ts): builds the inspector's start-up
 * snapshot in tki's own package directory with the node npm runs it with — the user's — by the
 * same function as `npm run build` and `tki rebuild-snapshot` (inside-snapshot-blob.ts), from the
 * script the package ships. No network, no compiler. A failure never fails the install: the
 * package then starts the inspector from the plain bundle, and this says so in one line (npm shows
 * a dependency's script output only with --foreground-scripts; `tki run --verbose` says it at
 * every run). Where the inspector does not run (not Linux x64: tki refuses at run time) there is
 * nothing to build.
 */
const PREFIX = 'tki postinstall';

if (unsupportedPlatformLine() === undefined) {
  let line: string;
  let built = false;
  try {
    // Loaded here, not imported above: a module that fails to load is one line too, never a failed install.
    const [{ buildInsideSnapshotBlob, snapshotBuildLine }, { packageRoot }] = await Promise.all([import('./inside-snapshot-blob.js'), import('./package-root.js')]);
    const result = buildInsideSnapshotBlob(packageRoot());
    built = result.ok;
    line = snapshotBuildLine(PREFIX, result);
  } catch (error) {
    line = `${PREFIX}: start-up snapshot not built (${error instanceof Error ? error.message : String(error)}): tki runs the inspector from the plain bundle, slower to start; retry with \`tki rebuild-snapshot\``;
  }
  (built ? process.stdout : process.stderr).write(`${line}\n`);
}
// No exit code is set anywhere here: the script ends 0 whatever the build did, so npm's install succeeds.
