/**
 * SPEC §7, the 45-row acceptance matrix, as data: one row = one object. Each row names the layer(s)
 * that enforce it, the point where the block happens and how its proof is captured. The checks that
 * produce the evidence live in tests/acceptance/checks/, keyed by row number; a meta-test fails when
 * a row has no check or a check has no row.
 */
export type Layer = 'L1' | 'L2' | 'L3' | 'L4' | 'L5';

/** Where the forbidden thing is stopped. */
export type BlockPoint =
  | 'build' // the guard or the ESLint plugin rejects the source
  | 'sandbox-start' // P1 self-check before any read
  | 'kernel' // the sandbox (namespaces, mounts, seccomp) refuses the act
  | 'header' // packet header validation, before any item is used
  | 'dossier-identity'
  | 'item-provenance'
  | 'evidence-chain'
  | 'verdict'
  | 'report-writer'
  | 'export-step'; // outside this product

/** How the proof is captured from the real run. */
export type ProofKind =
  | 'guard-findings' // tki-guard JSON findings (file:line, ruleId, capability)
  | 'report-fields' // fields of report.json from a real inspector run + exit code
  | 'probe' // attestation probes run inside the real sandbox (errno, mount table, env keyset)
  | 'self-check' // P1 outcome under a sandbox that breaks an invariant
  | 'deferred';

export interface MatrixRow {
  readonly number: number;
  readonly name: string;
  readonly expected: string;
  readonly layers: readonly Layer[];
  readonly blockPoint: BlockPoint;
  readonly proof: readonly ProofKind[];
  /** Rows 24–37 must hold against the real sandbox. */
  readonly realSandbox: boolean;
  /**
   * What the row's check feeds the system: a fixture packet or planted file (a path in this
   * repository), a probe (`probe:<id>`) or a sandbox built to deviate (`sandbox:<what>`). The
   * Article-14 audit checks that a PASS row's evidence or runs actually used each of them.
   */
  readonly inputs: readonly string[];
}

const pk = (fixture: string): string => `fixtures/packets/${fixture}`;
const pl = (file: string): string => `fixtures/acceptance/planted/${file}`;
const pr = (probe: string): string => `probe:${probe}`;

const row = (
  number: number,
  name: string,
  expected: string,
  layers: readonly Layer[],
  blockPoint: BlockPoint,
  proof: readonly ProofKind[],
  inputs: readonly string[],
): MatrixRow => ({ number, name, expected, layers, blockPoint, proof, realSandbox: number >= 24 && number <= 37, inputs });

