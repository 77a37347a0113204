import { DEFAULT_LIMITS } from '../pipeline/limits.js';
import { IDENTIFIER_MAX_LENGTH, SURFACE_MAX_LENGTH } from '../packet/identifiers.js';
import { escapeMarkdown, markdownValue, ownNotationEscaped, truncate } from '../text/escape.js';
import { CLAIM_VERDICTS, claimPlaceIndex, DANGLING_CITATION } from '../vocabulary.js';
import { digestClaims, hasFinding, LISTED_DIGEST_ENTRIES, type ClaimsDigest } from './claims-digest.js';
import { isUsed, itemIdsWhere } from './evidence-groups.js';
import type { ClaimReport, Report } from './schema.js';

/**
 * report.md for a person (SPEC §5): verdict first, then a table of claims with the evidence
 * they rest on, then flags, then the scope of denial and the disclaimer. A packet-supplied value
 * (an id, the dossier's identity, a claim's text, a dossier excerpt) is shown by markdownValue, a
 * code span, so it never reads as tki's own words; tki's messages, which may embed such values, go
 * through escapeMarkdown.
 */
const md = (text: string | null | undefined, max = 160): string => (text === null || text === undefined ? '—' : escapeMarkdown(truncate(text, max)));
const value = (text: string | null | undefined, max = 160): string => markdownValue(text, max);
const cell = (text: string | null | undefined, max = 160): string => markdownValue(text, max, 'table-cell');
/**
 * A packet identifier or surface name is shown whole (round 16: ids cut at 40 characters made two
 * claims, or a dangling citation and the item it extends, read alike). The packet grammar bounds
 * both (packet/identifiers.ts), so whole they stay short, and two different ones never read the same.
 */
const id = (text: string | null | undefined): string => value(text, IDENTIFIER_MAX_LENGTH);
const idCell = (text: string | null | undefined): string => cell(text, IDENTIFIER_MAX_LENGTH);
const surface = (text: string): string => value(text, SURFACE_MAX_LENGTH);
/**
 * Free packet text report.json holds as the packet wrote it (the dossier's revision and blueprint,
 * the packet's date): put into tki's notation here, its one escaping pass into it (choices 82), so a
 * `\u{…}` the packet wrote never reads like the escape report.md shows for a control character.
 * Quotes (`text`, `excerpt`, `quote`, …) arrive in the notation already (the wording lint), and ids
 * and surface names cannot hold a `{` (packet/identifiers.ts).
 */
const packetText = (text: string | null | undefined): string => value(ownNotationEscaped(text));

/** A display limit for a person's reading, not a judgement: report.json lists every item. */
const LISTED_ITEM_FINDINGS = LISTED_DIGEST_ENTRIES;

/** Ids a table cell names (a display limit: report.json lists every one). */
const LISTED_IDS_PER_CELL = 16;

function idsCell(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_IDS_PER_CELL).map(idCell);
  return ids.length > shown.length ? `${shown.join(', ')} and ${ids.length - shown.length} more` : shown.join(', ');
}

/** Item ids, each quoted (packet text, never tki's words), the first LISTED_IDS_PER_CELL of `count`, and how many more. */
function quotedIds(ids: readonly string[], count: number): string {
  const shown = ids.slice(0, LISTED_IDS_PER_CELL).map(id).join(', ');
  return count > Math.min(ids.length, LISTED_IDS_PER_CELL) ? `${shown} and ${count - Math.min(ids.length, LISTED_IDS_PER_CELL)} more` : shown;
}

/** The ids a claim cites that name no item (its chain's dangling_citations), quoted. */
function danglingIds(claim: ClaimReport): string {
  const record = claim.chain.dangling_citations;
  return record === undefined ? '—' : quotedIds(record.item_ids, record.count);
}

/** A flag's place: a claim's (`claims[3]`) shows its id beside it, quoted (packet text, rounds 12b and 13); a dossier line or an item's place is tki's words. */
function place(where: string, claimIds: ReadonlyMap<number, string>): string {
  const index = claimPlaceIndex(where);
  const claimId = index === undefined ? undefined : claimIds.get(index);
  return claimId === undefined ? md(where, 80) : `${md(where, 80)} (claim ${id(claimId)})`;
}

/** tki's words (escaped text) and the packet text they are about (a code span): errors.ts `errorWords`. */
function wordsAndQuote(message: string, quote: string | null | undefined, max = 400): string {
  return `${md(message, max)}${quote === undefined || quote === null ? '' : `: ${value(quote, 200)}`}`;
}

