/**
 * The Article-13/14 self-audits: statements about this project's own proof, each PASS, PARTIAL or
 * FAIL with the evidence it rests on. PARTIAL says what could not be shown, never hides it.
 */
export type AuditStatus = 'PASS' | 'PARTIAL' | 'FAIL';

export interface AuditFinding {
  readonly id: string;
  readonly statement: string;
  readonly status: AuditStatus;
  readonly evidence: Readonly<Record<string, unknown>>;
  /** Why it is PARTIAL or FAIL; absent on PASS. */
  readonly why?: string;
}

export interface ArticleAudit {
  readonly article: 'Article 13' | 'Article 14';
  readonly question: string;
  readonly status: AuditStatus;
  readonly findings: readonly AuditFinding[];
}

export interface SelfAuditReport {
  readonly generated_at: string;
  readonly binding_generated_at: string;
  readonly audits: readonly ArticleAudit[];
  /** The self-audit is evidence for a person about this project, never a gate on a dossier. */
  readonly decision_effect: 'NONE';
  readonly may_gate: false;
}

/** The weakest status wins: one FAIL fails the article, one PARTIAL makes it PARTIAL. */
export function combine(findings: readonly AuditFinding[]): AuditStatus {
  if (findings.length === 0 || findings.some((finding) => finding.status === 'FAIL')) return 'FAIL';
  return findings.some((finding) => finding.status === 'PARTIAL') ? 'PARTIAL' : 'PASS';
}

export function finding(id: string, statement: string, status: AuditStatus, evidence: Readonly<Record<string, unknown>>, why?: string): AuditFinding {
  return { id, statement, status, evidence, ...(status === 'PASS' || why === undefined ? {} : { why }) };
}
