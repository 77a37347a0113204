import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Ref, type InspectOutcome } from '../../src/index.js';
import { metadataOf, resealManifest } from './fixture-packets/kit.js';
import { realDossier } from './fixture-packets/real.js';
import { scratchDir, writePacket } from './helpers.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';

/**
 * Malformed and hostile input (issue 4): every run ends with exit 1–3, one escaped line, no
 * throw, and no file outside the output root. Input that is not a well-formed packet is exit 3.
 */
const next = scratchDir('fuzz');
const RUNS = 60;
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

async function runText(text: string | Buffer): Promise<{ outcome: InspectOutcome; directory: string }> {
  const directory = next();
  mkdirSync(path.join(directory, 'packet'));
  writeFileSync(path.join(directory, 'packet', 'packet.json'), text);
  const outcome = await inspectToDirectory({ packetPath: path.join(directory, 'packet'), outDir: path.join(directory, 'out'), name: 'fuzz' });
  return { outcome, directory };
}

function expectConfined(outcome: InspectOutcome, directory: string): void {
  expect([1, 2, 3]).toContain(outcome.exitCode);
  expect(outcome.line.includes('\n')).toBe(false);
  expect(CONTROL.test(outcome.line)).toBe(false);
  expect(readdirSync(directory).sort()).toEqual(['out', 'packet']);
  expect(readdirSync(path.join(directory, 'out')).sort()).toEqual(['checkpoint-fuzz.md', 'report.json', 'report.md']);
  for (const name of ['report.md', 'checkpoint-fuzz.md']) {
    const lines = readFileSync(path.join(directory, 'out', name), 'utf8').split('\n');
    expect(lines.some((line) => CONTROL.test(line)), name).toBe(false);
  }
}

async function expectBlocked(text: string | Buffer): Promise<void> {
  const { outcome, directory } = await runText(text);
  expectConfined(outcome, directory);
  expect(outcome.exitCode).toBe(3);
  expect(outcome.verdict).toBe('BLOCKED');
}

const validText = JSON.stringify(realDossier().packet);
const HEADER_FIELDS = ['schema', 'packet_id', 'packet_as_of', 'source_mode', 'freshness', 'max_item_age_days', 'export_operator', 'decision_effect', 'may_gate', 'allowed_surfaces', 'manifest_hash', 'dossier', 'items'];

describe('fuzz: malformed packets are BLOCKED with exit 3 and one line', () => {
  it('truncated JSON', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: validText.length - 1 }), async (cut) => expectBlocked(validText.slice(0, cut))), { numRuns: RUNS });
  });

  it('arbitrary JSON values and arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.json(), fc.string(), fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes))), async (text) => expectBlocked(text)), { numRuns: RUNS });
  });

  it('a header field replaced by a value of the wrong type, or removed', async () => {
    const wrong = fc.oneof(fc.constant(undefined), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.string({ maxLength: 5 }).map((text) => `x${text}`));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HEADER_FIELDS), wrong, async (field, value) => {
        const packet = JSON.parse(validText) as Record<string, unknown>;
        if (value === undefined) delete packet[field];
        else packet[field] = value;
        await expectBlocked(JSON.stringify(packet));
      }),
      { numRuns: RUNS },
    );
  });

  it('deep nesting and huge strings', async () => {
    await expectBlocked(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    await expectBlocked(`{"schema":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`);
    const packet = JSON.parse(validText) as Record<string, any>;
    packet.items[0].source_metadata.content_hash = `sha256:${'f'.repeat(5_000_000)}`;
    await expectBlocked(JSON.stringify(packet));
    packet.items = [[[[[[[[{}]]]]]]]];
    await expectBlocked(JSON.stringify(packet));
  });

  it('duplicate item ids and bad hashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 0, maxLength: 70 }), async (index, hex) => {
        const duplicated = JSON.parse(validText) as Record<string, any>;
        duplicated.items.push(structuredClone(duplicated.items[index]));
        await expectBlocked(JSON.stringify(duplicated));
        const badManifest = JSON.parse(validText) as Record<string, any>;
        badManifest.manifest_hash = `sha256:${hex}`;
        await expectBlocked(JSON.stringify(badManifest));
      }),
      { numRuns: 20 },
    );
  });
});

describe('fuzz: hostile but well-formed packets stay confined and escaped', () => {
  it('a dossier text made of huge adversarial lines is classified without hanging', async () => {
    const text = ['1,'.repeat(300_000), '9'.repeat(600_000), `${'1 '.repeat(4_000)}/`, `exit ${'0'.repeat(5_000)}`].join('\n');
    const built = realDossier();
    built.files.set('content/dossier.md', text);
    metadataOf(built, 'dossier-kb-coverage').content_hash = sha256Ref(text);
    resealManifest(built.packet);
    const directory = next();
    const packetDir = writePacket(directory, built);
    const outcome = await inspectToDirectory({ packetPath: packetDir, outDir: path.join(directory, 'out'), name: 'fuzz' });
    expectConfined(outcome, directory);
    expect(JSON.parse(readFileSync(path.join(directory, 'out', 'report.json'), 'utf8')).inventory_complete).toBe(false);
  });

  it('hostile content_file paths are never read and never crash', async () => {
    const hostile = fc.oneof(
      fc.constantFrom('../x', '/etc/passwd', 'a/../../b', '..', '.', './', 'content/\u0000x', '\\\\server\\share', 'C:\\x', '~root/x', 'content//../../../x', '%2e%2e/x'),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (contentFile) => {
        const built = realDossier();
        (built.packet.items as Array<Record<string, unknown>>)[3]!.content_file = contentFile;
        const directory = next();
        const packetDir = writePacket(directory, built);
        const outcome = await inspectToDirectory({ packetPath: packetDir, outDir: path.join(directory, 'out'), name: 'fuzz' });
        expectConfined(outcome, directory);
      }),
      { numRuns: RUNS },
    );
  });

  it('control characters and bidi overrides in packet strings are escaped in the line and the Markdown', async () => {
    const nasty = fc.array(fc.constantFrom('\u001b[31m', '\u0007', '\r', '\u202e', '\u0000', '|', '`', 'x', '\u009b'), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (id, text) => {
        const packet = JSON.parse(validText) as Record<string, any>;
        packet.packet_id = `P${id}`;
        packet.dossier.claims[0].text = text;
        packet.dossier.document_id = `D${id}`;
        const { outcome, directory } = await runText(JSON.stringify(packet));
        expectConfined(outcome, directory);
      }),
      { numRuns: RUNS },
    );
  });
});