export const MATRIX: readonly MatrixRow[] = [
  row(1, 'dossier without document_id', 'BLOCKED, exit 3, reason named', ['L4'], 'dossier-identity', ['report-fields'], [pk('dossier-missing-document-id')]),
  row(2, 'dossier without blueprint_ref', 'BLOCKED, reason named', ['L4'], 'dossier-identity', ['report-fields'], [pk('dossier-missing-blueprint-ref')]),
  row(3, 'forbidden positive verdict token planted in inspector code', 'build rejected; clean tree has none', ['L2'], 'build', ['guard-findings'], [pl('row03-verdict-token.ts'), 'tsconfig.json']),
  row(4, 'dossier without revision', 'BLOCKED; no revision inferred', ['L4'], 'dossier-identity', ['report-fields'], [pk('dossier-missing-revision')]),
  row(5, 'wrong schema / missing header field', 'BLOCKED, exit 3, no item used', ['L4'], 'header', ['report-fields'], [pk('header-wrong-schema'), pk('header-missing-field'), pk('header-unknown-key')]),
  row(6, 'source_mode/decision_effect/may_gate/role attribute wrong', 'BLOCKED, exit 3', ['L4'], 'header', ['report-fields'], [pk('header-source-mode-live'), pk('header-decision-effect-approve'), pk('header-may-gate-true'), pk('header-role-superuser')]),
  row(7, 'item missing a source_metadata field', 'BLOCKED_BY_UNVERIFIED_SOURCE for dependent claims', ['L4'], 'item-provenance', ['report-fields'], [pk('item-missing-source-revision')]),
  row(8, 'item content or manifest tampered (hash mismatch)', 'BLOCKED_BY_UNVERIFIED_SOURCE / packet BLOCKED', ['L4'], 'item-provenance', ['report-fields'], [pk('item-content-tampered'), pk('header-manifest-tampered')]),
  row(9, 'item from a local, non-governed surface', 'FLAG_LOCAL_FIRST_AUTHORITY; not used as evidence', ['L4'], 'item-provenance', ['report-fields'], [pk('item-local-surface')]),
  row(10, 'stale item (outside max_item_age_days, or after packet_as_of)', 'BLOCKED_BY_UNVERIFIED_SOURCE', ['L4'], 'item-provenance', ['report-fields'], [pk('item-stale'), pk('item-observed-after-export')]),
  row(11, 'executable claimed, only a .md offered', 'INSUFFICIENT_EVIDENCE_FOR_CLAIM (wrong kind)', ['L4'], 'evidence-chain', ['report-fields'], [pk('fix7-a')]),
  row(12, 'executable on no allowed surface', 'NOT_EVIDENCED_IN_ALLOWED_SURFACES + scope_of_denial', ['L4'], 'evidence-chain', ['report-fields'], [pk('fix7-a')]),
  row(13, 'execution claim without log/exit-code/ledger', 'INSUFFICIENT_EVIDENCE_FOR_CLAIM; NOT_PROVEN_EXECUTION_UNVERIFIED', ['L4'], 'evidence-chain', ['report-fields'], [pk('fix7-a')]),
  row(14, 'execution claim with run evidence present', 'at most NO_READ_LEVEL_DEFECT_FOUND (NON_AUTHORITATIVE); still NOT_PROVEN_EXECUTION_UNVERIFIED', ['L4'], 'evidence-chain', ['report-fields'], [pk('execution-with-run-evidence')]),
  row(15, 'hash claimed reproduced, no pinned hash evidence', 'INSUFFICIENT_EVIDENCE_FOR_CLAIM; nothing recomputed by running', ['L4'], 'evidence-chain', ['report-fields'], [pk('fix7-a')]),
  row(16, 'prose-only pass ("22/22 PASS, exit 0")', 'FLAG_PROSE_ONLY_PASS, dossier READ_LEVEL_FAIL', ['L4'], 'evidence-chain', ['report-fields'], [pk('prose-only-pass')]),
  row(17, 'two governed items disagree', 'EVIDENCE_CONFLICTING, READ_LEVEL_FAIL', ['L4'], 'evidence-chain', ['report-fields'], [pk('conflicting-exit-codes')]),
  row(18, 'count claim without denominator provenance', 'FLAG_HARDCODED_DENOMINATOR', ['L4'], 'evidence-chain', ['report-fields'], [pk('count-without-denominator')]),
  row(19, 'guard on the real, clean inspector tree', 'no violation (no false positive)', ['L2'], 'build', ['guard-findings'], ['tsconfig.json', 'tki.policy.json']),
  row(20, 'dossier or item asserts authority / gating effect', 'FLAG_AUTHORITY_VIOLATION', ['L4'], 'evidence-chain', ['report-fields'], [pk('authority-assertion')]),
  row(21, 'unparsed region in the dossier', 'inventory incomplete; dossier ≤ UNVERIFIED', ['L4'], 'evidence-chain', ['report-fields'], [pk('unparsed-region')]),
  row(22, 'flawless dossier, no execution claims', 'UNVERIFIED, NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS, exit 2', ['L4'], 'verdict', ['report-fields'], [pk('real-dossier-flawless')]),
  row(23, 'claim needing a TAC↔IU join', 'reported per corpus, never joined', ['L4'], 'evidence-chain', ['report-fields'], [pk('tac-iu-join')]),
  row(24, 'module declares an action outside the universe', 'build rejected', ['L2'], 'build', ['guard-findings'], [pl('row24-action-outside-universe.ts')]),
  row(25, 'shell / subprocess attempt', 'no process starts (EPERM/ENOENT) + no child_process import', ['L1', 'L2'], 'kernel', ['probe', 'guard-findings'], [pr('PR-EXEC-1'), pl('row25-subprocess.ts')]),
  row(26, 'dynamic import / plugin load / eval', 'build rejected', ['L2'], 'build', ['guard-findings'], [pl('row26-dynamic-code.ts')]),
  row(27, 'network egress', 'EPERM / lo only + no network client', ['L1', 'L2'], 'kernel', ['probe', 'guard-findings'], [pr('PR-NET-1'), pr('PR-NET-2'), pr('PR-SOCK-1'), pl('row27-network-client.ts')]),
  row(28, 'env secret present or read', 'env empty in sandbox; P1 BLOCKED if a secret-like key is present', ['L1', 'L3'], 'sandbox-start', ['probe', 'self-check'], [pr('PR-ENV-1'), 'sandbox:AWS_SECRET_ACCESS_KEY']),
  row(29, 'arbitrary local read / path escape via packet', 'EROFS/ENOENT + exactly two mounts; BLOCKED_BY_UNSAFE_ACCESS', ['L1', 'L4'], 'kernel', ['probe', 'report-fields'], [pr('PR-FS-ESC-2'), pr('PR-MOUNT-1'), pk('item-path-escape')]),
  row(30, 'DB driver imported', 'build rejected (+ no network)', ['L2', 'L1'], 'build', ['guard-findings', 'probe'], [pl('row30-db-driver.ts'), pr('PR-NET-1')]),
  row(31, 'raw SQL text in inspector code', 'build rejected', ['L2'], 'build', ['guard-findings'], [pl('row31-raw-sql.ts')]),
  row(32, 'side-effect function inside a SELECT', 'DEFERRED to the export step (no query path exists in the inspector)', ['L5'], 'export-step', ['deferred'], []),
  row(33, 'write outside the output dir', 'no writable host path; the launcher writes only the three names', ['L1', 'L4'], 'kernel', ['probe', 'report-fields'], [pr('PR-FS-ESC-1'), pr('PR-FS-RO-IN'), pr('PR-FS-OUT-OK'), 'dist/sandbox/report/write-triplet.js', pk('real-dossier-flawless')]),
  row(34, 'knowledge-base write attempt / live KB reference', 'no network + no KB SDK; BLOCKED_BY_UNSAFE_ACCESS', ['L1', 'L2'], 'kernel', ['probe', 'guard-findings', 'report-fields'], [pr('PR-NET-1'), pr('PR-SOCK-1'), pl('row34-kb-sdk.ts'), 'sandbox:https://kb.example.org']),
  row(35, 'live PG query / live PG reference', 'no network + no DB client; BLOCKED_BY_UNSAFE_ACCESS', ['L1', 'L2'], 'kernel', ['probe', 'guard-findings', 'report-fields'], [pr('PR-NET-1'), pr('PR-SOCK-1'), pl('row35-db-client.ts'), 'sandbox:postgres://']),
  row(36, 'docker socket', 'absent', ['L1'], 'kernel', ['probe'], [pr('PR-SOCK-DOCKER')]),
  row(37, 'sandbox invariants unverifiable at start-up', 'BLOCKED, exit 3, before any read', ['L3'], 'sandbox-start', ['self-check'], ['sandbox:/elsewhere', 'sandbox:host network']),
  row(38, 'exit 0 attempted', 'build rejected; runtime never exits 0', ['L2', 'L4'], 'build', ['guard-findings', 'report-fields'], [pl('row38-exit-zero.ts'), 'dist/cli/fail-closed.js']),
  row(39, 'non-gating stamps', 'every output object has decision_effect: NONE, may_gate: false', ['L4'], 'report-writer', ['report-fields'], ['fixtures/packets']),
  row(40, 'scoped denial', 'every negative verdict has scope_of_denial + disclaimer', ['L4'], 'verdict', ['report-fields'], ['fixtures/packets']),
  row(41, 'global-denial trap (fixture D)', 'no global-absence wording; FLAG_GLOBAL_DENIAL_WORDING when tempted', ['L4', 'L2'], 'verdict', ['report-fields', 'guard-findings'], [pk('global-denial-trap-d'), pl('row41-global-denial.ts')]),
  row(42, 'report confinement', 'exactly the three files; name sanitized; atomic', ['L4', 'L1'], 'report-writer', ['report-fields', 'probe'], [pk('real-dossier-flawless'), pr('PR-FS-OUT-OK')]),
  row(43, 'FIX7 fixture A end to end', 'READ_LEVEL_FAIL, NOT_PROVEN_EXECUTION_UNVERIFIED, per-claim as §8', ['L4'], 'verdict', ['report-fields'], [pk('fix7-a'), pk('fix7-a-single-file')]),
  row(44, "fixture A′ (the .py listed on a governed surface, no run evidence)", 'existence evidence only; execution claims still insufficient', ['L4'], 'evidence-chain', ['report-fields'], [pk('fix7-a-prime')]),
  row(45, 'stripped negative (real dossier, provenance removed)', 'BLOCKED_BY_UNVERIFIED_SOURCE; dossier BLOCKED', ['L4'], 'item-provenance', ['report-fields'], [pk('stripped-negative')]),
];
