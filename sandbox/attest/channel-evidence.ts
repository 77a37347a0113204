import { lstatSync, mkdirSync } from 'node:fs';
import type { EngineExit } from '../launch/spawn-engine.js';
import type { ProbeRecord } from '../probes/types.js';
import type { SandboxProfile } from '../profile/types.js';
import { prepareOutputDirectory } from '../report/output-dir.js';
import { checkTriplet, writeTriplet } from '../report/write-triplet.js';

/**
 * The launcher's half of PR-FS-OUT-OK and PR-SUID-1: what the probe runner sent as a test report
 * goes through the same validation and writer as `tki run`'s, into a scratch directory, and what
 * landed on the host is observed: names, modes and owners.
 */
export async function completeChannelProbes(exit: EngineExit, probes: readonly ProbeRecord[], outputDir: string, profile: SandboxProfile): Promise<ProbeRecord[]> {
  const { checkReportJson, expectedCheckpointName } = await import('../report/report-schema-check.js');
  const records = (exit.channel?.records ?? []).filter((record) => record.kind === 'file' || record.kind === 'line');
  mkdirSync(outputDir, { recursive: true });
  const output = prepareOutputDirectory(outputDir, undefined, 'attest');
  const checked = checkTriplet(records, expectedCheckpointName('attestation'), checkReportJson);
  let delivered: string;
  let deliveredOk = false;
  let written: Array<{ name: string; mode: number; uid: number }> = [];
  if (!output.ok) delivered = (await import('../../src/text/verdict-line-label.js')).terminalLine(output.line);
  else if (!checked.ok) {
    output.value.release();
    delivered = `refused: ${checked.reason}`;
  } else {
    const result = writeTriplet(output.value, checked.triplet, profile.reportFileMode);
    output.value.release();
    if (!result.ok) delivered = `write failed: ${result.reason}`;
    else {
      written = result.paths.map((path) => {
        const stats = lstatSync(path);
        return { name: path.slice(path.lastIndexOf('/') + 1), mode: stats.mode & 0o7777, uid: stats.uid };
      });
      deliveredOk = written.length === 3;
      delivered = `written: ${written.map((file) => file.name).join(', ')}`;
    }
  }
  const operator = process.getuid?.() ?? -1;
  const modes = written.map((file) => `${file.name} 0${file.mode.toString(8)} uid ${file.uid}`).join('; ');
  const suidOk = deliveredOk && written.every((file) => file.mode === 0o644 && file.uid === operator);
  return probes.map((probe) => {
    if (probe.id === 'PR-FS-OUT-OK') return { ...probe, observed: `${probe.observed}; launcher: ${delivered}`, pass: probe.pass && deliveredOk };
    if (probe.id === 'PR-SUID-1') return { ...probe, observed: `${probe.observed}; launcher wrote: ${modes || delivered} (operator uid ${operator})`, pass: probe.pass && suidOk };
    return probe;
  });
}
