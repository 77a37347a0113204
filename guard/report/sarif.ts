import { createHash } from 'node:crypto';
import { suppressionNoteMessage } from '../../analysis/suppress/index.js';
import { eslintDisableHintMessage } from '../suppress/index.js';
import type { GuardFinding } from '../types.js';
import { GUARD_VERSION } from '../version.js';
import { describeRule } from './rules.js';
import { SRCROOT, flowBuilder } from './sarif-flows.js';
import { reportableRuleIds, sarifRules } from './sarif-rules.js';
import { exitCodeOf, type Reporter } from './types.js';

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run; every rule with its descriptions,
 * markdown help, tags and `security-severity`; results with a `%SRCROOT%`-relative region, a
 * line-independent partial fingerprint (a finding keeps its identity when code above it moves)
 * and the witness path as a code flow. Accepted findings are results too, marked with SARIF's
 * own `suppressions` (`inSource` for a tki-allow-next-line comment, `external` for the baseline),
 * so code scanning shows them as suppressed instead of forgetting them.
 */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * Identity of a finding without its line: rule, file, capability, witness (or message), plus its
 * ordinal among identical findings of the same file, so two `eval` calls stay two alerts.
 */
function fingerprints(findings: readonly GuardFinding[]): Map<GuardFinding, string> {
  const seen = new Map<string, number>();
  const prints = new Map<GuardFinding, string>();
  for (const finding of findings) {
    const identity = [finding.ruleId, finding.file, finding.capability ?? '', (finding.witness ?? [finding.message]).join('>')].join('|');
    const ordinal = seen.get(identity) ?? 0;
    seen.set(identity, ordinal + 1);
    prints.set(finding, createHash('sha256').update(`${identity}|${ordinal}`).digest('hex').slice(0, 32));
  }
  return prints;
}

/** The notification descriptor of a file whose `eslint-disable` comments name tki rules. */
export const ESLINT_DISABLE_HINT_ID = 'eslint-disable-not-read';

type Acceptance = { readonly kind: 'inSource' | 'external'; readonly justification: string } | null;

export const sarifReporter: Reporter = (verdict, options) => {
  const suppressedBy = new Map<GuardFinding, Acceptance>(verdict.suppressed.map(({ finding, reason }) => [finding, { kind: 'inSource', justification: reason }]));
  for (const finding of verdict.baseline?.accepted ?? []) suppressedBy.set(finding, { kind: 'external', justification: `known finding, counted in ${verdict.baseline?.file ?? 'the baseline'}` });
  const all = [...verdict.result.findings, ...suppressedBy.keys()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
  const ruleIds = reportableRuleIds(all.map((finding) => finding.ruleId));
  const prints = fingerprints(all);
  const flows = flowBuilder(all);
  const results = all.map((finding) => {
    const acceptance = suppressedBy.get(finding) ?? null;
    const codeFlows = flows(finding);
    return {
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
      partialFingerprints: { 'tkiGuardFinding/v1': prints.get(finding) },
      ...(codeFlows === undefined ? {} : { codeFlows }),
      ...(acceptance === null ? {} : { suppressions: [{ kind: acceptance.kind, status: 'accepted', justification: acceptance.justification }] }),
      ...(verdict.baseline === null ? {} : { baselineState: acceptance?.kind === 'external' ? 'unchanged' : 'new' }),
    };
  });
  const notes = verdict.suppressionNotes.map((note) => ({
    level: 'warning',
    message: { text: suppressionNoteMessage(note) },
    locations: [{ physicalLocation: { artifactLocation: { uri: note.file, uriBaseId: SRCROOT }, region: { startLine: note.commentLine, startColumn: note.commentColumn } } }],
  }));
  // Not an error of the run: a note that ESLint's comment is not tki's (same words as the text report).
  const hints = verdict.eslintDisableHints.map((hint) => ({
    level: 'note',
    descriptor: { id: ESLINT_DISABLE_HINT_ID },
    message: { text: eslintDisableHintMessage(hint) },
    locations: [{ physicalLocation: { artifactLocation: { uri: hint.file, uriBaseId: SRCROOT }, region: { startLine: hint.commentLine, startColumn: hint.commentColumn } } }],
  }));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driverOf(sarifRules(ruleIds)) },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: [...notes, ...hints] }],
        originalUriBaseIds: { [SRCROOT]: { uri: options.rootUri } },
        results,
      },
    ],
  };
  return { output: `${JSON.stringify(log, null, 2)}\n`, exitCode: exitCodeOf(verdict) };
};

function driverOf(rules: object[]): object {
  const { helpUri } = describeRule('transitive-capability');
  const informationUri = helpUri?.replace(/#.*$/, '');
  return { name: 'tki-guard', version: GUARD_VERSION, semanticVersion: GUARD_VERSION, ...(informationUri === undefined ? {} : { informationUri }), rules };
}

/**
 * The SARIF of a run that failed (exit 2): no results, the error as a tool execution
 * notification. Written wherever the report would have gone, so an upload step that runs after
 * a failed guard still finds a valid file and the failure shows in code scanning.
 */
export function sarifForToolError(code: string, message: string): string {
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driverOf(sarifRules(reportableRuleIds([]))) },
        invocations: [{ executionSuccessful: false, exitCode: 2, toolExecutionNotifications: [{ level: 'error', descriptor: { id: code }, message: { text: message } }] }],
        results: [],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
