import { buildPacket, clonePacket, resealManifest, type Json } from './kit.js';
import { REAL_DOSSIER_TEXT, REAL_EXPECTED_CLAIMS, realClaims, realDossier, realItems } from './real.js';
import type { ExpectedOutcome, FixtureDefinition } from './types.js';

/**
 * Hostile packets (issue 13): look-alike twins of the ASCII fixtures must get the same flags,
 * packet-supplied identities must follow the identifier grammar, dangling citations are findings.
 */
function withDossierText(text: string) {
  return realItems().map((item) => (item.item_id === 'dossier-kb-coverage' ? { ...item, content: text } : item));
}

const PROSE_PASS_EXPECTED: ExpectedOutcome = { exit_code: 1, final_verdict: 'READ_LEVEL_FAIL', claims: REAL_EXPECTED_CLAIMS, flags_include: ['FLAG_PROSE_ONLY_PASS'] };

/** The twins of fixture prose-only-pass's sentence "Selftest: 22/22 PASS, exit 0.". */
const PASS_TWINS: ReadonlyArray<readonly [string, string, string]> = [
  ['cyrillic', 'Cyrillic Р, А, е, х, і and О', 'Selftest: 22/22 РАSS, ехіt О.'],
  ['zero-width', 'zero-width space, joiner, non-joiner and BOM inside the words', 'Selftest: 22/22 P\u200BA\u200DS\u200CS, e\uFEFFxit 0.'],
  ['fullwidth', 'fullwidth digits and letters', 'Selftest: ２２/２２ ＰＡＳＳ, ｅｘｉｔ ０.'],
  ['math-bold', 'mathematical bold letters and digits', 'Selftest: 𝟐𝟐/𝟐𝟐 𝐏𝐀𝐒𝐒, 𝐞𝐱𝐢𝐭 𝟎.'],
  ['tags-and-bidi', 'tag characters and bidi isolates between the letters', 'Selftest: 22/22 PA\u{E0041}SS,\u2066 exit\u2069 0.'],
];

function renamed(build: () => ReturnType<typeof realDossier>, mutate: (packet: Json) => void) {
  return () => {
    const built = clonePacket(build());
    mutate(built.packet);
    resealManifest(built.packet);
    return built;
  };
}

