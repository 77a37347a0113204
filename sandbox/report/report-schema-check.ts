import { sanitizeCheckpointName } from '../../src/report/checkpoint.js';
import { parseReport } from '../../src/report/schema.js';

/**
 * report.json as the launcher checks it: the inspector's own zod schema (one definition). Loaded on
 * demand and started while the sandbox runs, so its load time overlaps the inspector's work.
 */
export function checkReportJson(value: unknown): { ok: true; finalVerdict: string } | { ok: false; issue: string } {
  const checked = parseReport(value);
  if (checked.success) return { ok: true, finalVerdict: checked.data.final_verdict };
  const issue = checked.error.issues[0];
  return { ok: false, issue: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** The checkpoint file the inspector must send for the operator's `--name` (the inspector's own sanitizer). */
export function expectedCheckpointName(name: string | undefined): string {
  return `checkpoint-${sanitizeCheckpointName(name)}.md`;
}
