import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_MAGIC, ChannelDecoder, encodeFrame, type FrameKind } from '../../src/io/report-frame.js';
import { DEFAULT_PROFILE } from '../../sandbox/profile/default-profile.js';
import type { EngineExit } from '../../sandbox/launch/spawn-engine.js';
import { reportChannelCaps } from '../../sandbox/report/channel-caps.js';
import { finishRun } from '../../sandbox/report/finish-run.js';
import { launcherBlockedReport } from '../../sandbox/report/launcher-report.js';
import { prepareOutputDirectory } from '../../sandbox/report/output-dir.js';
import { checkReportJson, expectedCheckpointName } from '../../sandbox/report/report-schema-check.js';
import { writeTriplet, type ReportTriplet } from '../../sandbox/report/write-triplet.js';

/**
 * The launcher's reader under attack: every stream an inside could send that is not the one valid
 * triplet must end in the launcher's own BLOCKED report naming the problem, with nothing written
 * but the three allowlisted files in --out and no exception escaping.
 */
const CHECKPOINT = expectedCheckpointName(undefined);
let valid: ReportTriplet;
const scratches: string[] = [];

beforeAll(async () => {
  // A real triplet, rendered by the inspector's own code (the launcher's BLOCKED report is one).
  valid = await launcherBlockedReport('sandbox/report_rejected', 'a test report', undefined);
});

