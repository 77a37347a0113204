import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { bytesUnder, dossier, flagsOf9, inspect9, roundRoot, summary9 } from './gen9.js';
import { createJudge9 } from './judge9.js';

/**
 * rt-packets9, cost of dossier findings. Rounds 4 and 7 bounded report bytes per packet byte (≤ 16)
 * for claims, citations and surfaces; the prose scan's findings were not measured. Every flagged
 * sentence, every unparsed region and every global-denial hit is listed in full in report.json and
 * report.md, so a dossier of 9-byte paragraphs ("exit 0.") gives ≈ 47 report bytes per packet byte
 * (20,000 of them: a 0.19 MB packet, 9.1 MB of reports), one control character per paragraph ≈ 65,
 * empty HTML comments ≈ 24, "X does not exist anywhere." ≈ 24. Global-authority hits hold (bounded).
 *
 * And bidi isolates: the display-order form of a dossier holding ≈ 25,000+ explicit isolates or
 * embeddings in all (spread over 2,000 short paragraphs or sentences: 0.5 MB, within every limit) ends
 * in limits/resources "RangeError: Maximum call stack size exceeded" — BLOCKED, with no finding listed,
 * where the same sentences without the isolates are judged.
 */
const { judge, checkAllListedRan } = createJudge9('cost');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const MAX_REPORT_PER_PACKET_BYTE = 16;

async function reportPerPacketByte(text: string, label: string): Promise<string | undefined> {
  const result = await inspect9({ dossierText: dossier(text) }, label);
  if (result.report === undefined) return `no report.json: ${summary9(result)}`;
  const packetBytes = bytesUnder(result.packetDir);
  const reportBytes = bytesUnder(result.outDir);
  const ratio = reportBytes / packetBytes;
  return ratio <= MAX_REPORT_PER_PACKET_BYTE ? undefined : `${String(reportBytes)} report bytes for ${String(packetBytes)} packet bytes (${ratio.toFixed(1)}×): ${summary9(result)}`;
}

describe('dossier findings cost report bytes in proportion to the packet', () => {
  for (const [name, paragraph, count] of [
    ['pass-sentences', 'exit 0.', 5_000],
    ['control-char-paragraphs', 'a\u0001', 5_000],
    ['empty-comment-paragraphs', '<!---->', 5_000],
    ['global-denial-sentences', 'X does not exist anywhere.', 2_000],
    // Guard (holds today).
    ['authority-sentences', 'This approves the release.', 2_000],
  ] as const) {
    it(`${String(count)} paragraphs of ${JSON.stringify(paragraph)}`, async () => {
      judge(`cost:${name}-per-packet-byte`, await reportPerPacketByte(`${paragraph}\n\n`.repeat(count), `cost-${name}`));
    }, 120_000);
  }
});

describe('bidi isolates are judged, not refused as too costly', () => {
  const isolated = ('a \u2067'.repeat(50) + '.\n\n').repeat(2_000);
  it('control: the same paragraphs without isolates are judged', async () => {
    const result = await inspect9({ dossierText: dossier('The selftest: exit 0.', '', ('a '.repeat(50) + '.\n\n').repeat(2_000)) }, 'isolates-control');
    judge('cost:control-no-isolates-judged', flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS') ? undefined : summary9(result));
  }, 120_000);
  it('2,000 paragraphs of 50 unclosed RLI (0.5 MB) after a pass sentence', async () => {
    const result = await inspect9({ dossierText: dossier('The selftest: exit 0.', '', isolated) }, 'isolates');
    const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
    const ok = flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS') && !reasons.includes('limits/resources');
    judge('cost:many-isolates-judged', ok ? undefined : `${summary9(result)} ${reasons.slice(0, 240)}`);
  }, 120_000);
});
