export { parseInsideReport, type AttestationEvidence, type InsideReport } from './evidence.js';
export { renderAttestationMarkdown } from './render.js';
export { MATRIX_ROW_PROBES } from './matrix-rows.js';
export { runAttestation, type AttestationResult } from './run-attestation.js';
