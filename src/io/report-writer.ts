import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inspectorError, type InspectorError } from '../errors.js';

/**
 * The write edge (SPEC §5): the only module of the inspector that writes, and only the three
 * report files, directly inside the output root. All three are written to temp files first and
 * renamed into place afterwards, so a crash leaves no partial report under a report name.
 */
export const allowedActions = ['WRITE_LOCAL_REPORT'] as const;

export interface ReportFile {
  readonly name: string;
  readonly content: string;
}

export type WriteResult = { readonly ok: true; readonly paths: readonly string[] } | { readonly ok: false; readonly error: InspectorError };

/** The only names the writer accepts; `<name>` is already sanitized by the caller. */
const REPORT_FILE_NAME = /^(?:report\.json|report\.md|checkpoint-[a-z0-9-]{1,64}\.md)$/;

export function isReportFileName(name: string): boolean {
  return REPORT_FILE_NAME.test(name);
}

export async function writeReportFiles(outDir: string, files: readonly ReportFile[]): Promise<WriteResult> {
  const names = files.map((file) => file.name);
  if (files.length !== 3 || new Set(names).size !== 3 || !names.every(isReportFileName)) {
    // A programmer error in the caller, reported as data so the run still fails closed with exit 3.
    return { ok: false, error: inspectorError('report/write_failed', outDir, `refused file names: ${names.join(', ')}`) };
  }
  const root = path.resolve(outDir);
  const staged: Array<{ temp: string; final: string }> = [];
  try {
    await mkdir(root, { recursive: true });
    for (const file of files) {
      const temp = path.join(root, `.${file.name}.${randomUUID()}.tmp`);
      staged.push({ temp, final: path.join(root, file.name) });
      await writeFile(temp, file.content, { encoding: 'utf8', flag: 'wx', mode: 0o644, flush: true });
    }
    for (const { temp, final } of staged) await rename(temp, final);
    return { ok: true, paths: staged.map((entry) => entry.final) };
  } catch (error) {
    await Promise.all(staged.map((entry) => rm(entry.temp, { force: true }).catch(() => undefined)));
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    return { ok: false, error: inspectorError('report/write_failed', root, code) };
  }
}
