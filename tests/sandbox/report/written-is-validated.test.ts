import { beforeAll, describe, expect, it } from 'vitest';
import { checkReportJson, expectedCheckpointName } from '../../../sandbox/report/report-schema-check.js';
import { checkTriplet, type TripletCheck } from '../../../sandbox/report/write-triplet.js';
import { payloadOf, runInside, withPayload, type InsideRun } from './inside-channel.js';

/**
 * Red team round 6, routes 1–4: what the launcher writes and prints is what it validated. A
 * compromised inside sends tki's genuine report for fix7-a (READ_LEVEL_FAIL, 6 claims, findings
 * and flags) altered so that it still parses to the same value, or with a verdict line that lies.
 */
const CHECKPOINT = expectedCheckpointName(undefined);
let genuine: InsideRun;
let genuineJson: string;

beforeAll(async () => {
  genuine = await runInside('fixtures/packets/fix7-a');
  genuineJson = payloadOf(genuine.records, 'report.json').toString('utf8');
}, 60_000);

function accepted(check: TripletCheck): Extract<TripletCheck, { ok: true }> {
  if (!check.ok) throw new Error(`refused: ${check.reason}`);
  return check;
}

function writtenJson(check: TripletCheck): string {
  const file = accepted(check).triplet.files.find((entry) => entry.name === 'report.json');
  return file?.bytes.toString('utf8') ?? '';
}

const checkSent = (records: InsideRun['records']): TripletCheck => checkTriplet(records, CHECKPOINT, checkReportJson);

describe('an honest report', () => {
  it('is written byte for byte as the inspector rendered it, with the line the inspector printed', () => {
    expect(genuine.outcome.verdict).toBe('READ_LEVEL_FAIL');
    const check = accepted(checkSent(genuine.records));
    for (const file of check.triplet.files) expect(file.bytes.equals(payloadOf(genuine.records, file.name)), file.name).toBe(true);
    expect(check.triplet.line).toBe(genuine.outcome.line);
    expect(check.triplet.line).toBe(payloadOf(genuine.records, 'line').toString('utf8'));
  });
});

describe('report.json that parses to the validated value but says more in its bytes', () => {
  it('a duplicate key: the file written holds each key once, with the value that was validated', () => {
    const sent = withPayload(genuine.records, 'report.json', `{"final_verdict":"READ_LEVEL_PASS",${genuineJson.slice(1)}`);
    const json = writtenJson(checkSent(sent));
    expect(json).not.toContain('READ_LEVEL_PASS');
    expect(json.match(/"final_verdict":/g)).toHaveLength(genuineJson.match(/"final_verdict":/g)?.length ?? -1);
    expect(JSON.parse(json)).toEqual(JSON.parse(genuineJson));
  });

  it('non-minimal \\u escapes and whitespace: written as the canonical serialization (the genuine bytes)', () => {
    const packetId = (JSON.parse(genuineJson) as { packet: { packet_id: string } }).packet.packet_id;
    const escaped = genuineJson.replace(`"packet_id":"${packetId}"`, `"packet_id" : "\\u${packetId.charCodeAt(0).toString(16).padStart(4, '0')}${packetId.slice(1)}"`);
    expect(escaped).not.toBe(genuineJson);
    expect(writtenJson(checkSent(withPayload(genuine.records, 'report.json', escaped)))).toBe(genuineJson);
  });

  it('a byte-order mark: refused (not JSON), never written', () => {
    const check = checkSent(withPayload(genuine.records, 'report.json', `\ufeff${genuineJson}`));
    expect(check).toEqual({ ok: false, reason: 'report.json is not valid JSON' });
  });
});

describe('the verdict line', () => {
  it("a line with report.json's verdict and a false tail is refused; the one shown is rendered from report.json", () => {
    const lie = 'tki inspect: READ_LEVEL_FAIL (exit 1) · 0 claim(s), none with a finding · flags none';
    const check = checkSent(withPayload(genuine.records, 'line', lie));
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(/the verdict line does not say what report.json says/);
    expect(genuine.outcome.line).toMatch(/^tki inspect: READ_LEVEL_FAIL \(exit 1\) · .* 6 claim\(s\), 6 with a finding · flags /);
  });

  it('a line carrying terminal controls or another verdict is refused the same way', () => {
    for (const line of [`${genuine.outcome.line}\u009b2J`, genuine.outcome.line.replace('READ_LEVEL_FAIL', 'UNVERIFIED'), '']) {
      const check = checkSent(withPayload(genuine.records, 'line', line));
      expect(check.ok ? '' : check.reason).toMatch(/the verdict line does not say what report.json says/);
    }
  });

  it("a first blocked reason whose code tki never emits cannot be named on the line: refused", () => {
    const report = JSON.parse(genuineJson) as { blocked_reasons: unknown[] };
    report.blocked_reasons = [{ code: 'PASS · certified', path: '', message: 'x', decision_effect: 'NONE', may_gate: false }];
    const check = checkReportJson(report);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.issue).toMatch(/blocked_reasons\.0\.code: "PASS · certified" is not a code tki emits/);
  });
});
