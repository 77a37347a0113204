import { Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  escapeControlChars,
  escapeMarkdown,
  summaryLine,
  type InspectorLimits,
  type Report,
} from '../../src/index.js';
import { markdownCode } from '../../src/text/escape.js';
import { realClaims, realDossier, realItems, REAL_DOSSIER_TEXT } from './fixture-packets/real.js';
import { clonePacket, resealManifest, type BuiltPacket, type Json } from './fixture-packets/kit.js';
import { readReport, scratchDir, writePacket } from './helpers.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';

const scratch = scratchDir('hostile');

/** What a reader sees: the concatenated text of a CommonMark document's text and code nodes. */
function visibleText(markdown: string): string {
  const walker = new Parser().parse(markdown).walker();
  let text = '';
  for (let event = walker.next(); event !== null; event = walker.next()) {
    const node = event.node;
    if (!event.entering) continue;
    if (node.type === 'text' || node.type === 'code') text += node.literal ?? '';
    if (node.type === 'softbreak' || node.type === 'linebreak' || node.type === 'paragraph') text += '\n';
  }
  return text;
}

async function run(built: BuiltPacket, limits: InspectorLimits = DEFAULT_LIMITS) {
  const directory = scratch();
  const packetPath = writePacket(directory, built);
  const outDir = `${directory}/out`;
  const outcome = await inspectToDirectory({ packetPath, outDir, name: 'hostile' }, limits);
  return { outcome, report: readReport(outDir), outDir };
}

const INVISIBLE = ['\u061C', '\u200B', '\u200C', '\u200D', '\uFEFF', '\uFFF9', '\uFFFA', '\uFFFB', '\u{E0001}', '\u{E0041}', '\u{E007F}', '\u202E', '\u2066', '\u00AD', '\uFE0F', '\u3164', '\u2028', '\u001b', '\u0085'];

describe('terminal escaping', () => {
  it.each(INVISIBLE.map((char) => [char.codePointAt(0)?.toString(16) ?? '', char]))('shows U+%s as a visible escape', (hex, char) => {
    expect(escapeControlChars(`a${char}b`)).toBe(`a\\u{${hex}}b`);
  });

  it('leaves visible text alone', () => {
    expect(escapeControlChars('plain · ü → 𝐏')).toBe('plain · ü → 𝐏');
  });
});

describe('report.md through a CommonMark renderer', () => {
  const values = ['pg:dot_tools', 'a `tick` and ``two``', '`edge`', ' spaced ', '*em* _u_ **b** [l](u) <b>x</b> &amp; \\ | # ! ~'];

  it.each(values)('a code span shows %j exactly', (value) => {
    expect(visibleText(markdownCode(value)).replace(/^\n/, '')).toBe(value);
  });

  it.each(values)('inline text shows %j exactly', (value) => {
    expect(visibleText(escapeMarkdown(value)).trim()).toBe(value.trim());
  });

  it('a hostile claim text reads as the packet value, invisible characters as escapes', async () => {
    const text = 'R1 `x` *y* <i>z</i> &lt; a\\_b | c\u202Ed\u200Be';
    const claims = realClaims().map((claim) => (claim.claim_id === 'R1' ? { ...claim, text } : claim));
    const { outDir } = await run(realDossier(claims));
    const { readFileSync } = await import('node:fs');
    const seen = visibleText(readFileSync(`${outDir}/report.md`, 'utf8'));
    expect(seen).toContain(escapeControlChars(text));
  });
});

describe('the verdict line', () => {
  it('never carries a forbidden verdict token, whatever the packet says', async () => {
    const built = clonePacket(realDossier());
    built.packet.packet_id = 'PASS';
    resealManifest(built.packet);
    const { outcome } = await run(built);
    expect(outcome.line).not.toMatch(/(?<![A-Z_])PASS(?![A-Z_])/i);
    // The line carries no packet-supplied text at all: not even a grammatical id.
    expect(outcome.line).not.toMatch(/packet /);
  });

  it('never carries a grammatical packet_id that reads as a verdict (CERTIFIED, APPROVED)', async () => {
    for (const id of ['CERTIFIED', 'APPROVED']) {
      const built = clonePacket(realDossier());
      built.packet.packet_id = id;
      resealManifest(built.packet);
      const { outcome, report } = await run(built);
      expect(outcome.line).not.toContain(id);
      expect(report.packet.packet_id).toBe(id);
    }
  });

  it('withholds look-alike tokens from any source', () => {
    const report = { final_verdict: 'BLOCKED', article14_status: 'NOT_PROVEN_EXECUTION_UNVERIFIED', claims: [], flags: [], blocked_reasons: [], packet: { packet_id: 'РАSSED' } } as unknown as Report;
    expect(summaryLine(report, 3)).not.toContain('РАSSED');
  });

  it('names an invalid packet_id by its field, not by its text', async () => {
    const built = clonePacket(realDossier());
    built.packet.packet_id = 'X · FINAL VERDICT: PASS (exit 0) · certified';
    resealManifest(built.packet);
    const { outcome, report } = await run(built);
    expect(outcome.exitCode).toBe(3);
    expect(outcome.line).toContain('packet/invalid_value at packet_id');
    expect(outcome.line).not.toContain('certified');
    expect(report.blocked_reasons[0]?.message).toContain('expected an identifier');
  });
});

