import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backedCountClaim, writeHostilePacket, type HostileSpec, type JsonObject } from './red-team/packet-gen.js';
import { claimOf, flagsOf, runCli, runInProcess, type RunResult } from './red-team/run.js';
import { listingsTimesClaims, manyClaims, sentencesTimesClaims } from './red-team/cost-gen.js';
import { EXTRA_ALL_TESTS_VARIANTS, EXTRA_PASS_VARIANTS, lookAlikes, type LookAlike } from './red-team/variants.js';
import { brokenTableRows, RAW_INVISIBLE, viewMarkdown } from './red-team/markdown-view.js';
import { judge, printOpen } from './red-team/verdict.js';

/**
 * Independent red team for issue #13: hostile packets that try to make the report mislead a
 * reviewer or never finish. Packets are generated with correct hashes (red-team/packet-gen.ts).
 */
const root = mkdtempSync(path.join(tmpdir(), 'tki-rt-hostile-'));
// The sandbox runs as nobody: the packets must be readable by it.
chmodSync(root, 0o755);
let counter = 0;
function freshDir(label: string): string {
  counter += 1;
  const dir = path.join(root, `${String(counter)}-${label}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
afterAll(() => {
  printOpen();
  rmSync(root, { recursive: true, force: true });
});

async function inspect(spec: HostileSpec, label: string): Promise<RunResult> {
  const dir = freshDir(label);
  writeHostilePacket(path.join(dir, 'packet'), spec);
  return runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'));
}

function dossierWith(sentence: string): string {
  return `# DOS-RT-HOSTILE\n\n- R1: 1284 of 1300 published KB documents carry a doc_id (NQ-KB-DOC-COUNT-V1).\n\n${sentence}\n`;
}

// ---------------------------------------------------------------------------------------------
// 1. Look-alike text: each variant gets the same dossier flags as its ASCII twin.
// ---------------------------------------------------------------------------------------------
interface Family {
  readonly name: string;
  readonly ascii: string;
  readonly flag: string;
  readonly extra?: readonly LookAlike[];
}
const FAMILIES: readonly Family[] = [
  { name: 'pass-count', ascii: 'Selftest: 22/22 PASS, exit 0.', flag: 'FLAG_PROSE_ONLY_PASS', extra: EXTRA_PASS_VARIANTS },
  { name: 'all-tests-pass', ascii: 'All tests pass.', flag: 'FLAG_PROSE_ONLY_PASS', extra: EXTRA_ALL_TESTS_VARIANTS },
  { name: 'selftest-passed', ascii: 'The selftest passed.', flag: 'FLAG_PROSE_ONLY_PASS' },
  { name: 'denial-anywhere', ascii: 'The file tools/legacy-export.py does not exist anywhere.', flag: 'FLAG_GLOBAL_DENIAL_WORDING' },
  { name: 'denial-everywhere', ascii: 'The legacy exporter is absent everywhere.', flag: 'FLAG_GLOBAL_DENIAL_WORDING' },
  { name: 'authority', ascii: 'This report is the authoritative gate and approves the release.', flag: 'FLAG_AUTHORITY_VIOLATION' },
];

describe('look-alike text gets the flags of its ASCII twin', () => {
  for (const family of FAMILIES) {
    it(`${family.name}`, async () => {
      const twin = await inspect({ dossierText: dossierWith(family.ascii) }, `twin-${family.name}`);
      const twinFlags = flagsOf(twin.report);
      // The twin itself must be caught, or the comparison proves nothing.
      judge(`lookalike:${family.name}:ascii-twin-flagged`, twinFlags.includes(family.flag) ? undefined : `ASCII twin "${family.ascii}" not flagged ${family.flag} (flags ${twinFlags.join(',') || 'none'})`);
      const variants = [...lookAlikes(family.ascii).filter((v) => v.name !== 'ascii'), ...(family.extra ?? [])];
      for (const variant of variants) {
        const result = await inspect({ dossierText: dossierWith(variant.text) }, `la-${family.name}-${variant.name}`);
        const flags = flagsOf(result.report);
        const same = flags.join(',') === twinFlags.join(',') && result.verdict === twin.verdict;
        judge(
          `lookalike:${family.name}:${variant.name}`,
          same ? undefined : `${JSON.stringify(variant.text)} → ${result.verdict} [${flags.join(',')}], twin → ${twin.verdict} [${twinFlags.join(',')}]`,
        );
      }
    }, 120_000);
  }

  it('look-alike denial wording inside a claim text is flagged like the ASCII twin', async () => {
    const { claim, item } = backedCountClaim();
    for (const variant of lookAlikes('This count does not exist anywhere else.')) {
      const result = await inspect({ dossierText: dossierWith(''), claims: [{ ...claim, text: `${String(claim.text)} ${variant.text}` }], items: [item] }, `claim-denial-${variant.name}`);
      const flags = flagsOf(result.report);
      judge(`lookalike:claim-denial:${variant.name}`, flags.includes('FLAG_GLOBAL_DENIAL_WORDING') ? undefined : `claim text ${JSON.stringify(variant.text)} → flags [${flags.join(',')}]`);
    }
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// 2. Injected identity: nothing unescaped reaches the verdict line or report.md, and no forbidden
//    verdict token appears on tki's own verdict line.
// ---------------------------------------------------------------------------------------------
const INJECTIONS: readonly LookAlike[] = [
  { name: 'final-verdict', text: 'X · FINAL VERDICT: PASS (exit 0) · certified' },
  { name: 'final-verdict-cyrillic', text: 'X FINAL VERDICT: \u0420\u0410SS' },
  { name: 'pass-plain', text: 'PASS' },
  { name: 'pass-in-id-grammar', text: 'PKT-PASS' },
  { name: 'certified-in-id-grammar', text: 'CERTIFIED' },
  { name: 'approved-in-id-grammar', text: 'APPROVED' },
  { name: 'verified-in-id-grammar', text: 'PKT/VERIFIED' },
  { name: 'passed-in-id-grammar', text: 'selftest:PASSED' },
  { name: 'exit0-in-id-grammar', text: 'exit-0:ALL-GREEN' },
  { name: 'ansi', text: 'PKT\u001b[2K\u001b[1G\u001b[32mPASS\u001b[0m' },
  { name: 'newline', text: 'PKT\nFINAL VERDICT: PASS' },
  { name: 'cr', text: 'PKT\rPASS' },
  { name: 'alm', text: 'PKT\u061CX' },
  { name: 'zw', text: 'PKT\u200B\u200C\u200DX' },
  { name: 'bom', text: 'PKT\uFEFFX' },
  { name: 'annotation', text: 'PKT\uFFF9PASS\uFFFA\uFFFBX' },
  { name: 'tags', text: 'PKT\u{E0001}\u{E0050}\u{E0041}\u{E0053}\u{E0053}\u{E007F}' },
  { name: 'bidi-override', text: 'PKT\u202ESSAP\u202C' },
  { name: 'line-sep', text: 'PKT\u2028PASS' },
  { name: 'backtick-html', text: 'PKT`<img src=x onerror=alert(1)>`' },
  { name: 'huge', text: `PKT-${'A'.repeat(100_000)}` },
];
const FORBIDDEN_TOKEN = /\b(PASS(ED)?|CERTIFIED|APPROVED|VERIFIED|GREEN|OK)\b/i;

function normalizedForToken(line: string): string {
  // A reader sees through look-alikes: compare on NFKC without format characters.
  return line.normalize('NFKC').replace(/[\p{Cf}\p{Cc}]/gu, '').replace(/[\u0420\u03A1]/g, 'P').replace(/[\u0410\u0391]/g, 'A').replace(/[\u0405]/g, 'S');
}

function identityProblems(result: RunResult, value: string): string | undefined {
  const problems: string[] = [];
  if (RAW_INVISIBLE.test(result.line)) problems.push(`raw control/format char on the verdict line ${JSON.stringify(result.line.slice(0, 200))}`);
  if (result.line.includes('\n')) problems.push('newline on the verdict line');
  const token = FORBIDDEN_TOKEN.exec(normalizedForToken(result.line));
  if (token !== null) problems.push(`forbidden token "${token[0]}" on the verdict line ${JSON.stringify(result.line.slice(0, 200))}`);
  if (result.line.length > 2_000) problems.push(`verdict line is ${String(result.line.length)} chars`);
  if (result.markdown === undefined) problems.push('no report.md');
  else {
    const raw = RAW_INVISIBLE.exec(result.markdown);
    if (raw !== null) problems.push(`raw U+${raw[0].codePointAt(0)!.toString(16).toUpperCase()} in report.md`);
    const view = viewMarkdown(result.markdown);
    if (view.html > 0) problems.push(`${String(view.html)} HTML node(s) in report.md`);
    if (value.includes('<img') && view.images > 0) problems.push('image injected into report.md');
  }
  if (result.report === undefined) problems.push(`no report.json (exit ${String(result.exitCode)}, line ${JSON.stringify(result.line.slice(0, 160))}, stderr ${JSON.stringify(result.stderr.slice(0, 160))})`);
  return problems.length === 0 ? undefined : problems.join('; ');
}

type Placement = (value: string) => HostileSpec;
const { claim: baseClaim, item: baseItem } = backedCountClaim();
const PLACEMENTS: Record<string, Placement> = {
  packet_id: (value) => ({ packet_id: value, dossierText: dossierWith('') }),
  document_id: (value) => ({ document_id: value, dossierText: dossierWith('') }),
  dossier_item_id: (value) => ({ dossier_item_id: value, dossierText: dossierWith('') }),
  claim_id: (value) => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, claim_id: value }], items: [baseItem] }),
  evidence_ref: (value) => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, evidence_refs: [value] }], items: [baseItem] }),
  item_id: (value) => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, evidence_refs: [value] }], items: [{ ...baseItem, item_id: value }] }),
  surface: (value) => ({
    dossierText: dossierWith(''),
    allowed_surfaces: ['kb', value],
    claims: [{ ...baseClaim, count: { ...(baseClaim.count as JsonObject), surface: value } }],
    items: [{ ...baseItem, surface: value }],
  }),
  blueprint_ref: (value) => ({ blueprint_ref: value, dossierText: dossierWith('') }),
  revision: (value) => ({ revision: value, dossierText: dossierWith('') }),
  claim_text: (value) => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, text: value }], items: [baseItem] }),
  subject: (value) => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, subject: value }], items: [baseItem] }),
};

