import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelDecoder, type ChannelRecord } from '../../../src/io/report-frame.js';
import { inspectPacket, type InspectOutcome } from '../../../src/index.js';
import { reportChannelCaps } from '../../../sandbox/report/channel-caps.js';

export interface InsideRun {
  readonly outcome: InspectOutcome;
  readonly records: readonly ChannelRecord[];
}

/** What the inspector sends on the report channel for a packet (as inside the sandbox), decoded. */
export async function runInside(packetPath: string): Promise<InsideRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'tki-test-channel-'));
  try {
    const channel = join(scratch, 'channel');
    const fd = openSync(channel, 'w');
    let outcome: InspectOutcome;
    try {
      outcome = await inspectPacket({ packetPath, reportFd: fd });
    } finally {
      closeSync(fd);
    }
    const decoder = new ChannelDecoder(reportChannelCaps());
    decoder.push(readFileSync(channel));
    const error = decoder.finish();
    if (error !== undefined) throw new Error(`the inspector's own channel did not decode: ${error.code}`);
    return { outcome, records: decoder.records };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The records with one file's payload (or the line's) replaced. */
export function withPayload(records: readonly ChannelRecord[], which: string, payload: Buffer | string): ChannelRecord[] {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return records.map((record) => ((record.kind === 'line' ? 'line' : record.name) === which ? { ...record, payload: bytes } : record));
}

export function payloadOf(records: readonly ChannelRecord[], which: string): Buffer {
  const found = records.find((record) => (record.kind === 'line' ? 'line' : record.name) === which);
  if (found === undefined) throw new Error(`no ${which} record`);
  return found.payload;
}
