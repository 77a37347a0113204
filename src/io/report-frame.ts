/**
 * The report channel's framing (SPEC §5, §6 L1): how the inside of the sandbox hands its output to
 * the launcher without any writable host path. One implementation for both transports — a pipe on
 * fd 3 (bwrap, podman) or the process's stdout (Docker, which cannot pass descriptors) — and for
 * both ends: the inspector's emitter encodes with it, the launcher's receiver decodes with it.
 *
 * Stream: the magic line, then frames. A frame is a 4-byte big-endian header length, a JSON header
 * `{ kind, name?, size }` and `size` payload bytes. Pure: no I/O here.
 */
export const CHANNEL_MAGIC = Buffer.from('TKI-REPORT-CHANNEL/1\n', 'utf8');

/** `file`: a report file; `line`: one line for the operator's terminal; `evidence`: the probe runner's JSON; `end`: the stream is complete. */
export type FrameKind = 'file' | 'line' | 'evidence' | 'end';

export interface FrameHeader {
  readonly kind: FrameKind;
  /** Only for `file`: the report file's name (checked against the allowlist by the receiver). */
  readonly name?: string;
  readonly size: number;
}

export interface ChannelRecord {
  readonly kind: FrameKind;
  readonly name?: string;
  readonly payload: Buffer;
}

/** A header is a few dozen bytes; anything longer is not ours. */
export const MAX_FRAME_HEADER_BYTES = 1024;

/** The only names a report file may carry (SPEC §5); `<name>` is sanitized by the inspector. */
const REPORT_FILE_NAME = /^(?:report\.json|report\.md|checkpoint-[a-z0-9-]{1,64}\.md)$/;

export function isReportFileName(name: string): boolean {
  return REPORT_FILE_NAME.test(name);
}

/** A frame's length and header alone: a large payload can then be written after it without being copied into one buffer. */
export function encodeFrameHeader(kind: FrameKind, size: number, name?: string): Buffer {
  const header = Buffer.from(JSON.stringify(name === undefined ? { kind, size } : { kind, name, size }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length, 0);
  return Buffer.concat([length, header]);
}

export function encodeFrame(kind: FrameKind, payload: Buffer, name?: string): Buffer {
  return Buffer.concat([encodeFrameHeader(kind, payload.length, name), payload]);
}

/** Caps the receiver enforces while reading, so it never holds more than these. */
export interface ChannelCaps {
  /** All `file` payloads together (the inspector's maxReportBytes). */
  readonly maxFileBytes: number;
  readonly maxLineBytes: number;
  readonly maxEvidenceBytes: number;
  /** Every byte of the stream together, framing included: many small frames cannot add up past it either. */
  readonly maxStreamBytes: number;
}

export type ChannelErrorCode = 'channel/bad_magic' | 'channel/bad_header' | 'channel/over_cap' | 'channel/after_end' | 'channel/truncated';

export interface ChannelError {
  readonly code: ChannelErrorCode;
  readonly detail: string;
}

const KINDS: ReadonlySet<string> = new Set(['file', 'line', 'evidence', 'end']);

function parseHeader(bytes: Buffer): FrameHeader | undefined {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, name, size } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !KINDS.has(kind) || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined;
  if (kind === 'file' ? typeof name !== 'string' : name !== undefined) return undefined;
  return { kind: kind as FrameKind, ...(typeof name === 'string' ? { name } : {}), size };
}

/**
 * A frame's payload as a record keeps it. Copied when it is less than half of the memory it lies in,
 * so a small record does not pin a large accumulated buffer; shared otherwise, where the copy would
 * cost more than the memory it frees (report.json is most of the buffer its chunks were joined into:
 * copying 137 MB again was ≈ 0.9 CPU-s of the launcher's 100,000-claim run, session 20).
 */
function ownPayload(payload: Buffer): Buffer {
  return payload.length * 2 >= payload.buffer.byteLength ? payload : Buffer.from(payload);
}

/**
 * Incremental decoder: feed it chunks as they arrive; it refuses as soon as a cap would be
 * exceeded (the caller then stops the sandbox), so a flood never grows the launcher.
 */
