import type { Report } from './schema.js';

/**
 * report.json's bytes as text: one serialization, used by the inspector when it renders the report
 * and by the launcher when it writes the report it validated (issue 12, red team round 6). V8's
 * JSON.stringify writes each key once, no whitespace, no byte-order mark and the minimal escapes,
 * so whatever the sandbox sent (duplicate keys, a BOM, `\u0050`), the file says what was validated.
 */
export function serializeReportJson(report: Report): string {
  return `${JSON.stringify(report)}\n`;
}
