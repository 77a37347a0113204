import { ERROR_CODES, inspectorError, type InspectorErrorCode } from '../../src/errors.js';
import { summaryLine } from '../../src/pipeline/render.js';
import { renderCheckpoint, sanitizeCheckpointName } from '../../src/report/checkpoint.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { serializeReportJson } from '../../src/report/serialize.js';
import { parseReport, type Report } from '../../src/report/schema.js';
import { lintString } from '../../src/text/wording-lint.js';
import { EXIT_CODE_BY_VERDICT } from '../../src/vocabulary.js';

/**
 * Everything the launcher writes or prints about a run, rendered from the validated report.json by
 * the inspector's own code: report.json itself (re-serialized), report.md, the checkpoint and the
 * verdict line. Nothing the sandbox sent reaches the operator except through this value.
 */
export interface DerivedReportText {
  readonly json: string;
  readonly markdown: string;
  readonly checkpoint: string;
  readonly line: string;
}

export type ReportJsonCheck = { ok: true; finalVerdict: string; derived: DerivedReportText } | { ok: false; issue: string };

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function isKnownCode(code: string): code is InspectorErrorCode {
  return KNOWN_CODES.has(code);
}

/**
 * The verdict line `tki inspect` prints for this report (src/pipeline/render.ts `summaryLine`): its
 * counts, flags and first blocked reason are report.json's, so the line can say nothing the report
 * does not. A first blocked reason with a code tki never emits cannot be named: undefined.
 */
function verdictLine(report: Report): string | undefined {
  const first = report.blocked_reasons[0];
  if (first !== undefined && !isKnownCode(first.code)) return undefined;
  return summaryLine(report, EXIT_CODE_BY_VERDICT[report.final_verdict], first === undefined ? undefined : inspectorError(first.code as InspectorErrorCode, first.path));
}

/**
 * report.json as the launcher checks it: the inspector's own zod schema (one definition). Loaded on
 * demand and started while the sandbox runs, so its load time overlaps the inspector's work.
 */
export function checkReportJson(value: unknown): ReportJsonCheck {
  // The compiled check (src/zod-check.ts); zod itself only explains a failure.
  const checked = parseReport(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, issue: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  const report = checked.data;
  const line = verdictLine(report);
  if (line === undefined) return { ok: false, issue: `blocked_reasons.0.code: ${JSON.stringify(report.blocked_reasons[0]?.code.slice(0, 64))} is not a code tki emits` };
  // The two Markdown files are functions of report.json (src/pipeline/render.ts renders them from the
  // same parsed report): re-rendered here, they must match byte for byte, so report.md cannot say
  // something report.json does not.
  return {
    ok: true,
    finalVerdict: report.final_verdict,
    derived: { json: serializeReportJson(report), markdown: lintString(renderMarkdown(report)).text, checkpoint: lintString(renderCheckpoint(report)).text, line },
  };
}

/** The checkpoint file the inspector must send for the operator's `--name` (the inspector's own sanitizer). */
export function expectedCheckpointName(name: string | undefined): string {
  return `checkpoint-${sanitizeCheckpointName(name)}.md`;
}
