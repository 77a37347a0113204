import { isAscii, isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isReportFileName, type ChannelRecord } from '../../src/io/report-frame.js';
import type { OutputDirectory } from './output-dir.js';
import type { ReportJsonCheck } from './report-schema-check.js';

/** The triplet as received: names and bytes, nothing else (a frame carries no mode, owner or path). */
export interface ReportTriplet {
  readonly files: readonly { readonly name: string; readonly bytes: Buffer }[];
  /** The verdict line the inside sent, for the operator's terminal. */
  readonly line: string | undefined;
}

export type TripletCheck = { readonly ok: true; readonly triplet: ReportTriplet; readonly finalVerdict: string } | { readonly ok: false; readonly reason: string };

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The text of valid UTF-8 bytes, else undefined. Checked by `isUtf8`, then decoded (all-ASCII
 * bytes as Latin-1, the same text copied without decoding): a 147 MB report.json was decoded by a
 * fatal TextDecoder in ≈ 0.5 CPU-s. Unlike TextDecoder, a leading byte-order mark is kept, so
 * report.md with one no longer equals its rendering and is refused (the inspector never sends one).
 */
function utf8(bytes: Buffer): string | undefined {
  if (isAscii(bytes)) return bytes.toString('latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}

/**
 * The launcher's validation of what came over the channel (SPEC §5): exactly report.json,
 * report.md and checkpoint-<the operator's name>.md, UTF-8, report.json valid against the
 * inspector's own zod schema (loaded on demand: `schema` is the parser), report.md and the
 * checkpoint exactly what the inspector's renderers make of that report.json, one verdict line carrying its verdict.
 * The size cap was enforced while reading.
 */
export function checkTriplet(records: readonly ChannelRecord[], checkpointName: string, schema: (value: unknown) => ReportJsonCheck): TripletCheck {
  const files = records.filter((record) => record.kind === 'file');
  const lines = records.filter((record) => record.kind === 'line');
  const others = records.filter((record) => record.kind !== 'file' && record.kind !== 'line');
  const expected = ['report.json', 'report.md', checkpointName];
  const names = files.map((file) => file.name ?? '');
  if (others.length > 0) return { ok: false, reason: `unexpected ${others[0]?.kind ?? ''} record on the report channel` };
  if (lines.length !== 1) return { ok: false, reason: `${lines.length} verdict lines instead of one` };
  if (names.length !== 3 || !expected.every((name) => names.includes(name))) {
    return { ok: false, reason: `the files sent were [${names.map((name) => JSON.stringify(name)).join(', ')}], expected exactly ${expected.join(', ')}` };
  }
  const texts = files.map((file) => utf8(file.payload));
  if (texts.some((text) => text === undefined)) return { ok: false, reason: 'a report file is not valid UTF-8' };
  let value: unknown;
  try {
    value = JSON.parse(texts[names.indexOf('report.json')] ?? '');
  } catch {
    return { ok: false, reason: 'report.json is not valid JSON' };
  }
  const checked = schema(value);
  if (!checked.ok) return { ok: false, reason: `report.json fails the report schema (${checked.issue})` };
  if (texts[names.indexOf('report.md')] !== checked.derived.markdown) return { ok: false, reason: 'report.md does not say what report.json says (it differs from report.json rendered by the inspector\'s own renderer)' };
  if (texts[names.indexOf(checkpointName)] !== checked.derived.checkpoint) return { ok: false, reason: `${checkpointName} does not say what report.json says (it differs from report.json rendered by the inspector's own renderer)` };
  const line = lines[0] === undefined ? undefined : utf8(lines[0].payload);
  if (line === undefined) return { ok: false, reason: 'the verdict line is not valid UTF-8' };
  // It reaches the operator's terminal: one line, no control characters, and report.json's verdict.
  if (CONTROL_CHARACTER.test(line)) return { ok: false, reason: 'the verdict line carries control characters' };
  if (!line.startsWith(`tki inspect: ${checked.finalVerdict} (exit `)) return { ok: false, reason: `the verdict line does not carry report.json's verdict ${checked.finalVerdict}` };
  return { ok: true, finalVerdict: checked.finalVerdict, triplet: { files: files.map((file) => ({ name: file.name ?? '', bytes: file.payload })), line } };
}

/**
 * Writes the triplet into the operator's directory: each file to a fresh temp name (O_EXCL),
 * mode 0644 set explicitly (the umask cannot add or remove bits), flushed, then all renamed into
 * place; a previous run's checkpoint of another name is removed last. Every name is created,
 * renamed and removed relative to the directory's descriptor (`directory.path` is
 * /proc/self/fd/<fd>), never by a path that could be swapped after the check; O_EXCL and rename
 * never follow a symlink planted in it. The launcher runs as the operator, so the files are
 * theirs; the sandbox never touches this directory.
 * Returns the final paths (under the real path the directory had when opened), or the errno that
 * stopped it (temp files removed).
 */
export function writeTriplet(directory: OutputDirectory, triplet: ReportTriplet, mode = 0o644): { ok: true; paths: string[] } | { ok: false; reason: string } {
  // Checked again here, whatever the caller checked: a name is joined to the operator's directory.
  const refused = triplet.files.find((file) => !isReportFileName(file.name));
  if (refused !== undefined) return { ok: false, reason: `refused file name ${JSON.stringify(refused.name)}` };
  const staged: Array<{ temp: string; final: string; shown: string }> = [];
  try {
    for (const file of triplet.files) {
      const temp = join(directory.path, `.${file.name}.${randomBytes(6).toString('hex')}.tmp`);
      const fd = openSync(temp, 'wx', 0o600);
      staged.push({ temp, final: join(directory.path, file.name), shown: join(directory.realPath, file.name) });
      try {
        fchmodSync(fd, mode);
        let offset = 0;
        while (offset < file.bytes.length) offset += writeSync(fd, file.bytes, offset, file.bytes.length - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const { temp, final } of staged) renameSync(temp, final);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    return { ok: false, reason: error instanceof Error && 'code' in error ? String(error.code) : 'unknown error' };
  }
  const names = triplet.files.map((file) => file.name);
  if (directory.previousCheckpoint !== undefined && !names.includes(directory.previousCheckpoint)) rmSync(join(directory.path, directory.previousCheckpoint), { force: true });
  return { ok: true, paths: staged.map((entry) => entry.shown) };
}
