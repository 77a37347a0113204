import { claimPlaceIndex, DANGLING_CITATION, type ClaimVerdict } from '../vocabulary.js';
import { isUsed, itemIdsWhere } from './evidence-groups.js';
import type { ClaimReport, Report } from './schema.js';

/**
 * What report.md, the checkpoint and the verdict line read of a report's claims, gathered one claim
 * at a time (docs/choices.md 41). The inspector feeds it its claim records, the launcher each claim
 * it has just checked in report.json's bytes, so neither holds more than a bounded number of claim
 * records for the two Markdown files, however many claims the report has; report.json keeps all.
 */
export interface ClaimsDigest {
  readonly count: number;
  /** Claims whose verdict is a finding (the verdict line's count). */
  readonly withFindingVerdict: number;
  /** Claims with a finding verdict or a flag (report.md's order: these first). */
  readonly withFinding: number;
  readonly byVerdict: ReadonlyMap<ClaimVerdict, number>;
  /** The claim table's rows, in display order: every claim up to `maxListed`, else those with a finding first. */
  readonly tableRows: readonly ClaimReport[];
  /** Claims citing ids that name no item: the first LISTED_DIGEST_ENTRIES of `count`. */
  readonly dangling: { readonly count: number; readonly listed: readonly ClaimReport[] };
  /** Per-corpus reports (claim and entry), the first `maxListed` of `count`. */
  readonly corpusReports: { readonly count: number; readonly listed: ReadonlyArray<{ readonly claim: ClaimReport; readonly entry: ClaimReport['corpus_reports'][number] }> };
  /** The claim id at each claim place a flag names (`claims[3]`). */
  readonly placeIds: ReadonlyMap<number, string>;
  /** Distinct item ids some claim rests on: the first LISTED_DIGEST_ENTRIES of `count`. */
  readonly usedItems: { readonly count: number; readonly listed: readonly string[] };
}

/** Dangling-citation claims and evidence items the Markdown files name (display limits; report.json lists every one). */
export const LISTED_DIGEST_ENTRIES = 50;

export function hasFinding(claim: Pick<ClaimReport, 'verdict' | 'flags'>): boolean {
  return claim.verdict !== 'NO_READ_LEVEL_DEFECT_FOUND' || claim.flags.length > 0;
}

/** The claim places a report's flags name: their claim ids are all report.md needs of those claims. */
export function flaggedPlaces(report: Pick<Report, 'flag_details'>): Set<number> {
  const places = new Set<number>();
  for (const group of report.flag_details) {
    for (const where of group.listed) {
      const index = claimPlaceIndex(where.where);
      if (index !== undefined) places.add(index);
    }
  }
  return places;
}

/**
 * Gathers a ClaimsDigest from claims added in report order. Holds at most 2 × `maxListed` claims
 * for the table (the first with a finding and the first without), the first LISTED_DIGEST_ENTRIES
 * dangling ones, the first `maxListed` corpus entries and the distinct used item ids (at most the
 * packet's items).
 */
export class ClaimsDigestBuilder {
  private count = 0;
  private withFindingVerdict = 0;
  private findingCount = 0;
  private readonly byVerdict = new Map<ClaimVerdict, number>();
  private readonly finding: Array<{ index: number; claim: ClaimReport }> = [];
  private readonly plain: Array<{ index: number; claim: ClaimReport }> = [];
  private readonly dangling: ClaimReport[] = [];
  private danglingCount = 0;
  private readonly corpus: Array<{ claim: ClaimReport; entry: ClaimReport['corpus_reports'][number] }> = [];
  private corpusCount = 0;
  private readonly placeIds = new Map<number, string>();
  private readonly used = new Set<string>();

  constructor(
    private readonly maxListed: number,
    private readonly places: ReadonlySet<number>,
  ) {}

  add(claim: ClaimReport): void {
    const index = this.count;
    this.count += 1;
    this.byVerdict.set(claim.verdict, (this.byVerdict.get(claim.verdict) ?? 0) + 1);
    if (claim.verdict !== 'NO_READ_LEVEL_DEFECT_FOUND') this.withFindingVerdict += 1;
    const finding = hasFinding(claim);
    if (finding) this.findingCount += 1;
    const rows = finding ? this.finding : this.plain;
    if (rows.length < this.maxListed) rows.push({ index, claim });
    if (claim.reasons.some((reason) => reason.startsWith(DANGLING_CITATION))) {
      this.danglingCount += 1;
      if (this.dangling.length < LISTED_DIGEST_ENTRIES) this.dangling.push(claim);
    }
    for (const entry of claim.corpus_reports) {
      this.corpusCount += 1;
      if (this.corpus.length < this.maxListed) this.corpus.push({ claim, entry });
    }
    if (this.places.has(index)) this.placeIds.set(index, claim.claim_id);
    for (const id of itemIdsWhere(claim, isUsed)) this.used.add(id);
  }

  finish(): ClaimsDigest {
    let tableRows: ClaimReport[];
    if (this.count <= this.maxListed) {
      // Every claim is listed, in report order.
      tableRows = [...this.finding, ...this.plain].sort((a, b) => a.index - b.index).map((row) => row.claim);
    } else {
      tableRows = [...this.finding, ...this.plain.slice(0, this.maxListed - this.finding.length)].map((row) => row.claim);
    }
    const used = [...this.used];
    return {
      count: this.count,
      withFindingVerdict: this.withFindingVerdict,
      withFinding: this.findingCount,
      byVerdict: this.byVerdict,
      tableRows,
      dangling: { count: this.danglingCount, listed: this.dangling },
      corpusReports: { count: this.corpusCount, listed: this.corpus },
      placeIds: this.placeIds,
      usedItems: { count: used.length, listed: used.slice(0, LISTED_DIGEST_ENTRIES) },
    };
  }
}

/** The digest of a report held whole (tests, and any caller with a parsed report). */
export function digestClaims(report: Pick<Report, 'claims' | 'flag_details'>, maxListed: number): ClaimsDigest {
  const builder = new ClaimsDigestBuilder(maxListed, flaggedPlaces(report));
  for (const claim of report.claims) builder.add(claim);
  return builder.finish();
}
