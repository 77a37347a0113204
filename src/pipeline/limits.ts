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
  /** Claims in one dossier. */
  readonly maxClaims: number;
  /** `evidence_refs` entries of one claim. */
  readonly maxReferencesPerClaim: number;
  /** Entries (lines) of all ARTIFACT_LISTING items together. */
  readonly maxListingEntries: number;
  /** The dossier's own text that the prose scan reads. */
  readonly maxProseBytes: number;
  /** The three report files together, as the inspector emits them and the launcher accepts them. */
  readonly maxReportBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: InspectorLimits = {
  maxPacketJsonBytes: 256 * MIB,
  maxItemBytes: 2048 * MIB,
  maxPacketContentBytes: 16 * 1024 * MIB,
  maxRetainedTextBytesPerItem: 8 * MIB,
  maxRetainedTextBytesTotal: 256 * MIB,
  maxClaims: 100_000,
  maxReferencesPerClaim: 1_000,
  maxListingEntries: 10_000_000,
  maxProseBytes: 8 * MIB,
  maxReportBytes: 512 * MIB,
};