export class ChannelDecoder {
  private pending: Buffer = Buffer.alloc(0);
  /**
   * Chunks that arrived while a frame's payload was still incomplete, joined once the frame can
   * be complete (`awaiting` bytes): joining each 64 KiB chunk onto the partial payload copied it
   * again per chunk, quadratic in the frame (a 32 MiB report.json cost 16 CPU-s, issue 13).
   */
  private parked: Buffer[] = [];
  private parkedBytes = 0;
  private awaiting = 0;
  private magicSeen = false;
  private ended = false;
  private fileBytes = 0;
  private streamBytes = 0;
  private failure: ChannelError | undefined;
  readonly records: ChannelRecord[] = [];

  constructor(private readonly caps: ChannelCaps) {}

  get error(): ChannelError | undefined {
    return this.failure;
  }

  get complete(): boolean {
    return this.ended && this.failure === undefined;
  }

  /** Returns the first error (then and afterwards), or undefined while the stream is well-formed. */
  push(chunk: Buffer): ChannelError | undefined {
    if (this.failure !== undefined) return this.failure;
    this.streamBytes += chunk.length;
    if (this.streamBytes > this.caps.maxStreamBytes) {
      this.failure = { code: 'channel/over_cap', detail: `the stream exceeds its cap of ${this.caps.maxStreamBytes} bytes` };
      return this.failure;
    }
    if (this.pending.length + this.parkedBytes + chunk.length < this.awaiting) {
      this.parked.push(chunk);
      this.parkedBytes += chunk.length;
      return undefined;
    }
    this.pending = this.pending.length === 0 && this.parked.length === 0 ? chunk : Buffer.concat([this.pending, ...this.parked, chunk]);
    this.parked = [];
    this.parkedBytes = 0;
    this.awaiting = 0;
    this.failure = this.drain();
    return this.failure;
  }

  /** The stream closed: complete only when the `end` frame arrived and nothing followed it. */
  finish(): ChannelError | undefined {
    if (this.failure !== undefined) return this.failure;
    if (!this.ended) this.failure = { code: 'channel/truncated', detail: this.magicSeen ? 'the stream ended before its end frame' : 'nothing was sent' };
    return this.failure;
  }

  private capFor(header: FrameHeader): number {
    if (header.kind === 'file') return this.caps.maxFileBytes - this.fileBytes;
    if (header.kind === 'line') return this.caps.maxLineBytes;
    if (header.kind === 'evidence') return this.caps.maxEvidenceBytes;
    return 0;
  }

  private drain(): ChannelError | undefined {
    if (!this.magicSeen) {
      const have = Math.min(this.pending.length, CHANNEL_MAGIC.length);
      if (!this.pending.subarray(0, have).equals(CHANNEL_MAGIC.subarray(0, have))) return { code: 'channel/bad_magic', detail: 'the stream does not start with the channel magic' };
      if (have < CHANNEL_MAGIC.length) return undefined;
      this.magicSeen = true;
      this.pending = this.pending.subarray(CHANNEL_MAGIC.length);
    }
    for (;;) {
      if (this.pending.length === 0) return undefined;
      if (this.ended) return { code: 'channel/after_end', detail: `${this.pending.length} bytes after the end frame` };
      if (this.pending.length < 4) return undefined;
      const headerLength = this.pending.readUInt32BE(0);
      if (headerLength === 0 || headerLength > MAX_FRAME_HEADER_BYTES) return { code: 'channel/bad_header', detail: `a frame header of ${headerLength} bytes` };
      if (this.pending.length < 4 + headerLength) return undefined;
      const header = parseHeader(this.pending.subarray(4, 4 + headerLength));
      if (header === undefined) return { code: 'channel/bad_header', detail: 'a frame header that is not {kind, name?, size}' };
      const cap = this.capFor(header);
      if (header.size > cap) return { code: 'channel/over_cap', detail: `a ${header.kind} frame of ${header.size} bytes exceeds the remaining cap of ${Math.max(0, cap)} bytes` };
      const end = 4 + headerLength + header.size;
      if (this.pending.length < end) {
        this.awaiting = end;
        return undefined;
      }
      const payload = ownPayload(this.pending.subarray(4 + headerLength, end));
      this.pending = this.pending.subarray(end);
      if (header.kind === 'file') this.fileBytes += header.size;
      if (header.kind === 'end') this.ended = true;
      else this.records.push({ kind: header.kind, ...(header.name === undefined ? {} : { name: header.name }), payload });
    }
  }
}
