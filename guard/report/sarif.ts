import { createHash } from 'node:crypto';
import type { GuardFinding } from '../types.js';
import { GUARD_VERSION } from '../version.js';
import { DOCS_ROOT, describeRule } from './rules.js';
import { exitCodeOf, type Reporter } from './types.js';

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, rules with stable ids and help URIs,
 * results with a `%SRCROOT%`-relative location, a line-independent partial fingerprint (so a
 * finding keeps its identity when code above it moves), and the witness path as a code flow.
 */
const SRCROOT = '%SRCROOT%';

/**
 * Identity of a finding without its line: rule, file, capability, witness (or message), plus its
 * ordinal among identical findings of the same file, so two `eval` calls stay two alerts.
 */
function fingerprints(findings: readonly GuardFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const identity = [finding.ruleId, finding.file, finding.capability ?? '', (finding.witness ?? [finding.message]).join('>')].join('|');
    const ordinal = seen.get(identity) ?? 0;
    seen.set(identity, ordinal + 1);
    return createHash('sha256').update(`${identity}|${ordinal}`).digest('hex').slice(0, 32);
  });
}

/** The witness path as one thread flow: each module step has a location, the sink a message. */
function codeFlow(witness: readonly string[], capability: string | null): object[] {
  const steps = witness.map((step, index) => {
    const next = witness[index + 1];
    return {
      location:
        next === undefined
          ? { message: { text: `reaches ${capability ?? ''} here: ${step}` } }
          : { message: { text: `imports ${next}` }, physicalLocation: { artifactLocation: { uri: step, uriBaseId: SRCROOT } } },
    };
  });
  return [{ threadFlows: [{ locations: steps }] }];
}

export const sarifReporter: Reporter = (result, options) => {
  const ruleIds = [...new Set(result.findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const rule = describeRule(id);
    return { id, name: id, shortDescription: { text: rule.description }, helpUri: rule.helpUri, defaultConfiguration: { level: 'error' } };
  });
  const prints = fingerprints(result.findings);
  const results = result.findings.map((finding, index) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIds.indexOf(finding.ruleId),
    level: 'error',
    message: { text: finding.capability === null ? finding.message : `[${finding.capability}] ${finding.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file, uriBaseId: SRCROOT },
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    partialFingerprints: { 'tkiGuardFinding/v1': prints[index] },
    ...(finding.witness === undefined ? {} : { codeFlows: codeFlow(finding.witness, finding.capability) }),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'tki-guard', version: GUARD_VERSION, informationUri: `${DOCS_ROOT}/guard.md`, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: options.rootUri } },
        results,
      },
    ],
  };
  return { output: `${JSON.stringify(log, null, 2)}\n`, exitCode: exitCodeOf(result) };
};
