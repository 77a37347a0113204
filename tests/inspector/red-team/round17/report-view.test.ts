import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { brokenTableRows, RAW_INVISIBLE, viewMarkdown, type MarkdownView } from '../markdown-view.js';
import { backedCountClaim, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { dossier, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { decodeEscapes } from '../round16/report-cells.js';
import { createJudge17 } from './judge17.js';

/**
 * rt-packets17, packet text in report.md as a reader sees it (the `commonmark` package renders it) and
 * on the verdict line: Markdown a packet can write into every field report.md shows (the free-text
 * `revision` and `blueprint_ref`, a claim's text, an item's path on a surface the packet does not allow, a quoted dossier line):
 * link reference definitions, autolinks, HTML blocks, setext underlines, table rows, footnote-like
 * text, numeric and named references (`&#x202E;` decodes to a real RLO when it is not escaped) and
 * backtick runs that would end the code span a value is shown in. Each report.md must render with
 * the links, images, headings and raw HTML of the same packet holding a plain value, no raw control or
 * bidi character after rendering, and the value shown whole (tki's `\u{…}` escapes decoded). Then
 * dangling citations (SPEC §3) in shapes no round tried: each must be a finding in report.json (the
 * verdict, the reason, `dangling_citations`) and in report.md (the section naming the claim and the id).
 */
const { judge, checkAllListedRan } = createJudge17('view');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PLAIN = 'plain-value';
const VALUES: Record<string, string> = {
  'link-reference-definition': '[evil]: https://evil.example "PASS"',
  'autolink': '<https://evil.example/READ_LEVEL_ACCEPTABLE>',
  'html-block-tag': '<div>READ_LEVEL_ACCEPTABLE</div>',
  'image-syntax': '![PASS](https://evil.example/x.png)',
  'footnote-like': '[^1]: certified PASS',
  'numeric-reference-rlo': '&#x202E;evil&#x202C; x',
  'named-references': '&lt;b&gt; &amp;amp; &nbsp;&ZeroWidthSpace;',
  'backtick-runs': '`` ` [l](https://evil.example) ` ``',
  'backtick-at-both-edges': '`[l](https://evil.example)`',
  'strong-and-emphasis': '**certified** _PASS_ ~~x~~',
  'trailing-backslash': 'ends with \\',
  'backslash-before-pipe': 'a \\| b | c \\\\| d',
  'html-comment-opener': '<!-- hidden',
  'heading-marker': '# PASS',
  'references-without-semicolon': '&#x202E evil &amp x &#8238 y',
  'setext-underline-after-newline': 'x\n===',
  'table-row-after-newline': 'a\n| x | y |\n|---|---|',
};

/** Fields of a packet report.md shows, each given the value through a spec. */
const FIELDS: Record<string, (value: string) => HostileSpec> = {
  revision: (value) => ({ dossierText: dossier('Hello.'), revision: value }),
  'blueprint-ref': (value) => ({ dossierText: dossier('Hello.'), blueprint_ref: value }),
  'claim-text': (value) => ({ dossierText: dossier('Hello.'), claims: [{ ...backedCountClaim().claim, claim_type: 'CONTENT_STATES', text: value }] }),
  'unusable-item-path': (value) => {
    const base = backedCountClaim();
    return { dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: ['qr-count', 'bad-item'] }], items: [base.item, { item_id: 'bad-item', kind: 'KB_DOCUMENT', path: `docs/${value.replaceAll('\n', ' ')}.md`, surface: 'pg:not-allowed', content: 'x' }] };
  },
  'quoted-dossier-line': (value) => ({ dossierText: dossier(`All tests pass. ${value.replaceAll('\n', ' ')}`) }),
};

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** What report.md and the verdict line show wrongly for `value`, against the plain run. */
function viewProblems(result: Run9, plain: Run9, value: string): string[] {
  const ended = endedWithReport(result);
  if (ended !== undefined) return [ended];
  const problems: string[] = [];
  const seen: MarkdownView = viewMarkdown(result.markdown ?? '');
  const base: MarkdownView = viewMarkdown(plain.markdown ?? '');
  for (const key of ['links', 'images', 'headings', 'html'] as const) {
    if (seen[key] !== base[key]) problems.push(`report.md renders ${String(seen[key])} ${key}, the plain packet ${String(base[key])}`);
  }
  const broken = brokenTableRows(result.markdown ?? '');
  if (broken.length > 0) problems.push(`report.md has a broken table row: ${JSON.stringify(broken[0]!.slice(0, 160))}`);
  const raw = RAW_INVISIBLE.exec(seen.text);
  if (raw !== null) problems.push(`report.md renders a raw U+${raw[0].codePointAt(0)!.toString(16).toUpperCase()}`);
  // A field the plain packet's report.md does not show at all is judged by its structure only.
  const shown = (plain.markdown ?? '').includes(PLAIN);
  if (shown && !squeeze(decodeEscapes(seen.text)).includes(squeeze(value))) problems.push(`report.md does not show ${JSON.stringify(value)} whole`);
  const rawLine = RAW_INVISIBLE.exec(result.line);
  if (rawLine !== null) problems.push(`the verdict line holds a raw U+${rawLine[0].codePointAt(0)!.toString(16).toUpperCase()}`);
  return problems;
}