/** An item's problems, each with its quote; cut after PROBLEMS_SHOWN_CHARS of tki's words (report.json lists them all). */
function problemsText(finding: Report['item_findings'][number]): string {
  let budget = PROBLEMS_SHOWN_CHARS;
  const shown: string[] = [];
  for (const [index, problem] of finding.problems.entries()) {
    if (budget <= 0) {
      shown.push(`… and ${finding.problems.length - index} more in report.json`);
      break;
    }
    shown.push(wordsAndQuote(problem, finding.problem_quotes?.[index], budget));
    budget -= problem.length;
  }
  return shown.join('; ');
}

/** How much of an item's problem list report.md shows (a display limit). */
const PROBLEMS_SHOWN_CHARS = 400;

function evidenceCell(claim: ClaimReport): string {
  const used = itemIdsWhere(claim, isUsed);
  if (used.length > 0) return idsCell(used);
  const considered = claim.chain.evidence.flatMap((group) => group.item_ids);
  return considered.length === 0 ? 'none found' : `none usable (considered: ${idsCell(considered)})`;
}

function claimRow(claim: ClaimReport): string {
  const flags = claim.flags.length === 0 ? '' : ` (${claim.flags.join(', ')})`;
  const verdict = claim.verdict === 'NO_READ_LEVEL_DEFECT_FOUND' ? `${claim.verdict}, ${claim.authority}` : claim.verdict;
  return `| ${idCell(claim.claim_id)}: ${cell(claim.chain.claim.text, 120)} | ${claim.claim_type} | ${verdict}${flags} | ${evidenceCell(claim)} | ${md(claim.reasons.join('; '), 240)} |`;
}

/**
 * Claim rows report.md shows: the limits table's maxListedClaims (a display limit, like
 * LISTED_ITEM_FINDINGS): a person does not read 100,000 rows, and rendering, linting and checking
 * them was a fifth of a large run (issue 13). Claims with a finding come first, in packet order,
 * then claims without one, up to the limit; the lines after the table count the rest by verdict.
 */
export const LISTED_CLAIM_ROWS = DEFAULT_LIMITS.maxListedClaims;

function notListedByVerdict(digest: ClaimsDigest): string {
  const shown = new Map<string, number>();
  for (const claim of digest.tableRows) shown.set(claim.verdict, (shown.get(claim.verdict) ?? 0) + 1);
  const counts = CLAIM_VERDICTS.map((verdict) => [verdict, (digest.byVerdict.get(verdict) ?? 0) - (shown.get(verdict) ?? 0)] as const).filter(([, count]) => count > 0);
  return `Not listed here, by verdict: ${counts.map(([verdict, count]) => `${verdict} ${count}`).join(', ')}.`;
}

function claimTable(digest: ClaimsDigest): string[] {
  if (digest.count === 0) return ['No claim was evaluated.'];
  const header = ['| claim | type | verdict | evidence used | why |', '|---|---|---|---|---|'];
  const rows = digest.tableRows.map(claimRow);
  if (digest.tableRows.length === digest.count) return [...header, ...rows];
  const shownWithFinding = digest.tableRows.filter(hasFinding).length;
  const rest = `… and ${digest.count - digest.tableRows.length} more claims in report.json (${digest.withFinding - shownWithFinding} of them with a finding); claims with a finding are listed first.`;
  return [...header, ...rows, '', rest, notListedByVerdict(digest)];
}

function inventoryLine(report: Omit<Report, 'claims'>): string {
  if (report.inventory_complete) return 'every claim-like statement maps to a structured claim';
  if (report.prose.unparsed_regions.length === 0) return "not established: the run stopped before the dossier's text was scanned";
  return 'incomplete (see unparsed regions); the dossier can be no better than UNVERIFIED';
}

/** The line that ends a kind of finding whose locations were not all listed: the exact count and what is left out. */
function notListedLine(group: { count: number; not_listed: number; listed: readonly unknown[] }, kind: string): string[] {
  if (group.not_listed === 0) return [];
  return [`- … ${kind}: ${group.count} in all; the first ${group.listed.length} are listed here and in report.json, ${group.not_listed} are not listed`];
}

function section(title: string, lines: readonly string[]): string[] {
  return [`## ${title}`, '', ...lines, ''];
}

/** report.md of a report held whole (its claims digested with maxListed). */
export function renderMarkdown(report: Report, maxListed = DEFAULT_LIMITS.maxListedClaims): string {
  return renderMarkdownOf(report, digestClaims(report, maxListed));
}

