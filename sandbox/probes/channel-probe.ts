import { writeSync } from 'node:fs';
import { CHANNEL_MAGIC, encodeFrame } from '../../src/io/report-frame.js';
import type { Probe } from './types.js';

/** The attestation's test report: a real BLOCKED report rendered by the inspector's own code, so the launcher's schema check applies. */
async function testReport(): Promise<{ files: Array<{ name: string; content: string }>; line: string }> {
  const { blockedInspection, renderReport } = await import('../../src/index.js');
  const rendered = renderReport(blockedInspection(undefined, [{ code: 'internal/unexpected', path: '', detail: 'attestation test report (PR-FS-OUT-OK)' }]), 'attestation');
  if (!rendered.ok) throw new Error(`the test report failed its schema: ${rendered.error.code}`);
  return { files: rendered.value.files, line: rendered.value.line };
}

/**
 * A frame as a hostile inside would write it (PR-SUID-1): the header asks for mode 04755, root
 * ownership and a path outside the output directory. Frames carry no such fields; the launcher must
 * write 0644, operator-owned, under the allowlisted name, whatever is asked. (Content that differs
 * from what report.json renders to — an ELF in the checkpoint — is refused outright: see
 * tests/sandbox/report-channel.test.ts.)
 */
function hostileFileFrame(name: string, payload: Buffer): Buffer {
  const header = Buffer.from(JSON.stringify({ kind: 'file', name, size: payload.length, mode: 0o4755, uid: 0, gid: 0, path: `../../${name}` }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length, 0);
  return Buffer.concat([length, header, payload]);
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Opens the stream: the runner does this first, so whatever a probe sends is inside a well-formed stream. */
export function openChannel(fd: number): void {
  writeAll(fd, CHANNEL_MAGIC);
}

/** Sends the test triplet; the runner adds its evidence and the end frame. */
async function sendTestTriplet(fd: number): Promise<string> {
  const { files, line } = await testReport();
  for (const file of files) writeAll(fd, hostileFileFrame(file.name, Buffer.from(file.content, 'utf8')));
  writeAll(fd, encodeFrame('line', Buffer.from(line, 'utf8')));
  return files.map((file) => file.name).join(', ');
}

export function sendEvidence(fd: number, evidence: unknown): void {
  writeAll(fd, encodeFrame('evidence', Buffer.from(JSON.stringify(evidence), 'utf8')));
  writeAll(fd, encodeFrame('end', Buffer.alloc(0)));
}

/** The inside half of PR-FS-OUT-OK and PR-SUID-1; the launcher completes both from what it wrote. */
export const CHANNEL_PROBE: Probe = {
  id: 'PR-FS-OUT-OK',
  attempt: 'send a test report (report.json, report.md, checkpoint-attestation.md) over the report channel (positive control)',
  expected: 'the launcher validates it and writes the three files into its output directory',
  async run(context) {
    const names = await sendTestTriplet(context.reportFd);
    return { observed: `inside: sent ${names}`, pass: true };
  },
};

/** Recorded inside; the frames were sent by CHANNEL_PROBE and the launcher's half decides the outcome. */
export const SUID_PROBE: Probe = {
  id: 'PR-SUID-1',
  attempt: 'send report frames whose headers ask for mode 04755, uid 0 and a ../ path',
  expected: 'the launcher writes each file 0644, owned by the operator, no setuid bit, only under its three names',
  run() {
    return Promise.resolve({ observed: 'inside: frames sent with mode 04755, uid 0, gid 0, path ../../<name>', pass: true });
  },
};