describe('injected identity never reaches the terminal or report.md raw', () => {
  for (const [field, place] of Object.entries(PLACEMENTS)) {
    it(`${field}`, async () => {
      for (const injection of INJECTIONS) {
        const result = await inspect(place(injection.text), `id-${field}-${injection.name}`);
        judge(`identity:${field}:${injection.name}`, identityProblems(result, injection.text));
      }
    }, 120_000);
  }

  it('through tki run (bubblewrap): packet_id and claim text with verdict text, ANSI and tags', () => {
    for (const injection of INJECTIONS.filter((candidate) => ['final-verdict', 'ansi', 'tags', 'newline', 'bidi-override'].includes(candidate.name))) {
      for (const field of ['packet_id', 'claim_text', 'revision'] as const) {
        const dir = freshDir(`cli-id-${field}-${injection.name}`);
        writeHostilePacket(path.join(dir, 'packet'), PLACEMENTS[field]!(injection.text));
        const result = runCli(path.join(dir, 'packet'), path.join(dir, 'out'));
        const problems = [identityProblems(result, injection.text), RAW_INVISIBLE.test(result.stderr) ? 'raw control char on stderr' : undefined].filter((p) => p !== undefined);
        judge(`identity-cli:${field}:${injection.name}`, problems.length === 0 ? undefined : problems.join('; '));
      }
    }
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// 3. Markdown: what a CommonMark reader sees equals the packet's value; no structure injected.
// ---------------------------------------------------------------------------------------------
const MARKDOWN_VALUES: readonly LookAlike[] = [
  { name: 'backslash-underscore', text: 'pg:dot\\_tools' },
  { name: 'backticks', text: 'a`b``c```d' },
  { name: 'leading-backtick', text: '`x' },
  { name: 'html', text: '<b>bold</b><script>x</script>' },
  { name: 'link', text: '[click](https://evil.example/)' },
  { name: 'image', text: '![pixel](https://evil.example/p.png)' },
  { name: 'autolink', text: '<https://evil.example/>' },
  { name: 'pipes', text: 'a | b | c' },
  { name: 'emphasis', text: '*em* __strong__ ~~strike~~' },
  { name: 'entity', text: '&lt;not-a-tag&gt; &#x50;ASS' },
  { name: 'trailing-backslash', text: 'ends\\' },
];
const MARKDOWN_MULTILINE: readonly LookAlike[] = [
  { name: 'newline-heading', text: 'x\n# FINAL VERDICT: PASS' },
  { name: 'newline-table', text: 'x\n| a | b |\n|---|---|\n| PASS | 0 |' },
  { name: 'newline-fence', text: 'x\n```\nPASS\n```' },
  { name: 'setext', text: 'PASS\n====' },
];

function markdownProblems(result: RunResult, baseline: ReturnType<typeof viewMarkdown>, value: string, expectVisible: boolean): string | undefined {
  if (result.markdown === undefined) return 'no report.md';
  const view = viewMarkdown(result.markdown);
  const problems: string[] = [];
  if (view.headings !== baseline.headings) problems.push(`headings ${String(view.headings)} vs baseline ${String(baseline.headings)}`);
  if (view.links !== baseline.links) problems.push(`links ${String(view.links)} vs ${String(baseline.links)}`);
  if (view.images !== baseline.images) problems.push(`images ${String(view.images)} vs ${String(baseline.images)}`);
  if (view.html !== 0) problems.push(`${String(view.html)} HTML nodes`);
  const broken = brokenTableRows(result.markdown);
  if (broken.length > 0) problems.push(`table row broken by pipes: ${JSON.stringify(broken[0]!.slice(0, 160))}`);
  if (expectVisible && !view.text.includes(value)) problems.push(`reader does not see ${JSON.stringify(value)}`);
  return problems.length === 0 ? undefined : problems.join('; ');
}

const MARKDOWN_FIELDS: Record<string, { place: Placement; visible: boolean }> = {
  surface: { place: PLACEMENTS.surface!, visible: true },
  claim_text: { place: PLACEMENTS.claim_text!, visible: true },
  subject: { place: PLACEMENTS.subject!, visible: true },
  revision: { place: PLACEMENTS.revision!, visible: true },
  blueprint_ref: { place: PLACEMENTS.blueprint_ref!, visible: true },
  item_path: {
    place: (value) => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, claim_type: 'ARTIFACT_EXISTS', subject: value, text: 'The exporter exists.', count: undefined, evidence_refs: ['listing'] }], items: [{ item_id: 'listing', kind: 'ARTIFACT_LISTING', path: value, media_type: 'application/json', surface: 'pg:dot_tools', content: JSON.stringify({ entries: [{ path: value, sha256: `sha256:${'a'.repeat(64)}` }] }) }] }),
    visible: true,
  },
};

