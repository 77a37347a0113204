import type { ClaimReport, Report } from './schema.js';

/**
 * report.json's bytes: one serialization, used by the inspector when it renders the report and by
 * the launcher when what it received is not already in this form (issue 12, red team round 6).
 * V8's JSON.stringify writes each key once, no whitespace, no byte-order mark and the minimal
 * escapes, so whatever the sandbox sent (duplicate keys, a BOM, `\u0050`), the file says what was
 * validated. The form is `JSON.stringify(report)` and a newline, built in parts (docs/choices.md 41):
 * the report without its claims (the *head*, `"claims":[]`), and each claim on its own, spliced into
 * the head's empty array. The bytes are the same as one `JSON.stringify` of the whole; no string of
 * the whole report is ever made, and the launcher checks the same parts one at a time.
 */
export function serializeReportJson(report: Report): string {
  return `${JSON.stringify(report)}\n`;
}

/** The head's text: everything but the claims, with `"claims":[]` where they go, and the final newline. */
export function serializeReportHead(report: Omit<Report, 'claims'>): string {
  return serializeReportJson({ ...report, claims: [] } as Report);
}

const EMPTY_CLAIMS = '"claims":[]';

/**
 * Where the claims go in a head's text: just inside the `[` of `"claims":[]`. Found as text: the
 * only place that sequence can stand in a serialization is the key itself, since inside a string
 * every `"` is escaped (`\"claims\":[]` does not match), and no other object of the schema has a
 * `claims` key; it precedes every later key.
 */
export function claimsSpliceAt(headText: string): number {
  const at = headText.indexOf(EMPTY_CLAIMS);
  if (at < 0) throw new Error('report head without "claims":[]');
  return at + EMPTY_CLAIMS.length - 1;
}

/** A growable byte buffer written in place: 100,000 claims' texts are encoded once, into one buffer. */
class ByteSink {
  private bytes: Buffer;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(capacity, 1024));
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (this.length + most > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + most));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  writeBytes(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + bytes.length));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  done(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}

/** Claims' texts joined before one write into the sink (UTF-16 units, about as many bytes). */
const BATCH_UNITS = 1024 * 1024;

/** A claim's text as report.json holds it: `JSON.stringify` of its record. */
export function serializeClaim(claim: ClaimReport): string {
  return JSON.stringify(claim);
}

/**
 * report.json's bytes from a head text and the claims' texts (or bytes), spliced in order with
 * commas: the same bytes as `serializeReportJson` of the whole report.
 */
export function assembleReportJson(headText: string, claims: Iterable<string | Uint8Array>, sizeHint = 0): Buffer {
  const at = claimsSpliceAt(headText);
  const sink = new ByteSink(sizeHint + headText.length + 64);
  sink.write(headText.slice(0, at));
  // Claims' texts are joined a batch at a time and each batch written once: inside the sandbox every
  // call is interpreted, and a write (and a comma's) per claim was most of the assembly (session 18).
  let batch: string[] = [];
  let batchUnits = 0;
  let written = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    if (written > 0) sink.write(',');
    sink.write(batch.join(','));
    written += batch.length;
    batch = [];
    batchUnits = 0;
  };
  for (const claim of claims) {
    if (typeof claim === 'string') {
      batch.push(claim);
      batchUnits += claim.length;
      if (batchUnits >= BATCH_UNITS) flush();
      continue;
    }
    flush();
    if (written > 0) sink.write(',');
    sink.writeBytes(claim);
    written += 1;
  }
  flush();
  sink.write(headText.slice(at));
  return sink.done();
}

function* serializedClaims(claims: readonly ClaimReport[]): Generator<string> {
  for (const claim of claims) yield serializeClaim(claim);
}

/** report.json's bytes for a whole report, each claim serialized on its own. */
export function reportJsonBytes(report: Report): Buffer {
  return assembleReportJson(serializeReportHead(report), serializedClaims(report.claims), report.claims.length * 1024);
}
