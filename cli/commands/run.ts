import { DEFAULT_PROFILE, formatInsideStartUp, inspectInSandbox, withOperatorLimits, type InsideStartUp } from '../../sandbox/launcher.js';
import { engineFlag } from '../engine-flag.js';
import { parseFlags, usageProblem } from '../flags.js';
import { printError, printShownLines } from '../output.js';
import type { CliCommand } from './command.js';

/**
 * The operator's command (SPEC §9): `tki inspect` inside the chosen engine, its verdict line and
 * report paths printed, its exit code returned (never 0).
 */
export const runCommand: CliCommand = {
  async run(argv) {
    const parsed = parseFlags(argv, { command: 'run', positionals: ['<packet>'], required: ['out'], optional: ['engine', 'name', 'timeout', 'memory', 'cpu', 'processes'], switches: ['verbose'] });
    if (!parsed.ok) {
      printError(parsed.line);
      return 3;
    }
    const chosen = engineFlag(parsed.flags.engine, 'run');
    if (!chosen.ok) {
      printError(chosen.line);
      return 3;
    }
    const { timeout, memory, cpu, processes } = parsed.flags;
    const limited = withOperatorLimits(DEFAULT_PROFILE, { timeout, memory, cpu, processes });
    if (!limited.ok) {
      printError(usageProblem('run', limited.problem));
      return 3;
    }
    // --verbose: how the inspector starts inside (its start-up snapshot or the plain bundle, and why), before the run.
    const onStartUp = parsed.switches.has('verbose') ? (startUp: InsideStartUp) => printError(`tki run: ${formatInsideStartUp(startUp)}`) : undefined;
    const result = await inspectInSandbox({ engine: chosen.engine, packetPath: parsed.positionals[0] ?? '', outputDir: parsed.flags.out ?? '', name: parsed.flags.name, profile: limited.profile, onStartUp });
    // Every line that carries text tki did not write marks it (untrusted-span.ts); printShownLines shows it.
    if (!result.ok) {
      await printShownLines([result.line], 'stderr');
      return 3;
    }
    // The verdict line is composed inside the sandbox by `tki inspect`; the user typed `tki run`.
    await printShownLines(result.stdoutLines.map((line) => line.replace(/^tki inspect: /, 'tki run: ')), 'stdout');
    await printShownLines(result.stderrLines, 'stderr');
    return result.exitCode;
  },
};
