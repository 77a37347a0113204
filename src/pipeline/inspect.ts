import { inspectorError, renderErrorBrief, type InspectorError } from '../errors.js';
import { readPacketDocument } from '../io/packet-reader.js';
import { emitReport } from '../io/report-writer.js';
import { parsePacketText, type ParsedPacket } from '../packet/parse.js';
import { checkManifest } from '../provenance/manifest-check.js';
import { createItemAssessor } from '../provenance/items.js';
import { escapeControlChars } from '../text/escape.js';
import type { DossierVerdict, InspectorExitCode } from '../vocabulary.js';
import { DEFAULT_LIMITS, type InspectorLimits } from './limits.js';
import { blockedInspection, judgePacket } from './judge.js';
import { itemsNeedingText, readContents } from './read-contents.js';
import { renderReport, reportBytes, withholdVerdictWords } from './render.js';
import type { InspectionResult } from './result.js';

export interface InspectOptions {
  /** A directory holding packet.json, or a single .json packet file (SPEC §1). */
  packetPath: string;
  /**
   * The report channel's descriptor (SPEC §5): report.json, report.md and checkpoint-<name>.md leave
   * as frames on it; the launcher outside writes the files. The inspector writes no file.
   */
  reportFd: number;
  /** The checkpoint name; sanitized to [a-z0-9-]. */
  name?: string;
}

export interface InspectOutcome {
  exitCode: InspectorExitCode;
  verdict: DossierVerdict;
  /** One line for the terminal, escaped. */
  line: string;
  /** Names of the report files emitted on the channel; empty when nothing could be emitted. */
  reportFiles: string[];
}

/** read (edge) → parse → provenance → chain → verdict: everything short of rendering and writing. */
export function inspectToResult(packetPath: string, limits: InspectorLimits = DEFAULT_LIMITS): InspectionResult {
  const document = readPacketDocument(packetPath, limits.maxPacketJsonBytes);
  if (!document.ok) return blockedInspection(undefined, [document.error]);
  const parsed = parsePacketText(document.text, limits);
  return inspectParsed(parsed, document.root, limits);
}

function inspectParsed(parsed: ParsedPacket, root: string, limits: InspectorLimits): InspectionResult {
  const header = parsed.header;
  const headerErrors: InspectorError[] = [...parsed.headerErrors];
  if (header !== undefined && headerErrors.length === 0) headerErrors.push(...checkManifest(header, parsed.items));
  // Fail closed in SPEC §2 order: a header failure stops everything before any item is read.
  if (header === undefined || headerErrors.length > 0) return blockedInspection(parsed, headerErrors);
  if (parsed.dossier === undefined || parsed.dossierErrors.length > 0) return blockedInspection(parsed, parsed.dossierErrors.length > 0 ? parsed.dossierErrors : [inspectorError('dossier/invalid', 'dossier')]);
  const dossier = parsed.dossier;
  const { contents, packetErrors } = readContents(root, parsed.items, itemsNeedingText(dossier, parsed.items), limits);
  if (packetErrors.length > 0) return blockedInspection(parsed, packetErrors);
  const assess = createItemAssessor(header);
  const assessments = parsed.items.map((record, index) => assess(record, contents[index]));
  return judgePacket({ parsed, header, dossier, assessments, packetErrors, limits });
}

function failedOutcome(error: InspectorError): InspectOutcome {
  return { exitCode: 3, verdict: 'BLOCKED', line: withholdVerdictWords(`tki inspect: BLOCKED (exit 3) · ${renderErrorBrief(error)}`), reportFiles: [] };
}

async function renderAndWrite(result: InspectionResult, options: InspectOptions, limits: InspectorLimits): Promise<InspectOutcome> {
  let rendered = renderReport(result, options.name, limits);
  // Our own report failing its schema is a bug; still fail closed with a minimal BLOCKED report.
  if (!rendered.ok) rendered = renderReport(blockedInspection(undefined, [rendered.error]), options.name, limits);
  if (!rendered.ok) return failedOutcome(rendered.error);
  const { report, line, exitCode, files } = rendered.value;
  // A limit below even the short BLOCKED report that names it (choices 92): no report fits the channel, whose cap is
  // the same number, so none is sent; the line alone says why, and the run ends in exit 3 as any refusal does.
  const bytes = reportBytes(files);
  if (bytes > limits.maxReportBytes) {
    return failedOutcome(inspectorError('limits/max_report_bytes', '', `maxReportBytes = ${limits.maxReportBytes}; below the smallest report (${bytes} bytes), so none was written`));
  }
  const emitted = emitReport(options.reportFd, files, line);
  if (!emitted.ok) return failedOutcome(emitted.error);
  return { exitCode, verdict: report.final_verdict, line, reportFiles: [...emitted.names] };
}

/**
 * The whole pipeline with its two edges. Never throws: any unexpected error becomes exit 3
 * with one line. The exit code type has no 0, and every path below returns one explicitly.
 */
export async function inspectPacket(options: InspectOptions, limits: InspectorLimits = DEFAULT_LIMITS): Promise<InspectOutcome> {
  try {
    const result = inspectToResult(options.packetPath, limits);
    return await renderAndWrite(result, options, limits);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
    // Stack overflow, a string or buffer too large for V8: the packet is too costly, never a crash.
    const code = error instanceof RangeError ? 'limits/resources' : 'internal/unexpected';
    const failure = inspectorError(code, '', escapeControlChars(detail).slice(0, 300));
    try {
      return await renderAndWrite(blockedInspection(undefined, [failure]), options, limits);
    } catch {
      return failedOutcome(failure);
    }
  }
}
