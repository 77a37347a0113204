import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/pipeline/limits.js';
import { reportSchema } from '../../../src/report/schema.js';
import { checkReportJson, expectedCheckpointName } from '../../../sandbox/report/report-schema-check.js';
import { checkTriplet, type TripletCheck } from '../../../sandbox/report/write-triplet.js';
import { payloadOf, runInside, withPayload, type InsideRun } from './inside-channel.js';

/**
 * docs/choices.md 41: the launcher checks report.json's head and then each claim on its own, and
 * writes the canonical serialization of what it checked. Every way a claim's bytes can differ from
 * that form, and every way the claims array can be other than the one array of the root, is either
 * rewritten canonically (when it parses to the same value) or refused; never written as sent.
 */
const CHECKPOINT = expectedCheckpointName(undefined);
let genuine: InsideRun;
let genuineJson: string;
/** The claims array's text in the genuine report.json, and each claim's text. */
let claimsText: string;
let claimTexts: string[];

beforeAll(async () => {
  genuine = await runInside('fixtures/packets/fix7-a');
  genuineJson = payloadOf(genuine.records, 'report.json').toString('utf8');
  const claims = (JSON.parse(genuineJson) as { claims: unknown[] }).claims;
  claimTexts = claims.map((claim) => JSON.stringify(claim));
  claimsText = `[${claimTexts.join(',')}]`;
}, 60_000);

const checkSent = (json: string, limits = DEFAULT_LIMITS): TripletCheck => checkTriplet(withPayload(genuine.records, 'report.json', json), CHECKPOINT, checkReportJson, limits);

function written(check: TripletCheck): string {
  if (!check.ok) throw new Error(`refused: ${check.reason}`);
  return check.triplet.files.find((file) => file.name === 'report.json')?.bytes.toString('utf8') ?? '';
}

function refusal(check: TripletCheck): string {
  return check.ok ? '' : check.reason;
}

describe('claims that parse to the checked value: written canonically', () => {
  it('the genuine report has several claims, each in the claims array as JSON.stringify writes it', () => {
    expect(claimTexts.length).toBeGreaterThan(2);
    expect(genuineJson).toContain(`"claims":${claimsText}`);
    expect(reportSchema.safeParse(JSON.parse(genuineJson)).success).toBe(true);
  });

  it('a key repeated inside a claim: the claim is written with each key once and the value checked', () => {
    const second = claimTexts[1] ?? '';
    const doubled = `{"verdict":"NO_READ_LEVEL_DEFECT_FOUND",${second.slice(1)}`;
    const json = written(checkSent(genuineJson.replace(second, doubled)));
    expect(json).not.toContain('NO_READ_LEVEL_DEFECT_FOUND');
    expect(json.match(/"verdict":/g)).toHaveLength(genuineJson.match(/"verdict":/g)?.length ?? -1);
    expect(JSON.parse(json)).toEqual(JSON.parse(genuineJson));
  });

  it('whitespace around and between claims, and inside one: written as the genuine bytes', () => {
    const spaced = ` [ ${claimTexts.join(' ,\n ')} ] `;
    expect(written(checkSent(genuineJson.replace(claimsText, spaced)))).toBe(genuineJson);
    const first = claimTexts[0] ?? '';
    expect(written(checkSent(genuineJson.replace(first, first.replace('":', '" : '))))).toBe(genuineJson);
  });

  it('a non-minimal escape inside a claim: written with the minimal one', () => {
    const first = claimTexts[0] ?? '';
    const id = (JSON.parse(first) as { claim_id: string }).claim_id;
    const spelled = first.replace(`"claim_id":"${id}"`, `"claim_id":"\\u${id.charCodeAt(0).toString(16).padStart(4, '0')}${id.slice(1)}"`);
    expect(spelled).not.toBe(first);
    expect(written(checkSent(genuineJson.replace(first, spelled)))).toBe(genuineJson);
  });
});

describe('claims that are not what the schema or JSON allow: refused, nothing written', () => {
  it("a claim whose verdict is another word: refused naming the claim's place", () => {
    const third = claimTexts[2] ?? '';
    const lie = third.replace(/"verdict":"[A-Z_]+"/, '"verdict":"PASS"');
    expect(lie).not.toBe(third);
    expect(refusal(checkSent(genuineJson.replace(third, lie)))).toMatch(/^report\.json fails the report schema \(claims\.2\.verdict: /);
  });

  it('a claim with a key the schema does not know, or without a required one: refused', () => {
    const first = claimTexts[0] ?? '';
    expect(refusal(checkSent(genuineJson.replace(first, `{"extra":1,${first.slice(1)}`)))).toMatch(/^report\.json fails the report schema \(claims\.0/);
    expect(refusal(checkSent(genuineJson.replace(first, first.replace(/"flags":\[[^\]]*\],/, ''))))).toMatch(/^report\.json fails the report schema \(claims\.0\.flags/);
  });

  it('a trailing comma, a missing comma, a leading comma: not valid JSON; a stray value: not a claim', () => {
    for (const broken of [`[${claimTexts.join(',')},]`, `[${claimTexts.join('')}]`, `[,${claimTexts.join(',')}]`, `[${claimTexts.join(',,')}]`]) {
      expect(refusal(checkSent(genuineJson.replace(claimsText, broken))), broken.slice(0, 40)).toBe('report.json is not valid JSON');
    }
    expect(refusal(checkSent(genuineJson.replace(claimsText, `[${claimTexts.join(',1,')}]`)))).toMatch(/^report\.json fails the report schema \(claims\.1\.: /);
  });

  it('a second claims key, or the key spelled with an escape: refused, never one array checked and another written', () => {
    const second = `${genuineJson.trimEnd().slice(0, -1)},"claims":[]}\n`;
    expect(refusal(checkSent(second))).toMatch(/^report\.json fails the report schema \(claims: not the one claims array/);
    const escaped = genuineJson.replace('"claims":[', '"\\u0063laims":[');
    expect(refusal(checkSent(escaped))).toMatch(/^report\.json fails the report schema \(claims: not the one claims array/);
  });

  it('a claim that is not an object: refused', () => {
    const first = claimTexts[0] ?? '';
    expect(refusal(checkSent(genuineJson.replace(first, '"a claim"')))).toMatch(/^report\.json fails the report schema \(claims\.0/);
  });
});

describe('report.md lists maxListedClaims claims and counts the rest by verdict, the same on both sides', () => {
  it('with 2 listed claims, the launcher renders what the inspector sent; with the default it refuses that report.md', () => {
    const limits = { ...DEFAULT_LIMITS, maxListedClaims: 2 };
    const parsed = JSON.parse(genuineJson) as Parameters<typeof checkReportJson>[0];
    const few = checkReportJson(parsed, 2);
    if (!few.ok) throw new Error(few.issue);
    expect(few.derived.markdown).toMatch(/… and \d+ more claims in report\.json/);
    expect(few.derived.markdown).toMatch(/Not listed here, by verdict: [A-Z_]+ \d+/);
    const records = withPayload(genuine.records, 'report.md', few.derived.markdown);
    expect(checkTriplet(records, CHECKPOINT, checkReportJson, limits).ok).toBe(true);
    expect(refusal(checkTriplet(records, CHECKPOINT, checkReportJson))).toMatch(/report\.md does not say what report\.json says/);
  });
});