describe('report.md shows packet strings as text, per CommonMark', () => {
  for (const [field, { place, visible }] of Object.entries(MARKDOWN_FIELDS)) {
    it(`${field}`, async () => {
      const plain = field === 'surface' ? 'pg:plain' : 'plain-value';
      const baselineRun = await inspect(place(plain), `md-base-${field}`);
      const baseline = viewMarkdown(baselineRun.markdown ?? '');
      // A value refused by the identifier grammar is compared with another refused value.
      const refusedBaseline = viewMarkdown((await inspect(place('refused value'), `md-base-refused-${field}`)).markdown ?? '');
      // Only a field that report.md shows at all must be visible.
      const shown = visible && baseline.text.includes(plain);
      for (const value of [...MARKDOWN_VALUES, ...MARKDOWN_MULTILINE]) {
        const result = await inspect(place(value.text), `md-${field}-${value.name}`);
        // Identifier fields may refuse the value by grammar (BLOCKED naming the field): then the
        // reader need not see it, but the structure must still be intact.
        const refused = result.verdict === 'BLOCKED';
        const single = !value.text.includes('\n');
        judge(`markdown:${field}:${value.name}`, markdownProblems(result, refused ? refusedBaseline : baseline, value.text, shown && single && !refused));
      }
    }, 120_000);
  }
});