describe('packet text in report.md renders as the text it is', () => {
  for (const [field, spec] of Object.entries(FIELDS)) {
    for (const [name, value] of Object.entries(VALUES)) {
      it(`${field}: ${name}`, async () => {
        const plain = await inspect9(spec(PLAIN), `view17-${field}-plain`);
        const result = await inspect9(spec(value), `view17-${field}-${name}`);
        const problems = viewProblems(result, plain, field === 'unusable-item-path' || field === 'quoted-dossier-line' ? value.replaceAll('\n', ' ') : value);
        judge(`view:${field}-${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
      }, 120_000);
    }
  }
});

/** Claim R1 citing `refs`, beside the backed count item; optional claim fields. */
function danglingSpec(refs: string[], fields: JsonObject = {}, extraClaims: JsonObject[] = []): HostileSpec {
  const base = backedCountClaim();
  return { dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: refs, ...fields }, ...extraClaims], items: [base.item] };
}

/** What keeps a dangling citation of `cited` by `claimId` from being a finding in both reports. */
function danglingProblems(result: Run9, claimId: string, cited: string): string[] {
  const ended = endedWithReport(result);
  if (ended !== undefined) return [ended];
  const problems: string[] = [];
  const claim = ((result.report?.claims as JsonObject[] | undefined) ?? []).find((entry) => entry.claim_id === claimId);
  if (claim?.verdict !== 'INSUFFICIENT_EVIDENCE_FOR_CLAIM') problems.push(`report.json: verdict ${String(claim?.verdict)}`);
  if (!JSON.stringify(claim ?? {}).includes('citation/not_in_packet')) problems.push('report.json: no citation/not_in_packet reason');
  const dangling = (claim?.chain as { dangling_citations?: { item_ids?: unknown } } | undefined)?.dangling_citations;
  if (!JSON.stringify(dangling?.item_ids ?? []).includes(JSON.stringify(cited))) problems.push(`report.json: dangling_citations ${JSON.stringify(dangling)}`);
  if (result.report?.triage_outcome !== 'BLOCKING_FINDINGS') problems.push(`report.json: triage ${String(result.report?.triage_outcome)}`);
  const markdown = result.markdown ?? '';
  const start = markdown.indexOf('## Dangling citations');
  const end = markdown.indexOf('\n## ', start + 1);
  const section = start < 0 ? '' : viewMarkdown(markdown.slice(start, end < 0 ? undefined : end)).text;
  if (!section.includes(claimId)) problems.push('report.md: the dangling-citation section does not name the claim');
  if (!section.includes(cited)) problems.push(`report.md: the section does not show ${cited} whole`);
  return problems;
}

const DANGLING: Record<string, { refs: string[]; cited: string; fields?: JsonObject; extra?: JsonObject[] }> = {
  'case-variant-of-a-present-id': { refs: ['qr-count', 'QR-COUNT'], cited: 'QR-COUNT' },
  'only-case-variant-cited': { refs: ['Qr-Count'], cited: 'Qr-Count' },
  'an-items-path-not-its-id': { refs: ['qr-count', 'dossiers/dossier.md'], cited: 'dossiers/dossier.md' },
  'an-items-content-file': { refs: ['qr-count', 'content/dossier.md'], cited: 'content/dossier.md' },
  'present-id-with-trailing-dot': { refs: ['qr-count', 'qr-count.'], cited: 'qr-count.' },
  'the-named-query-not-the-item': { refs: ['NQ-KB-DOC-COUNT-V1'], cited: 'NQ-KB-DOC-COUNT-V1' },
  'the-packet-id': { refs: ['qr-count', 'PKT-RT-HOSTILE'], cited: 'PKT-RT-HOSTILE' },
  'prose-pass-claim-citing-only-a-gone-id': { refs: ['gone'], cited: 'gone', fields: { claim_type: 'PROSE_PASS_ASSERTION', text: 'All tests pass.', subject: 'tests' } },
  'approval-claim-citing-a-gone-record': { refs: ['approval-gone'], cited: 'approval-gone', fields: { claim_type: 'APPROVAL_GRANTED', text: 'The release was approved.', subject: 'release' } },
  'second-claim-cites-the-same-gone-id': { refs: ['qr-count'], cited: 'gone', extra: [{ ...backedCountClaim('R2').claim, evidence_refs: ['qr-count', 'gone'] }] },
};

describe('a dangling citation is a finding in report.json and in report.md', () => {
  for (const [name, { refs, cited, fields, extra }] of Object.entries(DANGLING)) {
    it(name, async () => {
      const result = await inspect9(danglingSpec(refs, fields, extra), `view17-dangling-${name}`);
      const claimId = extra === undefined ? 'R1' : 'R2';
      const problems = danglingProblems(result, claimId, cited);
      judge(`view:dangling-${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    }, 120_000);
  }
});
