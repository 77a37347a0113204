import { renderCheckpoint, sanitizeCheckpointName } from '../../src/report/checkpoint.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { parseReport } from '../../src/report/schema.js';
import { lintString } from '../../src/text/wording-lint.js';

/** What report.md and the checkpoint must say, rendered from report.json by the inspector's own renderers. */
export interface DerivedReportText {
  readonly markdown: string;
  readonly checkpoint: string;
}

export type ReportJsonCheck = { ok: true; finalVerdict: string; derived: DerivedReportText } | { ok: false; issue: string };

/**
 * report.json as the launcher checks it: the inspector's own zod schema (one definition). Loaded on
 * demand and started while the sandbox runs, so its load time overlaps the inspector's work.
 */
export function checkReportJson(value: unknown): ReportJsonCheck {
  // The compiled check (src/zod-check.ts); zod itself only explains a failure.
  const checked = parseReport(value);
  // The two Markdown files are functions of report.json (src/pipeline/render.ts renders them from the
  // same parsed report): re-rendered here, they must match byte for byte, so report.md cannot say
  // something report.json does not.
  if (checked.success) return { ok: true, finalVerdict: checked.data.final_verdict, derived: { markdown: lintString(renderMarkdown(checked.data)).text, checkpoint: lintString(renderCheckpoint(checked.data)).text } };
  const issue = checked.error.issues[0];
  return { ok: false, issue: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** The checkpoint file the inspector must send for the operator's `--name` (the inspector's own sanitizer). */
export function expectedCheckpointName(name: string | undefined): string {
  return `checkpoint-${sanitizeCheckpointName(name)}.md`;
}
