import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ChannelDecoder } from '../../src/io/report-frame.js';
import { inspectPacket, type InspectOutcome } from '../../src/index.js';
import { DEFAULT_LIMITS, type InspectorLimits } from '../../src/pipeline/limits.js';
import { prepareOutputDirectory } from './output-dir.js';
import { checkReportJson, expectedCheckpointName } from './report-schema-check.js';
import { reportChannelCaps } from './channel-caps.js';
import { checkTriplet, writeTriplet } from './write-triplet.js';
import { terminalLine } from '../../src/text/verdict-line-label.js';

export interface InProcessInspection {
  readonly packetPath: string;
  readonly outDir: string;
  readonly name?: string;
}

/**
 * The inspector and the launcher's writer in one process, without a sandbox: the report channel
 * is a temp file instead of a pipe, then decoded, validated and written exactly as `tki run` does.
 * For tests, benchmarks and the acceptance run; `reportFiles` are the written host paths. `--out` is
 * checked first and by the same rules as `tki run` (SPEC §5: never the packet directory or inside it,
 * never holding a single-file packet, empty or a previous run's three files); a refusal is an exit-3
 * outcome, not a thrown error, and nothing is read or written.
 */
export async function inspectToDirectory(request: InProcessInspection, limits: InspectorLimits = DEFAULT_LIMITS): Promise<InspectOutcome> {
  const output = prepareOutputDirectory(request.outDir, packetAsNamed(request.packetPath), 'inspect');
  if (!output.ok) return { exitCode: 3, verdict: 'BLOCKED', line: output.line, reportFiles: [] };
  const scratch = mkdtempSync(join(tmpdir(), 'tki-channel-'));
  try {
    const channelPath = join(scratch, 'channel');
    const fd = openSync(channelPath, 'w');
    let outcome: InspectOutcome;
    try {
      outcome = await inspectPacket({ packetPath: request.packetPath, reportFd: fd, ...(request.name === undefined ? {} : { name: request.name }) }, limits);
    } finally {
      closeSync(fd);
    }
    if (outcome.reportFiles.length === 0) return outcome;
    const decoder = new ChannelDecoder(reportChannelCaps(limits));
    decoder.push(readFileSync(channelPath));
    const error = decoder.finish();
    if (error !== undefined) throw new Error(`report channel: ${error.code}: ${error.detail}`);
    const checked = checkTriplet(decoder.records, expectedCheckpointName(request.name), checkReportJson, limits);
    if (!checked.ok) throw new Error(`report refused: ${checked.reason}`);
    const written = writeTriplet(output.value, checked.triplet);
    if (!written.ok) throw new Error(`report not written: ${written.reason}`);
    return { ...outcome, reportFiles: written.paths };
  } finally {
    output.value.release();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The packet as the overlap check needs it; a missing packet overlaps nothing (the pipeline reports it). */
function packetAsNamed(typed: string): { readonly path: string; readonly isFile: boolean } | undefined {
  const path = resolve(typed);
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats === undefined ? undefined : { path, isFile: stats.isFile() };
}