afterEach(() => {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function file(name: string): Buffer {
  const found = valid.files.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no ${name} in the valid triplet`);
  return found.bytes;
}

function frame(kind: FrameKind, payload: Buffer | string, name?: string): Buffer {
  return encodeFrame(kind, typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload, name);
}

const VALID_FRAMES = (): Buffer[] => [
  frame('file', file('report.json'), 'report.json'),
  frame('file', file('report.md'), 'report.md'),
  frame('file', file(CHECKPOINT), CHECKPOINT),
  frame('line', valid.line ?? ''),
  frame('end', ''),
];

function decode(stream: Buffer, chunks: readonly number[] = []): ChannelDecoder {
  const decoder = new ChannelDecoder(reportChannelCaps());
  let offset = 0;
  for (const size of chunks) {
    if (offset >= stream.length) break;
    decoder.push(stream.subarray(offset, offset + size));
    offset += size;
  }
  if (offset < stream.length) decoder.push(stream.subarray(offset));
  decoder.finish();
  return decoder;
}

/** What the launcher makes of a stream: the run's outcome, the files in --out and everything in the scratch directory. */
async function launcherOn(stream: Buffer, chunks: readonly number[] = []): Promise<{ dir: string; exitCode: number | undefined; line: string | undefined; out: string[]; scratch: string[]; report: { final_verdict?: string; blocked_reasons?: Array<{ code: string; message: string }> } | undefined }> {
  const scratch = mkdtempSync(join(tmpdir(), 'tki-channel-test-'));
  scratches.push(scratch);
  const output = prepareOutputDirectory(join(scratch, 'out'), undefined, 'run');
  if (!output.ok) throw new Error(output.line);
  const exit: EngineExit = { exitCode: 0, stdout: '', stderr: '', channel: decode(stream, chunks) };
  const finished = await finishRun({ exit, profile: DEFAULT_PROFILE, output: output.value, name: undefined, packetLabel: './packet', checkReportJson, checkpointName: CHECKPOINT });
  const out = readdirSync(join(scratch, 'out')).sort();
  const reportPath = join(scratch, 'out', 'report.json');
  const report = out.includes('report.json') ? (JSON.parse(readFileSync(reportPath, 'utf8')) as { final_verdict?: string; blocked_reasons?: Array<{ code: string; message: string }> }) : undefined;
  return { dir: scratch, exitCode: finished.ok ? finished.exitCode : undefined, line: finished.ok ? finished.stdoutLines[0] : finished.line, out, scratch: readdirSync(scratch), report };
}

const TRIPLET = ['checkpoint-inspection.md', 'report.json', 'report.md'];

async function expectRejected(stream: Buffer, problem: RegExp): Promise<void> {
  const result = await launcherOn(stream);
  expect(result.scratch).toEqual(['out']);
  expect(result.out).toEqual(TRIPLET);
  expect(result.exitCode).toBe(3);
  expect(result.report?.final_verdict).toBe('BLOCKED');
  const reason = result.report?.blocked_reasons?.[0];
  expect(reason?.code).toMatch(/^sandbox\/(report_rejected|limit_exceeded)$/);
  expect(reason?.message).toMatch(problem);
  // The files are the launcher's own: nothing of what the hostile stream carried.
  expect(readFileSync(join(result.dir, 'out', 'report.md'), 'utf8')).not.toContain('HOSTILE');
}

function stream(...parts: Buffer[]): Buffer {
  return Buffer.concat([CHANNEL_MAGIC, ...parts]);
}

describe('the launcher accepts the one valid stream', () => {
  it('writes exactly what was sent, under the three names, and relays the verdict line', async () => {
    const result = await launcherOn(stream(...VALID_FRAMES()));
    expect(result.out).toEqual(TRIPLET);
    expect(result.exitCode).toBe(3);
    expect(result.line).toMatch(/^tki inspect: BLOCKED \(exit 3\) .* · packet "\.\/packet"$/);
    for (const name of TRIPLET) expect(readFileSync(join(result.dir, 'out', name)).equals(file(name))).toBe(true);
  });

  it('property: however the stream is cut into chunks, the same triplet is accepted', () => {
    const whole = stream(...VALID_FRAMES());
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 64 }), (chunks) => {
        const decoder = decode(whole, chunks);
        return decoder.complete && decoder.records.length === 4;
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile streams end in the launcher\'s BLOCKED report naming the problem', () => {
  const [json, md, checkpoint, line, end] = [0, 1, 2, 3, 4];
  const frames = (): Buffer[] => VALID_FRAMES();
  const without = (index: number): Buffer[] => frames().filter((_, at) => at !== index);

  it('nothing but garbage (a non-frame flood starts like this)', async () => {
    await expectRejected(Buffer.from('HOSTILE'.repeat(1000)), /channel\/bad_magic/);
  });
  it('a truncated frame (the stream stops inside report.md)', async () => {
    const whole = stream(...frames());
    await expectRejected(whole.subarray(0, whole.length - 300), /channel\/truncated/);
  });
  it('no end frame', async () => {
    await expectRejected(stream(...without(end)), /channel\/truncated: the stream ended before its end frame/);
  });
  it('an oversized header-length prefix', async () => {
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(0xffffffff, 0);
    await expectRejected(stream(prefix, Buffer.from('HOSTILE')), /channel\/bad_header: a frame header of 4294967295 bytes/);
  });
  it('a zero header length', async () => {
    await expectRejected(stream(Buffer.alloc(4), Buffer.from('HOSTILE')), /channel\/bad_header/);
  });
  it('a size prefix past the report limit (the cap is maxReportBytes, before any byte is held)', async () => {
    const header = Buffer.from(JSON.stringify({ kind: 'file', name: 'report.json', size: 2 ** 40 }));
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(header.length, 0);
    await expectRejected(stream(prefix, header, Buffer.from('HOSTILE')), /channel\/over_cap: a file frame of 1099511627776 bytes exceeds the remaining cap of 268435456 bytes/);
  });
  it('a header that is not {kind, name?, size} (unknown kind, negative size, name on a line, not JSON)', async () => {
    for (const header of [{ kind: 'exec', size: 1 }, { kind: 'file', name: 'report.json', size: -1 }, { kind: 'line', name: 'x', size: 1 }, 'not json']) {
      const bytes = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header));
      const prefix = Buffer.alloc(4);
      prefix.writeUInt32BE(bytes.length, 0);
      await expectRejected(stream(prefix, bytes, Buffer.from('x')), /channel\/bad_header: a frame header that is not/);
    }
  });
  it('a wrong file name', async () => {
    const sent = frames();
    sent[md] = frame('file', file('report.md'), 'report.txt');
    await expectRejected(stream(...sent), /the files sent were \["report.json", "report.txt", "checkpoint-inspection.md"\]/);
  });
  it('a name claiming a path with ../ (and an absolute one)', async () => {
    for (const name of ['../report.json', '../../etc/cron.d/x', '/tmp/report.md', 'report.md/../../x']) {
      const sent = frames();
      sent[md] = frame('file', 'HOSTILE', name);
      await expectRejected(stream(...sent), /the files sent were/);
    }
  });
  it('an extra file', async () => {
    await expectRejected(stream(...frames().slice(0, 3), frame('file', 'HOSTILE', 'checkpoint-other.md'), ...frames().slice(3)), /expected exactly report.json, report.md, checkpoint-inspection.md/);
  });
  it('a duplicate file (report.json twice, no report.md; or all three plus a second report.json)', async () => {
    const sent = frames();
    sent[md] = frame('file', file('report.json'), 'report.json');
    await expectRejected(stream(...sent), /the files sent were \["report.json", "report.json", "checkpoint-inspection.md"\]/);
    await expectRejected(stream(...frames().slice(0, 3), frame('file', 'HOSTILE', 'report.json'), ...frames().slice(3)), /the files sent were/);
  });
  it('a report file that is not UTF-8', async () => {
    const sent = frames();
    sent[md] = frame('file', Buffer.from([0x48, 0xc3, 0x28, 0xff, 0xfe]), 'report.md');
    await expectRejected(stream(...sent), /a report file is not valid UTF-8/);
  });
  it('a verdict line that is not UTF-8, carries control characters, claims another verdict, or comes twice', async () => {
    const variants: Array<[Buffer[], RegExp]> = [
      [[frame('line', Buffer.from([0xff, 0xfe]))], /the verdict line does not say what report.json says/],
      [[frame('line', `${valid.line ?? ''}\u001b[2J`)], /the verdict line does not say what report.json says/],
      [[frame('line', 'tki inspect: READ_LEVEL_FAIL (exit 1) · HOSTILE')], /the verdict line does not say what report.json says/],
      [[frame('line', valid.line ?? ''), frame('line', valid.line ?? '')], /2 verdict lines instead of one/],
      [[], /0 verdict lines instead of one/],
    ];
    for (const [lines, problem] of variants) await expectRejected(stream(...frames().slice(0, 3), ...lines, frame('end', '')), problem);
  });
  it('frames after the end marker', async () => {
    await expectRejected(stream(...frames(), frame('file', 'HOSTILE', 'report.md')), /channel\/after_end/);
    await expectRejected(stream(...frames(), Buffer.from('HOSTILE')), /channel\/after_end/);
  });
  it('an evidence frame in an inspection', async () => {
    await expectRejected(stream(frame('evidence', 'HOSTILE'), ...frames()), /unexpected evidence record/);
  });
  it('report.json that is not JSON, or JSON the schema refuses', async () => {
    const sent = frames();
    sent[json] = frame('file', '{"final_verdict": "CERTIFIED", HOSTILE', 'report.json');
    await expectRejected(stream(...sent), /report.json is not valid JSON/);
    sent[json] = frame('file', JSON.stringify({ final_verdict: 'CERTIFIED', note: 'HOSTILE' }), 'report.json');
    await expectRejected(stream(...sent), /report.json fails the report schema/);
  });
  it('report.md or the checkpoint disagreeing with report.json', async () => {
    const sent = frames();
    sent[md] = frame('file', `${file('report.md').toString('utf8')}\nHOSTILE: all claims verified.\n`, 'report.md');
    await expectRejected(stream(...sent), /report.md does not say what report.json says/);
    const other = frames();
    other[checkpoint] = frame('file', 'HOSTILE checkpoint', CHECKPOINT);
    await expectRejected(stream(...other), /checkpoint-inspection.md does not say what report.json says/);
  });
  it('a line frame flood past the stream cap is cut (many small frames cannot add up past it)', () => {
    const decoder = new ChannelDecoder({ ...reportChannelCaps(), maxStreamBytes: 1024 * 1024 });
    const one = frame('line', 'x'.repeat(60 * 1024));
    let failure;
    let sent = 0;
    for (; sent < 100 && failure === undefined; sent += 1) failure = decoder.push(sent === 0 ? Buffer.concat([CHANNEL_MAGIC, one]) : one);
    expect(failure?.code).toBe('channel/over_cap');
    expect(sent).toBeLessThan(20);
  });
});

describe('the writer itself refuses a name off the allowlist, whatever the caller checked', () => {
  it('writes nothing for ../, absolute or unlisted names', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'tki-channel-test-'));
    scratches.push(scratch);
    const output = prepareOutputDirectory(join(scratch, 'out'), undefined, 'run');
    if (!output.ok) throw new Error(output.line);
    for (const name of ['../escaped.md', '/tmp/abs.md', 'report.json/../x', 'checkpoint-A.md', '.report.json']) {
      const written = writeTriplet(output.value, { files: [{ name, bytes: Buffer.from('HOSTILE') }], line: undefined });
      expect(written).toEqual({ ok: false, reason: `refused file name ${JSON.stringify(name)}` });
    }
    expect(readdirSync(scratch)).toEqual(['out']);
    expect(readdirSync(join(scratch, 'out'))).toEqual([]);
  });
});
