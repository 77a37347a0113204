/**
 * The inspector's public API. `tki inspect` (cli/) sets up the sandbox and calls inspectPacket;
 * the pure stages are exported too so that tests and the acceptance run can observe each step.
 */
import { z } from './zod.js';

// Belt and braces: ./zod.js already did this before any schema was defined; entry points say it too.
z.config({ jitless: true });

export { inspectPacket, inspectToResult, type InspectOptions, type InspectOutcome } from './pipeline/inspect.js';
export { parseInspectArgs, type ParsedInspectArgs } from './cli-args.js';
export { DEFAULT_LIMITS, type InspectorLimits } from './pipeline/limits.js';
export type { InspectorExitCode } from './vocabulary.js';

// Pure pipeline stages, in pipeline order.
export { parsePacketText, parseItem, type ParsedPacket, type ItemRecord, type PacketSummary } from './packet/parse.js';
export { manifestHash, sha256Ref, type ManifestLine } from './packet/manifest.js';
export { contentPathProblem } from './packet/content-path.js';
export { checkManifest } from './provenance/manifest-check.js';
export { assessItem, type ItemAssessment } from './provenance/items.js';
export { isLiveReference, isLocalSurface, corpusOf } from './provenance/surfaces.js';
export { deriveEvidenceClasses, isExecutablePath } from './chain/evidence-class.js';
export { REQUIRED_EVIDENCE } from './chain/requirements.js';
export { gatherEvidence, createChainContext, type ConsideredEvidence, type ChainContext } from './chain/considered.js';
export { buildEvidenceIndex, type EvidenceIndex } from './chain/evidence-index.js';
export { judgeAdequacy, type Adequacy } from './chain/adequacy.js';
export { scanProse, PASS_ASSERTION_PATTERNS, type ProseScan } from './claims/prose-scan.js';
export { authorityHits } from './claims/authority.js';
export { judgePacket, evaluateClaim, blockedInspection } from './pipeline/judge.js';
export { decisionOf, type InspectionResult, type ClaimEvaluation } from './pipeline/result.js';
export { decideDossier, type DossierDecision, type DossierFacts } from './verdict/dossier.js';
export { buildReport } from './report/build.js';
export { isUsed, itemIdsWhere } from './report/evidence-groups.js';
export { renderReport, summaryLine, type RenderedReport } from './pipeline/render.js';
export { renderMarkdown } from './report/markdown.js';
export { renderCheckpoint, sanitizeCheckpointName } from './report/checkpoint.js';
export { lintEmittedStrings, lintString } from './text/wording-lint.js';
export { escapeControlChars, escapeMarkdown } from './text/escape.js';
export { DISCLAIMER } from './report/disclaimer.js';
export { renderError, ERROR_CODES, type InspectorError, type InspectorErrorCode } from './errors.js';

// Schemas and vocabularies.
export {
  packetSchema,
  packetEnvelopeSchema,
  itemSchema,
  dossierSchema,
  claimSchema,
  packetJsonSchema,
  type Packet,
  type PacketItem,
  type Dossier,
  type Claim,
} from './packet/schema.js';
export { reportSchema, REPORT_SCHEMA_ID, type Report, type ClaimReport } from './report/schema.js';
export * from './vocabulary.js';