// ---------------------------------------------------------------------------------------------
// 4. Dangling citations are findings in both reports.
// ---------------------------------------------------------------------------------------------
describe('dangling citations', () => {
  const cases: Record<string, () => HostileSpec> = {
    'only-ghost': () => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, evidence_refs: ['ghost-item'] }], items: [baseItem] }),
    'valid-plus-ghost': () => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, evidence_refs: ['qr-count', 'ghost-item'] }], items: [baseItem] }),
    'ghost-but-subject-bound-by-uncited-listing': () => ({
      dossierText: dossierWith(''),
      claims: [{ claim_id: 'R1', text: 'The exporter tools/export-packet.py exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/export-packet.py', evidence_refs: ['ghost-item'] }],
      items: [{ item_id: 'listing', kind: 'ARTIFACT_LISTING', path: 'tools/', media_type: 'application/json', surface: 'pg:dot_tools', content: JSON.stringify({ entries: [{ path: 'tools/export-packet.py', sha256: `sha256:${'b'.repeat(64)}` }] }) }],
    }),
    'ghost-equal-to-dossier-id-case': () => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, evidence_refs: ['QR-COUNT'] }], items: [baseItem] }),
    'ghost-with-trailing-space-like': () => ({ dossierText: dossierWith(''), claims: [{ ...baseClaim, evidence_refs: ['qr-count.'] }], items: [baseItem] }),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(name, async () => {
      const spec = make();
      const ghost = String(((spec.claims![0] as JsonObject).evidence_refs as string[]).at(-1));
      const result = await inspect(spec, `dangling-${name}`);
      const claim = claimOf(result.report, 'R1');
      const problems: string[] = [];
      if (claim?.verdict !== 'INSUFFICIENT_EVIDENCE_FOR_CLAIM') problems.push(`claim verdict ${String(claim?.verdict)}`);
      if (!JSON.stringify(claim ?? {}).includes('citation/not_in_packet')) problems.push('report.json claim lacks citation/not_in_packet');
      if (!(result.markdown ?? '').includes(ghost) && !viewMarkdown(result.markdown ?? '').text.includes(ghost)) problems.push(`report.md does not name ${ghost}`);
      if (!(result.markdown ?? '').includes('not_in_packet') && !viewMarkdown(result.markdown ?? '').text.includes('not_in_packet')) problems.push('report.md lacks not_in_packet');
      if (result.verdict === 'UNVERIFIED') problems.push('dossier verdict UNVERIFIED despite a dangling citation');
      judge(`dangling:${name}`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 5. Cost: every run ends with a report, in bounded time; limits end BLOCKED naming the limit.
// ---------------------------------------------------------------------------------------------
function endedWithReport(result: RunResult): string | undefined {
  const problems: string[] = [];
  if (result.report === undefined) problems.push('no report.json');
  if (result.markdown === undefined) problems.push('no report.md');
  if (/\bat .*\(.*:\d+:\d+\)|^\s+at /m.test(`${result.line}\n${result.stderr}`)) problems.push('stack trace printed');
  if (/internal error/i.test(result.line) && result.report === undefined) problems.push('internal error without a report');
  return problems.length === 0 ? undefined : problems.join('; ');
}

function limitNamed(result: RunResult, snake: string): string | undefined {
  const text = JSON.stringify(result.report ?? {});
  if (result.verdict !== 'BLOCKED') return `verdict ${result.verdict}, expected BLOCKED naming limits/${snake}`;
  if (!text.includes(`limits/${snake}`) && !(snake === 'max_packet_json_bytes' && text.includes('packet/too_large'))) {
    const reasons = JSON.stringify((result.report as JsonObject | undefined)?.blocked_reasons ?? []).slice(0, 300);
    return `BLOCKED but limits/${snake} not named (blocked_reasons ${reasons})`;
  }
  return endedWithReport(result);
}

async function inspectWithLimits(spec: HostileSpec, label: string, limits: Record<string, number>): Promise<RunResult> {
  const dir = freshDir(label);
  writeHostilePacket(path.join(dir, 'packet'), spec);
  return runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'), limits);
}

describe('limits: just under is judged, just over is BLOCKED naming the limit', () => {
  const { claim, item } = backedCountClaim();
  const cases: { name: string; snake: string; limits: Record<string, number>; under: () => HostileSpec; over: () => HostileSpec }[] = [
    { name: 'maxClaims', snake: 'max_claims', limits: { maxClaims: 200 }, under: () => manyClaims(200), over: () => manyClaims(201) },
    {
      name: 'maxAllowedSurfaces',
      snake: 'max_allowed_surfaces',
      limits: {},
      under: () => ({ dossierText: dossierWith(''), allowed_surfaces: ['kb', 'pg:kb_stats', ...Array.from({ length: 62 }, (_, i) => `pg:s${String(i)}`)] }),
      over: () => ({ dossierText: dossierWith(''), allowed_surfaces: ['kb', 'pg:kb_stats', ...Array.from({ length: 63 }, (_, i) => `pg:s${String(i)}`)] }),
    },
    {
      name: 'maxReferencesPerClaim',
      snake: 'max_references_per_claim',
      limits: {},
      under: () => ({ dossierText: dossierWith(''), claims: [{ ...claim, evidence_refs: ['qr-count', ...Array.from({ length: 255 }, (_, i) => `ghost-${String(i)}`)] }], items: [item] }),
      over: () => ({ dossierText: dossierWith(''), claims: [{ ...claim, evidence_refs: ['qr-count', ...Array.from({ length: 256 }, (_, i) => `ghost-${String(i)}`)] }], items: [item] }),
    },
    { name: 'maxListingEntries', snake: 'max_listing_entries', limits: { maxListingEntries: 1000 }, under: () => listingsTimesClaims(1, 1000, 2), over: () => listingsTimesClaims(1, 1001, 2) },
    { name: 'maxListingEntries-across-listings', snake: 'max_listing_entries', limits: { maxListingEntries: 1000 }, under: () => listingsTimesClaims(4, 250, 2), over: () => listingsTimesClaims(7, 150, 2) },
    { name: 'maxProseBytes', snake: 'max_prose_bytes', limits: { maxProseBytes: 64 * 1024 }, under: () => ({ dossierText: dossierWith('x'.repeat(60 * 1024)) }), over: () => ({ dossierText: dossierWith('x'.repeat(70 * 1024)) }) },
    { name: 'maxPacketJsonBytes', snake: 'max_packet_json_bytes', limits: { maxPacketJsonBytes: 256 * 1024 }, under: () => ({ dossierText: dossierWith(''), blueprint_ref: 'B'.repeat(200 * 1024) }), over: () => ({ dossierText: dossierWith(''), blueprint_ref: 'B'.repeat(300 * 1024) }) },
    { name: 'maxEvidenceEntries', snake: 'max_evidence_entries', limits: { maxEvidenceEntries: 100 }, under: () => manyClaims(20), over: () => listingsTimesClaims(1, 50, 150) },
    { name: 'maxReportBytes', snake: 'max_report_bytes', limits: { maxReportBytes: 96 * 1024 }, under: () => manyClaims(2), over: () => manyClaims(400) },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const under = await inspectWithLimits(testCase.under(), `under-${testCase.name}`, testCase.limits);
      const underText = JSON.stringify(under.report ?? {});
      judge(`limit:${testCase.name}:under`, underText.includes(`limits/${testCase.snake}`) ? `just under is BLOCKED by limits/${testCase.snake}` : endedWithReport(under));
      const over = await inspectWithLimits(testCase.over(), `over-${testCase.name}`, testCase.limits);
      judge(`limit:${testCase.name}:over`, limitNamed(over, testCase.snake));
    }, 60_000);
  }
});

async function timeSpec(spec: HostileSpec, label: string): Promise<RunResult> {
  return inspect(spec, label);
}

describe('cost grows linearly', () => {
  it('listings × claims with subjects (4× both: linear is ~4×, quadratic ~16×)', async () => {
    await timeSpec(listingsTimesClaims(2, 2_000, 50), 'warm');
    const small = await timeSpec(listingsTimesClaims(4, 2_500, 250), 'lxc-small');
    const large = await timeSpec(listingsTimesClaims(4, 10_000, 1_000), 'lxc-large');
    const ratio = large.ms / small.ms;
    console.log(`listings×claims: small ${small.ms.toFixed(0)} ms, large ${large.ms.toFixed(0)} ms, ratio ${ratio.toFixed(1)}`);
    judge('cost:listings-x-claims:ended', endedWithReport(large));
    judge('cost:listings-x-claims:ratio', ratio < 8 ? undefined : `4× input took ${ratio.toFixed(1)}× (${small.ms.toFixed(0)} → ${large.ms.toFixed(0)} ms)`);
  }, 120_000);

  it('claim-like sentences × claims (4× both)', async () => {
    const small = await timeSpec(sentencesTimesClaims(4_000, 40), 'sxc-small');
    const large = await timeSpec(sentencesTimesClaims(16_000, 160), 'sxc-large');
    const ratio = large.ms / small.ms;
    console.log(`sentences×claims: small ${small.ms.toFixed(0)} ms, large ${large.ms.toFixed(0)} ms, ratio ${ratio.toFixed(1)}`);
    judge('cost:sentences-x-claims:ended', endedWithReport(large));
    judge('cost:sentences-x-claims:ratio', ratio < 8 ? undefined : `4× input took ${ratio.toFixed(1)}× (${small.ms.toFixed(0)} → ${large.ms.toFixed(0)} ms)`);
  }, 120_000);

  it('1M short claim-like sentences (just under 8 MiB prose) × 20 claims ends with a report, linear in the sentences', async () => {
    // A ratio to a quarter of the input measured in the same test, not a wall-clock bound: these
    // machines are shared, and a hang is what the test's own timeout catches.
    const millionSentences = (count: number) => {
      const lines = Array.from({ length: count }, (_, i) => `R${String(i % 10)}: ok.`);
      return { ...sentencesTimesClaims(0, 20), dossierText: `${lines.join('\n')}\n` };
    };
    const small = await timeSpec(millionSentences(250_000), 'quarter-million-sentences');
    const result = await timeSpec(millionSentences(1_000_000), 'million-sentences');
    const ratio = result.ms / small.ms;
    console.log(`1M sentences × 20 claims: ${result.ms.toFixed(0)} ms (250k: ${small.ms.toFixed(0)} ms, ratio ${ratio.toFixed(1)}), ${result.verdict}`);
    judge('cost:million-sentences', endedWithReport(result) ?? (ratio >= 8 ? `4× the sentences took ${ratio.toFixed(1)}× (${small.ms.toFixed(0)} → ${result.ms.toFixed(0)} ms)` : undefined));
  }, 180_000);

  it('deep nesting in a listing and in packet.json ends with a report', async () => {
    const depth = 500_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const listing = await timeSpec({ dossierText: dossierWith(''), claims: [{ claim_id: 'R1', text: 'x exists', claim_type: 'ARTIFACT_EXISTS', subject: 'x', evidence_refs: ['deep'] }], items: [{ item_id: 'deep', kind: 'ARTIFACT_LISTING', path: 'tools/', media_type: 'application/json', surface: 'pg:dot_tools', content: `{"entries":${deep}}` }] }, 'deep-listing');
    judge('cost:deep-listing', endedWithReport(listing));
    const dir = freshDir('deep-packet');
    const { packet } = writeHostilePacket(path.join(dir, 'packet'), { dossierText: dossierWith('') });
    writeFileSync(path.join(dir, 'packet', 'packet.json'), JSON.stringify({ ...packet, export_operator: undefined }).replace(/^\{/, `{"export_operator":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},`));
    const deepPacket = await runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'));
    judge('cost:deep-packet-json', endedWithReport(deepPacket));
  }, 120_000);

  it('a 10 MB packet_id is refused with a short line and a small report', async () => {
    const result = await timeSpec({ packet_id: `P${'A'.repeat(10_000_000)}`, dossierText: dossierWith('') }, 'huge-id');
    const size = JSON.stringify(result.report ?? {}).length + (result.markdown ?? '').length;
    judge('cost:huge-packet-id', endedWithReport(result) ?? (result.line.length > 2_000 ? `verdict line ${String(result.line.length)} chars` : size > 1_000_000 ? `reports ${String(size)} chars` : undefined));
  }, 60_000);
});

describe('cost through tki run (bubblewrap)', () => {
  it('1M small claims (default maxClaims 100,000; packet.json under 128 MiB) is BLOCKED naming max_claims', () => {
    const dir = freshDir('cli-million-claims');
    const { item } = backedCountClaim();
    const claims = Array.from({ length: 1_000_000 }, (_, i) => ({ claim_id: `C${String(i)}`, text: 'x', claim_type: 'ARTIFACT_EXISTS', subject: 'x', evidence_refs: ['qr-count'] }));
    writeHostilePacket(path.join(dir, 'packet'), { dossierText: '# x\n', claims, items: [item] });
    const result = runCli(path.join(dir, 'packet'), path.join(dir, 'out'), 110_000);
    const parseStarted = performance.now();
    JSON.parse(readFileSync(path.join(dir, 'packet', 'packet.json'), 'utf8'));
    const parseMs = performance.now() - parseStarted;
    console.log(`tki run, 1M claims: ${result.ms.toFixed(0)} ms, exit ${String(result.exitCode)}; read+parse once ${parseMs.toFixed(0)} ms`);
    judge('cost-cli:million-claims', limitNamed(result, 'max_claims') ?? (result.exitCode !== 3 ? `exit ${String(result.exitCode)}` : undefined));
    // The time bar (refused in ≤ 1.5× one read+parse) is a speed target: it is measured in
    // `npm run bench` (bench/inspector-hostile.ts, medians side by side), never timed in a unit test
    // on a shared machine. The figure above is printed for the record only.
  }, 120_000);

  it('a packet.json just over 128 MiB is BLOCKED naming the operator path, not /in', () => {
    const dir = freshDir('cli-too-large');
    const packetDir = path.join(dir, 'packet');
    writeHostilePacket(packetDir, { dossierText: '# x\n', blueprint_ref: 'B'.repeat(128 * 1024 * 1024 + 1) });
    const result = runCli(packetDir, path.join(dir, 'out'), 110_000);
    const text = `${result.line}\n${JSON.stringify(result.report ?? {})}\n${result.markdown ?? ''}`;
    console.log(`tki run, 128 MiB + packet.json: ${result.ms.toFixed(0)} ms, exit ${String(result.exitCode)}`);
    const problems = [limitNamed(result, 'max_packet_json_bytes'), text.includes('/in/packet.json') ? 'the reports name the in-sandbox path /in/packet.json' : undefined, text.includes(packetDir) ? undefined : `the reports do not name ${packetDir}`].filter((p) => p !== undefined);
    judge('cost-cli:too-large-operator-path', problems.length === 0 ? undefined : problems.join('; '));
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// 6. --out rules (SPEC §5), through tki run: messages name the operator's paths.
// ---------------------------------------------------------------------------------------------
describe('--out rules', () => {
  function packetIn(dir: string): string {
    writeHostilePacket(path.join(dir, 'packet'), { dossierText: dossierWith('') });
    return path.join(dir, 'packet');
  }
  function refused(result: RunResult, names: string): string | undefined {
    const all = `${result.line}\n${result.stderr}`;
    if (result.exitCode !== 3) return `exit ${String(result.exitCode)} (accepted)`;
    if (!all.includes(names)) return `message does not name ${names}: ${JSON.stringify(all.slice(0, 300))}`;
    if (/(^|[\s'"`])\/(in|out)(\/|\b)/.test(all)) return `message names a sandbox path: ${JSON.stringify(all.slice(0, 300))}`;
    return undefined;
  }

  it('--out equal to the packet directory is refused and the packet is untouched', () => {
    const packet = packetIn(freshDir('out-eq'));
    const before = readdirSync(packet).sort().join(',');
    const result = runCli(packet, packet);
    judge('out:equal-to-packet', refused(result, packet) ?? (readdirSync(packet).sort().join(',') !== before ? 'packet directory changed' : undefined));
  });

  it('--out inside the packet directory is refused', () => {
    const packet = packetIn(freshDir('out-inside'));
    const out = path.join(packet, 'content', 'reports');
    judge('out:inside-packet', refused(runCli(packet, out), packet) );
  });

  it('--out inside the packet directory through a trailing slash and dot segments is refused', () => {
    const packet = packetIn(freshDir('out-dots'));
    judge('out:inside-packet-dots', refused(runCli(`${packet}/`, `${packet}/./content/../r`), packet));
  });

  it('--out non-empty with unrelated files is refused', () => {
    const dir = freshDir('out-unrelated');
    const packet = packetIn(dir);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const result = runCli(packet, out);
    judge('out:unrelated-files', refused(result, out) ?? (readdirSync(out).join(',') !== 'notes.txt' ? `out now holds ${readdirSync(out).join(',')}` : undefined));
  });

  it('--out holding a previous report plus another file is refused; exactly a previous run is accepted', () => {
    const dir = freshDir('out-mix');
    const packet = packetIn(dir);
    const out = path.join(dir, 'out');
    const first = runCli(packet, out);
    expect(first.report, first.stderr).toBeDefined();
    const again = runCli(packet, out);
    judge('out:previous-run-accepted', again.report !== undefined && again.exitCode !== 3 ? undefined : `re-run into a previous run's directory: exit ${String(again.exitCode)} ${again.line.slice(0, 200)} ${again.stderr.slice(0, 200)}`);
    writeFileSync(path.join(out, 'extra.md'), 'x');
    judge('out:previous-run-plus-other', refused(runCli(packet, out), out));
  });

  it('a missing packet.json names the operator path, not /in', () => {
    const dir = freshDir('missing');
    const packet = path.join(dir, 'empty-packet');
    mkdirSync(packet);
    const result = runCli(packet, path.join(dir, 'out'));
    judge('out:missing-packet-json-path', refused(result, packet));
  });
});
