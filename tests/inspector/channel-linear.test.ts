import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_MAGIC, ChannelDecoder, encodeFrame, encodeFrameHeader } from '../../src/io/report-frame.js';

/**
 * Issue 13, bounded cost on the launcher's side: the report channel arrives in pipe-sized chunks
 * (64 KiB), and a report.json frame can be hundreds of MiB. The decoder must copy each byte a
 * bounded number of times, however many chunks the frame arrives in. Counted, not timed: before,
 * every chunk was joined onto the partial payload, so a 32 MiB frame was copied ≈ 256 times
 * (16 CPU-s) and a 147 MiB one would have taken minutes.
 */
const CHUNK = 64 * 1024;
const caps = { maxFileBytes: 1 << 30, maxLineBytes: 1 << 20, maxEvidenceBytes: 1 << 20, maxStreamBytes: 1 << 30 };

function streamWith(payloadBytes: number): Buffer {
  const payload = Buffer.alloc(payloadBytes, 0x61);
  return Buffer.concat([CHANNEL_MAGIC, encodeFrameHeader('file', payload.length, 'report.json'), payload, encodeFrame('line', Buffer.from('tki inspect: UNVERIFIED (exit 2)')), encodeFrame('end', Buffer.alloc(0))]);
}

/** Bytes Buffer.concat produced while the stream was pushed in `chunk`-sized pieces. */
function copiedBytes(stream: Buffer, chunk: number): { copied: number; decoder: ChannelDecoder } {
  const decoder = new ChannelDecoder(caps);
  let copied = 0;
  const concat = Buffer.concat.bind(Buffer);
  const spy = vi.spyOn(Buffer, 'concat').mockImplementation((list, total) => {
    const joined = concat(list, total);
    copied += joined.length;
    return joined;
  });
  try {
    for (let offset = 0; offset < stream.length; offset += chunk) expect(decoder.push(stream.subarray(offset, offset + chunk))).toBeUndefined();
  } finally {
    spy.mockRestore();
  }
  return { copied, decoder };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('report channel decoding copies each byte a bounded number of times', () => {
  it('an 8 MiB frame in 64 KiB chunks: joined bytes at most twice the stream, and the payload intact', () => {
    const stream = streamWith(8 * 1024 * 1024);
    const { copied, decoder } = copiedBytes(stream, CHUNK);
    expect(decoder.finish()).toBeUndefined();
    expect(decoder.records.map((record) => record.kind)).toEqual(['file', 'line']);
    expect(decoder.records[0]?.payload.length).toBe(8 * 1024 * 1024);
    expect(decoder.records[0]?.payload.every((byte) => byte === 0x61)).toBe(true);
    expect(copied).toBeLessThanOrEqual(2 * stream.length);
  });

  it('twice the frame, twice the copying (not four times)', () => {
    const small = copiedBytes(streamWith(4 * 1024 * 1024), CHUNK).copied;
    const large = copiedBytes(streamWith(8 * 1024 * 1024), CHUNK).copied;
    expect(large / Math.max(1, small)).toBeLessThanOrEqual(2.2);
  });

  it('one-byte chunks across headers and frames still decode every record', () => {
    const stream = streamWith(3000);
    const decoder = new ChannelDecoder(caps);
    for (let offset = 0; offset < stream.length; offset += 1) expect(decoder.push(stream.subarray(offset, offset + 1))).toBeUndefined();
    expect(decoder.finish()).toBeUndefined();
    expect(decoder.records.map((record) => [record.kind, record.payload.length])).toEqual([
      ['file', 3000],
      ['line', 32],
    ]);
  });

  it('a truncated frame is still reported as truncated, however it was parked', () => {
    const stream = streamWith(1024 * 1024);
    const decoder = new ChannelDecoder(caps);
    const cut = stream.subarray(0, stream.length - 100_000);
    for (let offset = 0; offset < cut.length; offset += CHUNK) decoder.push(cut.subarray(offset, offset + CHUNK));
    expect(decoder.finish()?.code).toBe('channel/truncated');
  });

  // Session 20 (choice 94): a record shares the memory it arrived in when it is most of it (report.json
  // in its joined buffer, or the whole channel read at once), and is copied when it is a small part.
  it('a payload that is most of the buffer it came in is shared, not copied again', () => {
    const stream = streamWith(1024 * 1024);
    const decoder = new ChannelDecoder(caps);
    expect(decoder.push(stream)).toBeUndefined();
    expect(decoder.finish()).toBeUndefined();
    const [file, line] = decoder.records;
    expect(file?.payload.buffer).toBe(stream.buffer);
    expect(file?.payload.every((byte) => byte === 0x61)).toBe(true);
    // The line is 32 bytes of a 1 MiB stream: its own copy, so keeping it pins nothing.
    expect(line?.payload.buffer).not.toBe(stream.buffer);
    expect(line?.payload.buffer.byteLength).toBeLessThan(64 * 1024);
  });

  it('a small report.json among large Markdown files is copied (it would pin them otherwise)', () => {
    const markdown = Buffer.alloc(512 * 1024, 0x62);
    const json = Buffer.from('{"claims":[]}\n');
    const stream = Buffer.concat([CHANNEL_MAGIC, encodeFrameHeader('file', json.length, 'report.json'), json, encodeFrameHeader('file', markdown.length, 'report.md'), markdown, encodeFrame('end', Buffer.alloc(0))]);
    const decoder = new ChannelDecoder(caps);
    expect(decoder.push(stream)).toBeUndefined();
    expect(decoder.finish()).toBeUndefined();
    const [small, large] = decoder.records;
    expect(small?.payload.toString('utf8')).toBe('{"claims":[]}\n');
    expect(small?.payload.buffer).not.toBe(stream.buffer);
    expect(large?.payload.buffer).toBe(stream.buffer);
  });
});
