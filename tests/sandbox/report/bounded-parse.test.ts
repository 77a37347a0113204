import { describe, expect, it } from 'vitest';
import type { ChannelRecord } from '../../../src/io/report-frame.js';
import { DEFAULT_LIMITS } from '../../../src/pipeline/limits.js';
import { checkReportJson, expectedCheckpointName } from '../../../sandbox/report/report-schema-check.js';
import { checkTriplet } from '../../../sandbox/report/write-triplet.js';

/**
 * Red team round 6, LAUNCHER-MEM: a report.json far under the channel's byte cap whose shape
 * (`{"a":[{},{},…]}`) would parse into an object graph ≈ 36× its bytes. The launcher counts values
 * and nesting first and refuses over the limits table's bounds, naming the limit, before parsing.
 */
const CHECKPOINT = expectedCheckpointName(undefined);

function sent(json: Buffer): ChannelRecord[] {
  return [
    { kind: 'file', name: 'report.json', payload: json },
    { kind: 'file', name: 'report.md', payload: Buffer.from('x') },
    { kind: 'file', name: CHECKPOINT, payload: Buffer.from('x') },
    { kind: 'line', payload: Buffer.from('tki inspect: BLOCKED (exit 3)') },
  ];
}

function emptyObjects(count: number): Buffer {
  return Buffer.concat([Buffer.from('{"a":['), Buffer.alloc(count * 3, '{},'), Buffer.from('{}]}')]);
}

describe('report.json is bounded in values and depth before it is parsed', () => {
  it('8 MiB of empty objects (the red team\'s shape): refused as a limit naming maxReportJsonValues, nothing parsed', () => {
    let parsed = 0;
    const json = emptyObjects((8 * 1024 * 1024) / 3);
    const check = checkTriplet(sent(json), CHECKPOINT, (value) => {
      parsed += 1;
      return checkReportJson(value);
    });
    expect(parsed).toBe(0);
    expect(check).toMatchObject({ ok: false, limit: true });
    expect(check.ok ? '' : check.reason).toMatch(new RegExp(`^minReportJsonBytesPerValue = ${DEFAULT_LIMITS.minReportJsonBytesPerValue}: its ${json.length} bytes may hold \\d+ JSON values: report\\.json holds more JSON values than that`));
  });

  it('more values than maxReportJsonValues, at any density: refused naming maxReportJsonValues', () => {
    const limits = { ...DEFAULT_LIMITS, maxReportJsonValues: 100_000 };
    const check = checkTriplet(sent(Buffer.from(`[${'1,           '.repeat(100_000)}1]`)), CHECKPOINT, checkReportJson, limits);
    expect(check).toMatchObject({ ok: false, limit: true });
    expect(check.ok ? '' : check.reason).toMatch(/^maxReportJsonValues = 100000: report\.json holds more JSON values than that/);
  });

  it('nesting deeper than maxReportJsonDepth: refused as a limit, whatever the byte count', () => {
    const depth = DEFAULT_LIMITS.maxReportJsonDepth + 1;
    const check = checkTriplet(sent(Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)), CHECKPOINT, checkReportJson);
    expect(check).toMatchObject({ ok: false, limit: true });
    expect(check.ok ? '' : check.reason).toMatch(/^maxReportJsonDepth = \d+: report\.json nests arrays and objects deeper than that/);
  });

  it('within the bounds the same shape is parsed and refused by the schema, not as a limit', () => {
    const check = checkTriplet(sent(emptyObjects(1000)), CHECKPOINT, checkReportJson);
    expect(check.ok).toBe(false);
    expect(check).not.toHaveProperty('limit');
    expect(check.ok ? '' : check.reason).toMatch(/^report\.json fails the report schema/);
  });
});
