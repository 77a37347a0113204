import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_PROFILE, runSandboxed } from '../../sandbox/launcher.js';
import { engineFlag } from '../engine-flag.js';
import { parseFlags } from '../flags.js';
import { printError, printLine } from '../output.js';
import type { CliCommand } from './command.js';
import { USAGE } from './usage.js';


/** Exit codes the inspector may answer; anything else (a crash, a signal, an engine error) is 3. */
function inspectorExitCode(code: number): number {
  return code === 1 || code === 2 || code === 3 ? code : 3;
}

/** The inside paths the inspector prints (`report: /out/report.json`) as the operator's host paths. */
function toHostLine(line: string, outputDir: string): string {
  const prefix = `report: ${DEFAULT_PROFILE.output.target}/`;
  return line.startsWith(prefix) ? `report: ${join(outputDir, line.slice(prefix.length))}` : line;
}

/**
 * The operator's command (SPEC §9): the packet read-only at /in, the output directory at /out,
 * `tki inspect` inside the chosen engine, its exit code returned as is.
 */
export const runCommand: CliCommand = {
  async run(argv) {
    const parsed = parseFlags(argv, { command: 'run', usage: USAGE.run, positionals: ['<packet>'], required: ['out'], optional: ['engine', 'name'] });
    if (!parsed.ok) {
      printError(parsed.line);
      return 3;
    }
    const chosen = engineFlag(parsed.flags.engine, 'run', USAGE.run);
    if (!chosen.ok) {
      printError(chosen.line);
      return 3;
    }
    const engine = chosen.engine;
    const packetPath = resolve(parsed.positionals[0] ?? '');
    let packetIsFile: boolean;
    try {
      const stats = statSync(packetPath);
      packetIsFile = stats.isFile();
      if (!packetIsFile && !stats.isDirectory()) throw new Error('not a file or directory');
      if (packetIsFile && !packetPath.endsWith('.json')) throw new Error('a single-file packet must be a .json file');
    } catch (error) {
      printError(`tki run: BLOCKED: cannot use the packet ${packetPath}: ${error instanceof Error ? error.message : String(error)}`);
      return 3;
    }
    const outputDir = resolve(parsed.flags.out ?? '');
    mkdirSync(outputDir, { recursive: true });
    const name = parsed.flags.name;
    const run = await runSandboxed({
      engine,
      profile: DEFAULT_PROFILE,
      packetPath,
      packetIsFile,
      outputDir,
      nodeArgs: (runtime) => [runtime.cliEntry, 'inspect', '--in', DEFAULT_PROFILE.packet.target, '--out', DEFAULT_PROFILE.output.target, ...(name === undefined ? [] : ['--name', name])],
    });
    if (!run.ok) {
      printError(run.line);
      return 3;
    }
    for (const line of run.exit.stdout.split('\n')) if (line !== '') printLine(toHostLine(line, outputDir));
    if (run.exit.stderr !== '') process.stderr.write(run.exit.stderr.endsWith('\n') ? run.exit.stderr : `${run.exit.stderr}\n`);
    return inspectorExitCode(run.exit.exitCode);
  },
};