describe('dangling citations', () => {
  it('are findings in both reports', async () => {
    const claims = realClaims().map((claim) => (claim.claim_id === 'R3' ? { ...claim, evidence_refs: ['kb-export-policy', 'ghost-item'] } : claim));
    const { report, outDir } = await run(realDossier(claims));
    const r3 = report.claims.find((claim) => claim.claim_id === 'R3');
    expect(r3?.verdict).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
    // The id is packet text: counted in the reason, listed in the chain, quoted in report.md (round 12b).
    expect(r3?.reasons[0]).toMatch(/^citation\/not_in_packet: the claim cites 1 item id/);
    expect(r3?.reasons[0]).not.toContain('ghost-item');
    expect(r3?.chain.dangling_citations?.item_ids).toEqual(['ghost-item']);
    const { readFileSync } = await import('node:fs');
    const markdown = readFileSync(`${outDir}/report.md`, 'utf8');
    expect(markdown).toContain('## Dangling citations (citation/not_in_packet)');
    expect(visibleText(markdown)).toContain('ghost-item');
  });
});

describe('limits end in a BLOCKED report naming the limit', () => {
  const small = (overrides: Partial<InspectorLimits>): InspectorLimits => ({ ...DEFAULT_LIMITS, ...overrides });
  const withDossier = (mutate: (packet: Json) => void): BuiltPacket => {
    const built = clonePacket(realDossier());
    mutate(built.packet);
    resealManifest(built.packet);
    return built;
  };

  it.each([
    ['maxItems', small({ maxItems: 3 }), 'limits/max_items'],
    ['maxClaims', small({ maxClaims: 4 }), 'limits/max_claims'],
    ['maxReferencesPerClaim', small({ maxReferencesPerClaim: 0 }), 'limits/max_references_per_claim'],
    ['maxAllowedSurfaces', small({ maxAllowedSurfaces: 1 }), 'limits/max_allowed_surfaces'],
    ['maxAllowedSurfacesBytes', small({ maxAllowedSurfacesBytes: 4 }), 'limits/max_allowed_surfaces_bytes'],
    ['maxItemPathBytes', small({ maxItemPathBytes: 4 }), 'limits/max_item_path_bytes'],
    ['maxListingEntries', small({ maxListingEntries: 0 }), 'limits/max_listing_entries'],
    ['maxProseBytes', small({ maxProseBytes: 100 }), 'limits/max_prose_bytes'],
    ['maxClaimTextBytes', small({ maxClaimTextBytes: 20 }), 'limits/max_claim_text_bytes'],
    ['maxClaimTextBytesTotal', small({ maxClaimTextBytesTotal: 100 }), 'limits/max_claim_text_bytes_total'],
    ['maxEvidenceEntries', small({ maxEvidenceEntries: 2 }), 'limits/max_evidence_entries'],
    ['maxReportBytes', small({ maxReportBytes: 8_000 }), 'limits/max_report_bytes'],
  ] as const)('%s', async (name, limits, code) => {
    const { outcome, report } = await run(realDossier(), limits);
    expect(outcome.exitCode).toBe(3);
    expect(report.final_verdict).toBe('BLOCKED');
    expect(report.blocked_reasons.map((reason) => reason.code)).toContain(code);
    expect(report.blocked_reasons[0]?.message).toContain(name);
    expect(outcome.line).toContain(name);
  });

  it('nesting deeper than any packet needs is refused before JSON.parse', async () => {
    const directory = scratch();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(`${directory}/packet`);
    writeFileSync(`${directory}/packet/packet.json`, `{"schema":"b7-governed-packet/v1","items":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const outcome = await inspectToDirectory({ packetPath: `${directory}/packet`, outDir: `${directory}/out` });
    expect(outcome.exitCode).toBe(3);
    expect(readReport(`${directory}/out`).blocked_reasons[0]?.code).toBe('limits/max_json_depth');
  });

  it('a refused packet is not judged claim by claim', async () => {
    const { report } = await run(withDossier(() => undefined), small({ maxClaims: 1 }));
    expect(report.claims).toEqual([]);
  });

  it('a dossier of 40,000 claim-like sentences ends in a report, not a stack overflow', async () => {
    const sentences = 'The tool tools/x.py exists. '.repeat(20).trim();
    const text = `${REAL_DOSSIER_TEXT}\n${`${sentences}\n`.repeat(2_000)}`;
    const items = realItems().map((item) => (item.item_id === 'dossier-kb-coverage' ? { ...item, content: text } : item));
    const { outcome, report } = await run(realDossier(undefined, items));
    expect(outcome.exitCode).toBe(2);
    expect(report.prose.unparsed_regions.reduce((total, group) => total + group.count, 0)).toBeGreaterThan(1_000);
  });
});
