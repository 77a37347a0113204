import type { ReportTriplet } from './write-triplet.js';

export type LauncherBlockCode = 'sandbox/limit_exceeded' | 'sandbox/report_rejected';

/**
 * The BLOCKED report the launcher writes itself when the sandbox's own report cannot be used (a
 * limit ended the run, or what it sent was refused). Rendered by the inspector's own code from
 * nothing the sandbox sent: every packet and dossier field is null and the blocked reason says
 * why. The inspector is loaded only on this path.
 */
export async function launcherBlockedReport(code: LauncherBlockCode, detail: string, name: string | undefined): Promise<ReportTriplet> {
  const { blockedInspection, renderReport } = await import('../../src/index.js');
  const rendered = renderReport(blockedInspection(undefined, [{ code, path: '', detail }]), name);
  if (!rendered.ok) throw new Error(`the launcher's BLOCKED report failed its schema: ${rendered.error.code}`);
  return { files: rendered.value.files.map((file) => ({ name: file.name, bytes: file.bytes ?? Buffer.from(file.content, 'utf8') })), line: rendered.value.line };
}
