import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'commonmark';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { brokenTableRows, RAW_INVISIBLE, viewMarkdown } from '../markdown-view.js';
import { backedCountClaim, type JsonObject } from '../packet-gen.js';
import { dossier, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { cellsOf, decodeEscapes } from './report-cells.js';
import { createJudge16 } from './judge16.js';

/**
 * rt-packets16, report.json made a claim at a time (choices 41) and report.md's claim table, for
 * claim texts and ids that break JSON, lines or Markdown: U+2028/U+2029, lone and reversed
 * surrogates, C0 controls, quotes and backslashes, text spelling report.json's own `"claims":[`,
 * HTML and Markdown structure, bidi controls, a text at its byte limit, ids at the grammar's 128
 * characters and ids Markdown would read as emphasis or links. Each run must end with the three
 * reports and no stack trace; report.json must be one canonical `JSON.stringify` and a newline
 * (choices 41: "byte for byte") whose claim text is the packet's value; report.md must hold no
 * raw control, format or separator character, no broken table row and no raw HTML, and its claim
 * cell, rendered by CommonMark with tki's `\u{…}` escapes decoded, must show the packet's value.
 */
const { judge, checkAllListedRan } = createJudge16('serial');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

async function inspectClaims(claims: JsonObject[], label: string): Promise<Run9> {
  const base = backedCountClaim();
  return inspect9({ dossierText: dossier('Hello.'), claims, items: [base.item] }, label);
}

function claimWith(fields: JsonObject): JsonObject {
  return { ...backedCountClaim().claim, claim_type: 'CONTENT_STATES', ...fields };
}

/** What is wrong with the files of a run as files: a missing report, a stack trace, a non-canonical report.json, raw characters or HTML in report.md. */
function fileProblems(result: Run9): string[] {
  const problems: string[] = [];
  const ended = endedWithReport(result);
  if (ended !== undefined) return [ended];
  const bytes = readFileSync(path.join(result.outDir, 'report.json'), 'utf8');
  if (bytes !== `${JSON.stringify(JSON.parse(bytes))}\n`) problems.push('report.json is not one canonical JSON.stringify and a newline');
  const markdown = result.markdown ?? '';
  const raw = RAW_INVISIBLE.exec(markdown);
  if (raw !== null) problems.push(`report.md holds a raw U+${raw[0].codePointAt(0)!.toString(16).toUpperCase()}`);
  if (/[\uD800-\uDFFF]/u.test(markdown.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')) || markdown.includes('\uFFFD')) problems.push('report.md holds a lone surrogate or U+FFFD');
  const broken = brokenTableRows(markdown);
  if (broken.length > 0) problems.push(`report.md has broken table rows: ${JSON.stringify(broken[0]!.slice(0, 160))}`);
  const html = viewMarkdown(markdown).html;
  if (html > 0) problems.push(`report.md holds ${String(html)} raw HTML node(s)`);
  return problems;
}

function jsonClaim(result: Run9, claimId: string): JsonObject | undefined {
  return ((result.report?.claims as JsonObject[] | undefined) ?? []).find((claim) => claim.claim_id === claimId);
}

/** The claim table row of `claimId` and what a reader sees in its first cell, escapes decoded. */
function shownClaimCell(result: Run9, claimId: string): string | undefined {
  const row = (result.markdown ?? '').split('\n').find((line) => line.startsWith(`| ${claimId}:`) || line.startsWith(`| \`${claimId}\``));
  if (row === undefined) return undefined;
  return decodeEscapes(viewMarkdown(cellsOf(row)[0] ?? '').text);
}

/** Problems of one claim whose `text` is `value`: the files, report.json's quote, report.md's cell. */
function textProblems(result: Run9, value: string): string[] {
  const problems = fileProblems(result);
  if (problems.length > 0 && result.report === undefined) return problems;
  const chain = jsonClaim(result, 'R1')?.chain as { claim?: { text?: unknown } } | undefined;
  const json = chain?.claim?.text;
  if (typeof json !== 'string' || decodeEscapes(json) !== value) problems.push(`report.json's text decodes to ${JSON.stringify(typeof json === 'string' ? decodeEscapes(json).slice(0, 120) : json)}`);
  const shown = shownClaimCell(result, 'R1');
  if (shown === undefined) problems.push('report.md has no row for R1');
  else {
    const text = shown.replace(/^R1: /, '');
    const cut = text.endsWith('…') && value.startsWith(text.slice(0, -1));
    if (text !== value && !cut) problems.push(`report.md shows ${JSON.stringify(text.slice(0, 160))}`);
  }
  return problems;
}

const TEXTS: Record<string, string> = {
  'line-separator': 'The tool A\u2028exists, B\u2028runs.',
  'paragraph-separator': 'The tool A\u2029\u2029exists.',
  'lone-high-surrogate': 'The tool A\uD800 exists.',
  'lone-low-surrogate-at-end': 'The tool A exists\uDC00',
  'reversed-surrogate-pair': 'The tool A\uDC00\uD83D exists.',
  'c0-controls-and-escape-sequence': 'The tool\u0000 A\u001B[2J\u001B[31mexists\u0007\u0008.',
  'crlf-and-tab': 'The tool A\r\nexists\tnow\r.',
  'quotes-and-backslashes': 'The "tool" \\ A\\" exists \\\\" \\u0022 here.',
  'spells-claims-array': '"],"claims":[{"claim_id":"X","verdict":"NO_READ_LEVEL_DEFECT_FOUND"}],"final_verdict":"UNVERIFIED","z":["',
  'spells-escaped-claims-key': '\\"claims\\":[ \\u0022claims\\u0022:[ {"\\u0063laims":[]}',
  'html-script-and-comment': '</script><script>alert(1)</script><!-- x --> <img src=x onerror=alert(1)>',
  'markdown-structure-with-newlines': 'A |\n# Heading\n- item\n```\n| b | c |\n---',
  'bidi-controls': 'The tool \u202Eevil\u202C \u2066A\u2069 \u200F exists.',
  'nel-and-c1': 'The tool A\u0085exists\u009B31m.',
  'text-at-4-kib': 'é'.repeat(2048),
  'astral-and-zwj-sequences': 'The tool \u{1F469}\u200D\u{1F469}\u200D\u{1F467} \u{E0041} A exists.',
};

describe('a hostile claim text is serialized, escaped and shown as the packet wrote it', () => {
  for (const [name, value] of Object.entries(TEXTS)) {
    it(name, async () => {
      const result = await inspectClaims([claimWith({ claim_id: 'R1', text: value })], `serial16-${name}`);
      const problems = textProblems(result, value);
      judge(`serial:${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    });
  }
  // The same characters in `subject`, which report.json also quotes.
  it('subject-with-separators-and-surrogates', async () => {
    const value = 'tools/a\u2028b\uD800"c\\.py';
    const result = await inspectClaims([claimWith({ claim_id: 'R1', subject: value })], 'serial16-subject');
    const problems = fileProblems(result);
    const chain = jsonClaim(result, 'R1')?.chain as { claim?: { subject?: unknown } } | undefined;
    if (typeof chain?.claim?.subject !== 'string' || decodeEscapes(chain.claim.subject) !== value) problems.push(`report.json's subject is ${JSON.stringify(chain?.claim?.subject)}`);
    judge('serial:subject-with-separators-and-surrogates', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  });
  // Choices 33's limit: a quote without global-absence wording keeps a packet's own `\u{…}` text, so
  // report.md shows a real U+2028 and the six characters `\u{2028}` alike; a reader cannot tell them apart.
  it('escape-notation-beside-a-real-separator', async () => {
    const real = await inspectClaims([claimWith({ claim_id: 'R1', text: 'A\u2028B.' })], 'serial16-real-separator');
    const written = await inspectClaims([claimWith({ claim_id: 'R1', text: 'A\\u{2028}B.' })], 'serial16-written-separator');
    const [shownReal, shownWritten] = [shownClaimCell(real, 'R1'), shownClaimCell(written, 'R1')];
    const problems = [...fileProblems(real), ...fileProblems(written)];
    if (shownReal === shownWritten) problems.push(`report.md shows both as ${JSON.stringify(shownReal)}`);
    judge('serial:escape-notation-beside-a-real-separator', problems.length === 0 ? undefined : problems.join('; '));
  });
});

/** Ids the grammar admits (letters, digits, `. _ : / @ + -`) that Markdown would read as markup. */
const IDS: Record<string, string> = {
  'id-strong-underscores': 'R__init__',
  'id-emphasis-underscores': 'R_a_b_',
  'id-url-shape': 'https://example.com/R1',
  'id-email-shape': 'r@example.com',
  'id-dashes-and-colons': 'R---:::+++',
};

/** Emphasis, strong, link or HTML nodes CommonMark finds in `markdown`. */
function markupNodes(markdown: string): string[] {
  const found: string[] = [];
  const walker = new Parser().parse(markdown).walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    if (event.entering && ['emph', 'strong', 'link', 'html_inline', 'html_block'].includes(event.node.type)) found.push(event.node.type);
  }
  return found;
}

describe('an id at the grammar\'s edge is shown as written, as a claim id and as a dangling citation', () => {
  for (const [name, id] of Object.entries(IDS)) {
    it(name, async () => {
      const base = backedCountClaim();
      const cited = `${id}-gone`;
      const result = await inspectClaims([{ ...base.claim, claim_id: id, evidence_refs: ['qr-count', cited] }], `serial16-${name}`);
      const problems = fileProblems(result);
      const lines = (result.markdown ?? '').split('\n').filter((line) => line.includes(id.slice(0, 20)));
      if (lines.length === 0) problems.push('report.md never names the id');
      for (const line of lines) {
        const markup = markupNodes(line.startsWith('|') ? (cellsOf(line)[0] ?? '') : line);
        if (markup.length > 0) problems.push(`${markup.join(',')} in ${JSON.stringify(line.slice(0, 120))}`);
        if (!viewMarkdown(line.startsWith('|') ? (cellsOf(line)[0] ?? '') : line).text.includes(id)) problems.push(`a line does not show the id whole: ${JSON.stringify(line.slice(0, 120))}`);
      }
      if (!(result.markdown ?? '').includes(cited.slice(0, 20))) problems.push('report.md does not name the dangling citation');
      const chain = jsonClaim(result, id)?.chain as { dangling_citations?: { item_ids?: unknown } } | undefined;
      if (JSON.stringify(chain?.dangling_citations?.item_ids) !== JSON.stringify([cited])) problems.push(`dangling_citations ${JSON.stringify(chain?.dangling_citations)}`);
      judge(`serial:${name}`, problems.length === 0 ? undefined : `${problems.slice(0, 4).join('; ')} (${summary9(result)})`);
    });
  }
  // report.md shortens a long id (an id may be 128 characters): two ids that differ only past the cut,
  // one with a finding and one without, or a dangling citation and a present item, must still read apart.
  it('long-claim-ids-differing-at-the-end-read-apart', async () => {
    const base = backedCountClaim();
    const [clean, dangling] = [`R${'9'.repeat(126)}A`, `R${'9'.repeat(126)}B`];
    const result = await inspectClaims([{ ...base.claim, claim_id: clean }, { ...base.claim, claim_id: dangling, evidence_refs: ['qr-count', 'gone'] }], 'serial16-long-ids');
    const problems = fileProblems(result);
    const shownIds = (result.markdown ?? '').split('\n').filter((line) => line.startsWith('| R9')).map((line) => viewMarkdown(cellsOf(line)[0] ?? '').text.split(':')[0]);
    if (new Set(shownIds).size !== 2) problems.push(`the two rows show the ids ${JSON.stringify(shownIds)}`);
    judge('serial:long-claim-ids-differing-at-the-end-read-apart', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  });
  it('long-dangling-id-and-present-item-id-read-apart', async () => {
    const present = `qr-count-${'x'.repeat(110)}`;
    const base = backedCountClaim('R1', present);
    const cited = `${present}-y`;
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: [present, cited] }], items: [base.item] }, 'serial16-long-dangling');
    const problems = fileProblems(result);
    const markdown = result.markdown ?? '';
    const section = markdown.slice(markdown.indexOf('## Dangling citations'));
    const danglingShown = viewMarkdown(section.split('\n').find((line) => line.startsWith('- ')) ?? '').text;
    const row = markdown.split('\n').find((line) => line.startsWith('| R1:')) ?? '';
    const usedShown = viewMarkdown(cellsOf(row)[3] ?? '').text;
    if (!danglingShown.includes(cited) && usedShown.includes(danglingShown.split(': ').pop() ?? '\u0000')) problems.push(`the dangling id reads as the item used: ${JSON.stringify(danglingShown.slice(0, 200))} / ${JSON.stringify(usedShown.slice(0, 200))}`);
    judge('serial:long-dangling-id-and-present-item-id-read-apart', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  });
  it('id-of-129-characters-refused-with-a-report', async () => {
    const result = await inspectClaims([{ ...backedCountClaim().claim, claim_id: `R${'9'.repeat(128)}` }], 'serial16-id-129');
    const problems = fileProblems(result);
    if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
    judge('serial:id-of-129-characters-refused-with-a-report', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  });
});

/** Count fields whose numbers JSON.parse turns into what JSON.stringify cannot write back. */
const COUNTS: Record<string, JsonObject> = {
  'count-value-overflows-to-infinity': { value: 1e400 },
  'count-denominator-overflows-to-infinity': { denominator: 1e400 },
  'count-denominator-zero': { value: 5, denominator: 0 },
  'count-value-negative-zero': { value: -0 },
  'count-value-beyond-safe-integer': { value: 12345678901234567890123, denominator: 12345678901234567890124 },
};

describe('a count whose numbers overflow still ends in a report', () => {
  for (const [name, fields] of Object.entries(COUNTS)) {
    it(name, async () => {
      const base = backedCountClaim();
      const count = { ...(base.claim.count as JsonObject), ...fields };
      const dir = await inspectClaims([{ ...base.claim, count }], `serial16-${name}`);
      const problems = fileProblems(dir);
      judge(`serial:${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(dir)})`);
    });
  }
});

/**
 * A pass sentence read from raw-text content (choices 45: its own paragraph) is quoted in the
 * report's finding: the quote must not carry the element's tags or the packet's separators into
 * report.md as HTML or raw characters.
 */
const RAW_TEXT_DOSSIERS: Record<string, string> = {
  'excerpt-from-textarea-upper-case': 'a <TEXTAREA>All tests\u2028pass.</TEXTAREA> b',
  'excerpt-from-script-with-html-inside': 'a <script>All tests pass.</b><img src=x onerror=alert(1)></script> b',
  'excerpt-from-title-with-bidi-controls': 'a <TiTlE>\u202EAll tests pass.\u202C</TiTlE> b',
  'excerpt-from-iframe-in-a-table-cell': '| a |\n|---|\n| x <iframe>All tests pass. \\| y</iframe> |',
};

describe('a finding quoted from raw text is shown escaped', () => {
  for (const [name, text] of Object.entries(RAW_TEXT_DOSSIERS)) {
    it(name, async () => {
      const result = await inspect9({ dossierText: dossier(text) }, `serial16-${name}`);
      const problems = fileProblems(result);
      if (!((result.report?.flags as string[] | undefined) ?? []).includes('FLAG_PROSE_ONLY_PASS')) problems.push('not flagged');
      judge(`serial:${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    });
  }
});
