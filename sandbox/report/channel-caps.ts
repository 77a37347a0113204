import type { ChannelCaps } from '../../src/io/report-frame.js';
import { DEFAULT_LIMITS, type InspectorLimits } from '../../src/pipeline/limits.js';

/** A verdict line or a probe's note is short; the probe runner's evidence is a few kB. */
const MAX_LINE_BYTES = 64 * 1024;
const MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;
/** The magic line, frame headers and the end frame: a few hundred bytes in a real report. */
const MAX_FRAMING_BYTES = 64 * 1024;

/**
 * What the launcher accepts on the report channel (SPEC §6): the report files together at most the
 * inspector's own report limit (one number, `maxReportBytes`), and the whole stream at most that
 * plus a line, the probe evidence and the framing — so a flood of any shape is cut at a known size.
 */
export function reportChannelCaps(limits: InspectorLimits = DEFAULT_LIMITS): ChannelCaps {
  return {
    maxFileBytes: limits.maxReportBytes,
    maxLineBytes: MAX_LINE_BYTES,
    maxEvidenceBytes: MAX_EVIDENCE_BYTES,
    maxStreamBytes: limits.maxReportBytes + MAX_LINE_BYTES + MAX_EVIDENCE_BYTES + MAX_FRAMING_BYTES,
  };
}
