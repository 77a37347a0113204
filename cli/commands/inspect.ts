import { fstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyExecLock, DEFAULT_PROFILE, judgeNodeHardening, refusedCallsLine, runSelfCheck, selfCheckRefusalLine, takeResourceLimits } from '../../sandbox/inside.js';
import { inspectPacket, parseInspectArgs } from '../../src/index.js';
import { printError } from '../output.js';
import type { CliCommand } from './command.js';

/**
 * The entry point inside the sandbox (SPEC §9). Order is the contract: lock exec, confirm every
 * P1 invariant, then let the inspector read. The report, and the verdict line with it, leave as
 * frames on the report channel (`--report-fd`, fd 3 unless the engine needs stdout); nothing is
 * written to a file. A failure before the inspector is one stderr line and exit 3 with nothing read
 * or sent; run outside a sandbox, this always blocks.
 */
export const inspectCommand: CliCommand = {
  async run(argv) {
    // The run's resource limits come from the launcher (the operator may have changed them).
    const limited = takeResourceLimits(argv, DEFAULT_PROFILE);
    if ('error' in limited) {
      printError(`tki inspect: ${limited.error}`);
      return 3;
    }
    const profile = limited.profile;
    const parsed = parseInspectArgs(limited.argv);
    if (!parsed.ok) {
      printError(parsed.line);
      return 3;
    }
    // The lock sets RLIMIT_FSIZE to 0, after which a write to a regular file fails (EFBIG): with
    // stderr redirected to a file (`2>log`, a CI log) every refusal below would vanish. The
    // launcher always reads stderr through a pipe, so a file there means no sandbox: say it now.
    if (stderrIsRegularFile()) {
      printError("tki: BLOCKED: sandbox self-check (P1) refused before it ran: stderr is a regular file, and inside the sandbox no file may be written; tki inspect runs only inside the sandbox that 'tki run' starts");
      return 3;
    }
    const lock = applyExecLock(profile);
    if (!lock.ok) {
      printError(`tki: BLOCKED: the in-process exec lock could not be installed (${lock.code}): ${lock.detail}`);
      return 3;
    }
    // Named at exit, whatever the outcome: a call the allowlist lacks is the likeliest cause of an odd failure.
    process.once('exit', () => {
      const line = refusedCallsLine('tki inspect');
      if (line !== undefined) printError(line);
    });
    const check = runSelfCheck(profile);
    if (!check.ok) {
      printError(selfCheckRefusalLine(check.failed));
      return 3;
    }
    const hardening = judgeNodeHardening(DEFAULT_PROFILE, { permission: process.permission, execArgv: [...process.execArgv] });
    if (!hardening.confirmed) {
      printError(selfCheckRefusalLine(hardening));
      return 3;
    }
    if (resolve(parsed.options.packetPath) !== DEFAULT_PROFILE.packet.target) {
      printError(`tki: BLOCKED: inside the sandbox the packet is read from ${DEFAULT_PROFILE.packet.target} only`);
      return 3;
    }
    const outcome = await inspectPacket(parsed.options);
    // Sent on the channel with the report; here only when it could not be sent.
    if (outcome.reportFiles.length === 0) printError(outcome.line);
    return outcome.exitCode;
  },
};

function stderrIsRegularFile(): boolean {
  try {
    return fstatSync(2).isFile();
  } catch {
    return false;
  }
}
