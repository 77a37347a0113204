import { join } from 'node:path';
import { packetLabelForVerdictLine } from '../../src/text/verdict-line-label.js';
import type { EngineExit } from '../launch/spawn-engine.js';
import type { SandboxProfile } from '../profile/types.js';
import { relayInsideLines } from './inside-stderr.js';
import { launcherBlockedReport } from './launcher-report.js';
import type { OutputDirectory } from './output-dir.js';
import type { ReportJsonCheck } from './report-schema-check.js';
import { settleRun } from './settle.js';
import { writeTriplet, type ReportTriplet } from './write-triplet.js';
import { untrusted } from '../../src/text/untrusted-span.js';

export type FinishedRun =
  | { readonly ok: true; readonly exitCode: 1 | 2 | 3; readonly stdoutLines: readonly string[]; readonly stderrLines: readonly string[] }
  | { readonly ok: false; readonly line: string };

export interface FinishRequest {
  readonly exit: EngineExit;
  readonly profile: SandboxProfile;
  readonly output: OutputDirectory;
  /** The operator's `--name`. */
  readonly name: string | undefined;
  /** The packet as the operator typed it: the verdict line names it so, never by what the packet says it is. */
  readonly packetLabel: string;
  readonly checkReportJson: (value: unknown, maxListedClaims?: number) => ReportJsonCheck;
  readonly checkpointName: string;
}

const EXIT_BY_VERDICT: Readonly<Record<string, 1 | 2 | 3>> = { READ_LEVEL_FAIL: 1, UNVERIFIED: 2, BLOCKED: 3 };

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

export { MAX_RELAYED_INSIDE_LINES } from './inside-stderr.js';

/**
 * The inside's stderr as the operator sees it (inside-stderr.ts): a refusal's own `tki: BLOCKED:`
 * line as it is, every other line marked as the sandbox's, at most a few, then a count.
 */
export function relayedInsideLines(stderr: string, refused = true): string[] {
  return relayInsideLines(lines(stderr), { refused, stream: 'stderr' });
}

/**
 * The launcher's last step of `tki run`: from the engine's exit and the decoded report channel to
 * the files in `--out` — the inside's triplet when it arrived complete and valid, else the
 * launcher's own BLOCKED report naming the limit or the refusal. Only the three allowlisted names
 * are ever written, only into `output`; nothing the inside sent can crash this (it is all data).
 */
export async function finishRun(request: FinishRequest): Promise<FinishedRun> {
  const { exit, profile, output, name } = request;
  const settled = settleRun(exit, profile, request.checkpointName, request.checkReportJson);
  const stdoutLines = lines(exit.stdout);
  if (settled.kind === 'refused') {
    output.release();
    const relayed = relayedInsideLines(exit.stderr, true);
    // P1 names its refusal itself; an inside that ended with nothing to say still gets one line (red team round 9).
    const silent = relayed.length === 0 ? [`tki run: BLOCKED: the sandbox ended (status ${String(exit.exitCode)}) without a report or a reason; nothing was written into ${untrusted(output.typed)}`] : [];
    return { ok: true, exitCode: 3, stdoutLines: relayInsideLines(stdoutLines, { refused: false, stream: 'stdout' }), stderrLines: [...relayed, ...silent] };
  }
  let triplet: ReportTriplet;
  let exitCode: 1 | 2 | 3;
  if (settled.kind === 'report') {
    triplet = settled.triplet;
    exitCode = EXIT_BY_VERDICT[settled.finalVerdict] ?? 3;
  } else {
    triplet = await launcherBlockedReport(settled.code, settled.detail, name);
    exitCode = 3;
  }
  // A limit that fired is named by the report and the verdict line; what the dying process printed
  // (V8's heap dump and native stack, a flood) is not passed to the terminal.
  const shownStderr = settled.kind === 'blocked' ? [] : relayedInsideLines(exit.stderr, false);
  const written = writeTriplet(output, triplet, profile.reportFileMode);
  output.release();
  if (!written.ok) return { ok: false, line: `tki run: BLOCKED: could not write the report into ${untrusted(output.typed)} (${written.reason})` };
  const reportLines = triplet.files.map((file) => `report: ${untrusted(join(output.typed, file.name))}`);
  const verdictLine = triplet.line === undefined ? [] : [`${triplet.line} · packet ${packetLabelForVerdictLine(request.packetLabel)}`];
  return { ok: true, exitCode, stdoutLines: [...verdictLine, ...(settled.kind === 'blocked' ? [] : relayInsideLines(stdoutLines, { refused: false, stream: 'stdout' })), ...reportLines], stderrLines: shownStderr };
}
