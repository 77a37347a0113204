/**
 * The one limits table of a run: what the inspector reads and judges, and what the launcher accepts
 * back over the report channel. Defaults suit a ~1 GB packet. Every limit that fires is a clear
 * error (a BLOCKED report naming the limit), never a crash. The sandbox launcher reads
 * `maxReportBytes` from here, so the report channel's cap and the inspector's output limit are one
 * number.
 */
export interface InspectorLimits {
  readonly maxPacketJsonBytes: number;
  readonly maxItemBytes: number;
  readonly maxPacketContentBytes: number;
  /** Text kept in memory for analysis, per item and in total (hashing streams regardless). */
  readonly maxRetainedTextBytesPerItem: number;
  readonly maxRetainedTextBytesTotal: number;
  /** Entries of `items[]`. */
  readonly maxItems: number;
  /** Claims in one dossier. */
  readonly maxClaims: number;
  /** Entries of `allowed_surfaces` (each claim's scope of denial repeats them). */
  readonly maxAllowedSurfaces: number;
  /**
   * All `allowed_surfaces` names together, in bytes: every claim's scope of denial repeats them
   * (SPEC §4), so their total, not only their count, sets a claim's report bytes.
   */
  readonly maxAllowedSurfacesBytes: number;
  /** One item's `path`, in UTF-8 bytes (PATH_MAX): a path is echoed into each claim that considers the item. */
  readonly maxItemPathBytes: number;
  /** `evidence_refs` entries of one claim. */
  readonly maxReferencesPerClaim: number;
  /** Entries (lines) of all ARTIFACT_LISTING items together. */
  readonly maxListingEntries: number;
  /** The dossier's own text that the prose scan reads. */
  readonly maxProseBytes: number;
  /** One claim's `text`, and one claim's `subject`, in UTF-8 bytes (a claim is a sentence; a subject is a path). */
  readonly maxClaimTextBytes: number;
  /** All claims' `text` and `subject` together, in UTF-8 bytes: like the prose, every byte is normalized and scanned. */
  readonly maxClaimTextBytesTotal: number;
  /** Evidence entries the claims consider, all claims together (each is a record in report.json). */
  readonly maxEvidenceEntries: number;
  /** Subject-to-entry comparisons (and body bytes searched for quotes) the chain may spend, all claims together. */
  readonly maxBindingComparisons: number;
  /**
   * Locations each report lists for one kind of finding (one flag and detail, one kind of unparsed
   * region, backed or unbacked pass assertions); the count is always exact and the rest are counted
   * as not listed (issue 13, round 9: every one listed in full cost 24–65 report bytes per packet byte).
   */
  readonly maxListedFindingsPerKind: number;
  /**
   * Claims report.md lists in full (those with a finding first), and per-corpus entries it lists;
   * the rest are counted by verdict. report.json lists every claim. The launcher renders report.md
   * again from report.json with the same number, holding no more claims than that (docs/choices.md 41).
   */
  readonly maxListedClaims: number;
  /** The three report files together, as the inspector emits them and the launcher accepts them. */
  readonly maxReportBytes: number;
  /**
   * JSON values in report.json, at most, and at least this many bytes per value (beyond the first
   * 65,536), and arrays/objects open at once: the launcher counts all three before it parses what the sandbox sent.
   */
  readonly maxReportJsonValues: number;
  readonly minReportJsonBytesPerValue: number;
  readonly maxReportJsonDepth: number;
}

const MIB = 1024 * 1024;

/**
 * Values (issue 13): sized so that everything within them is judged in time linear in the input
 * and fits the sandbox's memory ceiling, and so that report.json stays below V8's largest string
 * (~512 MiB) with room to spare. Each one that fires ends in a BLOCKED report whose reason names it.
 */
export const DEFAULT_LIMITS: InspectorLimits = {
  maxPacketJsonBytes: 128 * MIB,
  maxItemBytes: 2048 * MIB,
  maxPacketContentBytes: 16 * 1024 * MIB,
  maxRetainedTextBytesPerItem: 8 * MIB,
  maxRetainedTextBytesTotal: 256 * MIB,
  maxItems: 250_000,
  maxClaims: 100_000,
  maxAllowedSurfaces: 64,
  // 64 names of 16 characters: `kb`, `pg:dot_tools`, `pg:kb_stats` are 2–12 (round 4: 64 × 256 gave 54 report bytes per packet byte).
  maxAllowedSurfacesBytes: 1024,
  maxItemPathBytes: 4 * 1024,
  maxReferencesPerClaim: 256,
  maxListingEntries: 4_000_000,
  maxProseBytes: 8 * MIB,
  // PATH_MAX on Linux: no path a subject names, and no one-sentence claim, is longer.
  maxClaimTextBytes: 4 * 1024,
  // Twice the prose limit: 100,000 claims of a 160-byte sentence and its subject path fit.
  maxClaimTextBytesTotal: 16 * MIB,
  maxEvidenceEntries: 400_000,
  maxBindingComparisons: 200_000_000,
  maxListedFindingsPerKind: 32,
  // A person reads a table of 1,000 rows at most; 100,000 rendered, linted and checked twice were a fifth of a run (issue 13).
  maxListedClaims: 1_000,
  maxReportBytes: 256 * MIB,
  // Parsed, a value costs the launcher up to ~100 bytes whatever its size on the channel (round 6: `{},` × 2.8 M grew it
  // 285 MB). tki's reports spend ≈ 25 bytes a value (every object carries its stamps), so both bounds leave them room.
  maxReportJsonValues: 16_000_000,
  minReportJsonBytesPerValue: 12,
  maxReportJsonDepth: 16,
};
