import { writeSync } from 'node:fs';
import { inspectorError, type InspectorError } from '../errors.js';
import { CHANNEL_MAGIC, encodeFrame, encodeFrameHeader, isReportFileName } from './report-frame.js';

/**
 * The write edge (SPEC §5, §6 L1): the inspector writes no file. It emits the three report files
 * and its verdict line as frames on the report channel — a descriptor the launcher passed in (a
 * pipe on fd 3, or stdout where the engine cannot pass descriptors) — and the launcher, outside
 * the sandbox, validates them and writes the files itself. The action keeps its name: this module
 * is still the one place the inspector's report leaves from.
 */
export const allowedActions = ['WRITE_LOCAL_REPORT'] as const;

export interface ReportFile {
  readonly name: string;
  readonly content: string;
  /** `content` in UTF-8, when the caller already encoded it (to measure the report against its limit): not encoded twice. */
  readonly bytes?: Buffer;
}

export type EmitResult = { readonly ok: true; readonly names: readonly string[] } | { readonly ok: false; readonly error: InspectorError };

export { isReportFileName } from './report-frame.js';

/** Blocking writes until every byte is out: the pipe's reader is the launcher, which reads as we write. */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/**
 * Emits the triplet, then the verdict line, then the end frame. The launcher writes nothing unless
 * the end frame arrives, so a crash half-way leaves no partial report.
 */
export function emitReport(fd: number, files: readonly ReportFile[], line: string): EmitResult {
  const names = files.map((file) => file.name);
  if (files.length !== 3 || new Set(names).size !== 3 || !names.every(isReportFileName)) {
    // A programmer error in the caller, reported as data so the run still fails closed with exit 3.
    return { ok: false, error: inspectorError('report/write_failed', `fd ${fd}`, `refused file names: ${names.join(', ')}`) };
  }
  try {
    writeAll(fd, CHANNEL_MAGIC);
    for (const file of files) {
      // Header, then payload: a 100 MB report.json is not copied into a second buffer to be framed.
      const bytes = file.bytes ?? Buffer.from(file.content, 'utf8');
      writeAll(fd, encodeFrameHeader('file', bytes.length, file.name));
      writeAll(fd, bytes);
    }
    writeAll(fd, encodeFrame('line', Buffer.from(line, 'utf8')));
    writeAll(fd, encodeFrame('end', Buffer.alloc(0)));
    return { ok: true, names };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    return { ok: false, error: inspectorError('report/write_failed', `fd ${fd}`, code) };
  }
}