export const HOSTILE_FIXTURES: FixtureDefinition[] = [
  ...PASS_TWINS.map(([name, how, sentence]): FixtureDefinition => ({
    name: `hostile-prose-pass-${name}`,
    rows: [16],
    description: `Look-alike twin of prose-only-pass (${how}): the same FLAG_PROSE_ONLY_PASS.`,
    build: () => realDossier(undefined, withDossierText(`${REAL_DOSSIER_TEXT}\n${sentence}\n`)),
    expected: PROSE_PASS_EXPECTED,
  })),
  {
    name: 'hostile-authority-lookalike',
    rows: [20],
    description: 'Look-alike twin of the authority sentence of authority-assertion (Cyrillic і, е, о and a zero-width space): FLAG_AUTHORITY_VIOLATION.',
    build: () => realDossier(undefined, withDossierText(`${REAL_DOSSIER_TEXT}\nThіs rеport is the authоritative\u200B gate: it apprоves the release.\n`)),
    expected: { exit_code: 1, final_verdict: 'READ_LEVEL_FAIL', claims: REAL_EXPECTED_CLAIMS, flags_include: ['FLAG_AUTHORITY_VIOLATION'] },
  },
  {
    name: 'hostile-global-denial-lookalike',
    rows: [41],
    description: 'Look-alike twin of fixture D (Cyrillic о, a zero-width space, fullwidth letters): the wording is still rewritten and flagged.',
    build: () =>
      buildPacket({
        packet_id: 'PKT-DOS-LEGACY-EXPORTER-V2',
        allowed_surfaces: ['kb', 'pg:dot_tools'],
        dossier: {
          document_id: 'DOS-LEGACY-EXPORTER-V2',
          blueprint_ref: 'BP-CANON-2',
          revision: '2',
          item_id: 'dos-legacy-exporter-v2',
          claims: [
            { claim_id: 'D1', text: 'The legacy exporter tools/legacy-export.py dоes n\u200Bоt exist anywhere; it is ａｂｓｅｎｔ everywhere.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/legacy-export.py', evidence_refs: [] },
          ],
        },
        items: [
          {
            item_id: 'dos-legacy-exporter-v2',
            kind: 'KB_DOCUMENT',
            path: 'dossiers/dos-legacy-exporter-v2.md',
            media_type: 'text/markdown',
            content: '# DOS-LEGACY-EXPORTER-V2\n\n- D1: The legacy exporter tools/legacy-export.py dоes n\u200Bоt exist anywhere; it is ａｂｓｅｎｔ everywhere.\n',
          },
        ],
      }),
    expected: { exit_code: 1, final_verdict: 'READ_LEVEL_FAIL', claims: { D1: 'NOT_EVIDENCED_IN_ALLOWED_SURFACES' }, flags_include: ['FLAG_GLOBAL_DENIAL_WORDING'] },
  },
  {
    name: 'hostile-packet-id-injection',
    rows: [5],
    description: 'A packet_id that would print as part of tki\'s verdict line ("X · FINAL VERDICT: PASS (exit 0) · certified"): a header error naming packet_id.',
    build: renamed(realDossier, (packet) => {
      packet.packet_id = 'X · FINAL VERDICT: PASS (exit 0) · certified';
    }),
    expected: { exit_code: 3, final_verdict: 'BLOCKED', blocked_codes_include: ['packet/invalid_value'], items_usable: 0 },
  },
  {
    name: 'hostile-surface-backtick',
    rows: [5],
    description: 'An allowed surface with a backtick and a right-to-left override: a header error naming allowed_surfaces[2].',
    build: renamed(realDossier, (packet) => {
      packet.allowed_surfaces = [...(packet.allowed_surfaces as string[]), 'kb`\u202Epg'];
    }),
    expected: { exit_code: 3, final_verdict: 'BLOCKED', blocked_codes_include: ['packet/invalid_value'] },
  },
  {
    name: 'hostile-claim-id-format-chars',
    rows: [1],
    description: 'A claim_id with a zero-width joiner and a tag character: a dossier error naming the field.',
    build: renamed(realDossier, (packet) => {
      const claims = (packet.dossier as Json).claims as Json[];
      if (claims[0] !== undefined) claims[0].claim_id = 'R1\u200D\u{E0050}';
    }),
    expected: { exit_code: 3, final_verdict: 'BLOCKED', blocked_codes_include: ['dossier/invalid'] },
  },
  {
    name: 'hostile-dangling-citation',
    rows: [11],
    description: 'R4 cites the listing and an item id that is not in the packet: INSUFFICIENT_EVIDENCE_FOR_CLAIM with citation/not_in_packet, whatever else it cites.',
    build: () => realDossier(realClaims().map((claim) => (claim.claim_id === 'R4' ? { ...claim, evidence_refs: ['listing-dot-tools', 'listing-not-exported'] } : claim))),
    expected: {
      exit_code: 1,
      final_verdict: 'READ_LEVEL_FAIL',
      claims: { ...REAL_EXPECTED_CLAIMS, R4: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' },
      claim_reasons_include: { R4: ['citation/not_in_packet'] },
    },
  },
  {
    name: 'packet-with-dollar-schema',
    rows: [22],
    description: 'The flawless real dossier with a top-level $schema string (editor support): allowed and ignored.',
    build: renamed(realDossier, (packet) => {
      const reordered: Json = { $schema: '../../../schema/packet.schema.json', ...packet };
      for (const key of Object.keys(packet)) delete packet[key];
      Object.assign(packet, reordered);
    }),
    expected: { exit_code: 2, final_verdict: 'UNVERIFIED', triage_outcome: 'NO_BLOCKING_FINDING_BUT_UNCERTIFIED', claims: REAL_EXPECTED_CLAIMS, inventory_complete: true },
  },
];