/** report.md from everything but the claims (`report.claims` is not read) and the claims' digest. */
export function renderMarkdownOf(report: Omit<Report, 'claims'>, digest: ClaimsDigest): string {
  const lines: string[] = [
    `# Inspection report: ${report.final_verdict}`,
    '',
    `- **Dossier verdict:** \`${report.final_verdict}\` (non-gating; never a pass)`,
    `- **Article 14 status:** \`${report.article14_status}\``,
    `- **Triage:** \`${report.triage_outcome}\``,
    `- **Dossier:** ${value(report.dossier.document_id)} · blueprint ${packetText(report.dossier.blueprint_ref)} · revision ${packetText(report.dossier.revision)}`,
    `- **Packet:** ${value(report.packet.packet_id)} as of ${packetText(report.packet.packet_as_of)} · ${report.items_usable} of ${report.items_total} items usable`,
    `- **Inventory:** ${inventoryLine(report)}`,
    '',
  ];
  if (report.blocked_reasons.length > 0) {
    lines.push(...section('Why it is blocked', report.blocked_reasons.map((reason) => `- ${wordsAndQuote(reason.message, reason.quote)}`)));
  }
  lines.push(...section('Claims', claimTable(digest)));
  const { dangling, corpusReports } = digest;
  if (dangling.count > 0) {
    const listed = dangling.listed.map((claim) => `- ${id(claim.claim_id)}: ${md(claim.reasons.find((reason) => reason.startsWith(DANGLING_CITATION)), 400)}: ${danglingIds(claim)}`);
    if (dangling.count > dangling.listed.length) listed.push(`- … and ${dangling.count - dangling.listed.length} more in report.json`);
    lines.push(...section(`Dangling citations (${DANGLING_CITATION})`, listed));
  }
  const perCorpus = corpusReports.listed.map(({ claim, entry }) => `- ${id(claim.claim_id)}, ${value(entry.corpus)}: ${md(entry.note, 300)}${entry.item_ids.length === 0 ? '' : ` (${quotedIds(entry.item_ids, entry.item_ids.length)})`}`);
  if (corpusReports.count > perCorpus.length) perCorpus.push(`- … and ${corpusReports.count - perCorpus.length} more in report.json`);
  if (perCorpus.length > 0) lines.push(...section('Per corpus (never joined)', perCorpus));
  // The packet text a flag is about is quoted (a code span): a sentence that goes on "… verdict is PASS" never reads as tki's words.
  const flagLines =
    report.flag_details.length === 0
      ? ['None.']
      : report.flag_details.flatMap((group) => [
          ...group.listed.map((where) => `- \`${group.flag}\` at ${place(where.where, digest.placeIds)}: ${md(group.detail, 240)}${where.quote === undefined ? '' : `: ${value(where.quote, 200)}`}`),
          ...notListedLine(group, `\`${group.flag}\` (${md(group.detail, 240)})`),
        ]);
  lines.push(...section('Flags', flagLines));
  const prose = [
    ...report.prose.pass_assertions.flatMap((group) => {
      const backing = group.backed ? 'backed by an accepted claim' : 'not backed';
      return [...group.listed.map((finding) => `- line ${finding.line}, ${backing}: ${value(finding.excerpt, 200)}`), ...notListedLine(group, `pass assertions ${backing}`)];
    }),
    ...report.prose.unparsed_regions.flatMap((group) => [
      ...group.listed.map((finding) => `- line ${finding.line}, UNPARSED_REGION (${md(group.why)}): ${value(finding.excerpt, 200)}`),
      ...notListedLine(group, `UNPARSED_REGION (${md(group.why)})`),
    ]),
  ];
  if (prose.length > 0) lines.push(...section('Prose scan', prose));
  const unusable = report.item_findings.slice(0, LISTED_ITEM_FINDINGS).map((finding) => `- ${id(finding.item_id)}: ${problemsText(finding)}`);
  const unlisted = report.item_findings.length - LISTED_ITEM_FINDINGS;
  if (unlisted > 0) unusable.push(`- … and ${unlisted} more in report.json`);
  if (unusable.length > 0) lines.push(...section('Items not usable as evidence', unusable));
  lines.push(
    ...section('Scope of denial and disclaimer', [
      `Searched: packet ${value(report.scope_of_denial.packet_id)} as of ${packetText(report.scope_of_denial.packet_as_of)}, surfaces ${report.scope_of_denial.surfaces_searched.map(surface).join(', ') || '—'}.`,
      '',
      md(report.disclaimer, 2000),
      '',
      `decision_effect: ${report.decision_effect} · may_gate: ${String(report.may_gate)} · proves_execution: false · proves_global_absence: false · production_mutation: false`,
    ]),
  );
  return `${lines.join('\n')}\n`;
}
