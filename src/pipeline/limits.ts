/** Size limits of one run. Defaults suit a ~1 GB packet; each is a clear error when exceeded. */
export interface InspectorLimits {
  readonly maxPacketJsonBytes: number;
  readonly maxItemBytes: number;
  readonly maxPacketContentBytes: number;
  /** Text kept in memory for analysis, per item and in total (hashing streams regardless). */
  readonly maxRetainedTextBytesPerItem: number;
  readonly maxRetainedTextBytesTotal: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: InspectorLimits = {
  maxPacketJsonBytes: 256 * MIB,
  maxItemBytes: 2048 * MIB,
  maxPacketContentBytes: 16 * 1024 * MIB,
  maxRetainedTextBytesPerItem: 8 * MIB,
  maxRetainedTextBytesTotal: 256 * MIB,
};
