import { isAscii, isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isReportFileName, type ChannelRecord } from '../../src/io/report-frame.js';
import type { OutputDirectory } from './output-dir.js';
import { DEFAULT_LIMITS, type InspectorLimits } from '../../src/pipeline/limits.js';
import { measureJsonShape, type ArrayLayout } from './json-shape.js';
import { CLAIMS_KEY, ReportJsonBytes, type ReportJsonCheck } from './report-schema-check.js';

/** The triplet to write: names and bytes, nothing else (a frame carries no mode, owner or path). */
export interface ReportTriplet {
  readonly files: readonly { readonly name: string; readonly bytes: Buffer }[];
  /** tki's verdict line for the operator's terminal, rendered by the launcher from report.json. */
  readonly line: string | undefined;
}

export type TripletCheck =
  | { readonly ok: true; readonly triplet: ReportTriplet; readonly finalVerdict: string }
  /** `limit`: the refusal is a limit of the limits table firing (the report names it), not a malformed report. */
  | { readonly ok: false; readonly reason: string; readonly limit?: true };

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

/** Below this many values the density bound does not apply (a small document costs little, whatever its shape). */
const DENSITY_FREE_VALUES = 65_536;

/**
 * Where report.json's claims lie when its shape is within the limits table's bounds (json-shape.ts), else the
 * refusal naming the bound: at most `maxReportJsonValues` values, and at most one per
 * `minReportJsonBytesPerValue` bytes, so the parse that follows builds at most a bounded multiple
 * of the bytes however dense the values are.
 */
function boundedShape(bytes: Buffer, limits: InspectorLimits): Extract<TripletCheck, { ok: false }> | { readonly ok: true; readonly claims: ArrayLayout | undefined } {
  const byDensity = Math.max(DENSITY_FREE_VALUES, Math.floor(bytes.length / limits.minReportJsonBytesPerValue));
  const maxValues = Math.min(limits.maxReportJsonValues, byDensity);
  const shape = measureJsonShape(bytes, { maxValues, maxDepth: limits.maxReportJsonDepth }, CLAIMS_KEY);
  if (shape.ok) return { ok: true, claims: shape.array };
  const where = `(refused at byte ${shape.atByte}, before parsing)`;
  if (shape.bound === 'maxDepth') return { ok: false, limit: true, reason: `maxReportJsonDepth = ${limits.maxReportJsonDepth}: report.json nests arrays and objects deeper than that ${where}` };
  const named = maxValues === limits.maxReportJsonValues ? `maxReportJsonValues = ${maxValues}` : `minReportJsonBytesPerValue = ${limits.minReportJsonBytesPerValue}: its ${bytes.length} bytes may hold ${maxValues} JSON values`;
  return { ok: false, limit: true, reason: `${named}: report.json holds more JSON values than that ${where}` };
}

/**
 * The launcher's validation of what came over the channel (SPEC §5): exactly report.json,
 * report.md and checkpoint-<the operator's name>.md and one verdict line, UTF-8, report.json within
 * the limits table's JSON bounds and valid against the inspector's own zod schema (loaded on
 * demand: `schema` is the check), checked a part at a time (its head, then each claim: docs/choices.md
 * 41), report.md and the checkpoint exactly what the inspector's renderers make of that report.json.
 * What is written and printed is what was validated (red team round 6): report.json as the
 * canonical serialization of the checked parts (no duplicate key, BOM or non-minimal escape
 * survives; an honest report's bytes are written as they came), and the verdict line rendered from
 * it (the inside's line must equal that rendering, and is never shown itself). The size cap was
 * enforced while reading.
 */
export function checkTriplet(records: readonly ChannelRecord[], checkpointName: string, schema: (value: unknown, maxListedClaims?: number) => ReportJsonCheck, limits: InspectorLimits = DEFAULT_LIMITS): TripletCheck {
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
  const jsonAt = names.indexOf('report.json');
  const jsonBytes = files[jsonAt]?.payload ?? Buffer.alloc(0);
  // The shape first, on the bytes: a hostile report.json is refused before even its text is made.
  const shape = boundedShape(jsonBytes, limits);
  if (!shape.ok) return shape;
  // report.json is checked as bytes, a part at a time (report-schema-check.ts); only the two Markdown files become whole strings.
  const jsonAscii = isAscii(jsonBytes);
  const texts = files.map((file, index) => (index === jsonAt ? (jsonAscii || isUtf8(jsonBytes) ? '' : undefined) : utf8(file.payload)));
  if (texts.some((text) => text === undefined)) return { ok: false, reason: 'a report file is not valid UTF-8' };
  const checked = schema(new ReportJsonBytes(jsonBytes, shape.claims, jsonAscii), limits.maxListedClaims);
  if (!checked.ok) return { ok: false, reason: checked.notJson === true ? 'report.json is not valid JSON' : `report.json fails the report schema (${checked.issue})` };
  const { derived } = checked;
  if (texts[names.indexOf('report.md')] !== derived.markdown) return { ok: false, reason: 'report.md does not say what report.json says (it differs from report.json rendered by the inspector\'s own renderer)' };
  if (texts[names.indexOf(checkpointName)] !== derived.checkpoint) return { ok: false, reason: `${checkpointName} does not say what report.json says (it differs from report.json rendered by the inspector's own renderer)` };
  // Like report.md: the inside's line must be the one report.json renders to (a compromised inside's
  // lie is refused, not just dropped); what the operator sees is the launcher's own rendering.
  if ((lines[0] === undefined ? undefined : utf8(lines[0].payload)) !== derived.line) return { ok: false, reason: 'the verdict line does not say what report.json says (it differs from the line rendered from report.json)' };
  // An honest report.json is written from the buffer it came in (derived.json is that buffer when it was already canonical).
  const written = files.map((file) => ({ name: file.name ?? '', bytes: file.name === 'report.json' ? derived.json : file.payload }));
  return { ok: true, finalVerdict: checked.finalVerdict, triplet: { files: written, line: derived.line } };
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
