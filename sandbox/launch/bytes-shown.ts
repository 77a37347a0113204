import { untrusted } from '../../src/text/untrusted-span.js';

/**
 * A name's bytes that are not valid UTF-8, shown for a refusal line: runs of printable ASCII are the
 * name's own text (marked untrusted), every other byte is tki's `\x{…}`. Node's string names put
 * U+FFFD where such a byte was, a character the operator never typed: the bytes are what is shown.
 */
export function bytesShown(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x20-\x5b\x5d-\x7e]+|[^]/g, (run) => (run.length > 1 || /[\x20-\x5b\x5d-\x7e]/.test(run) ? untrusted(run) : `\\x{${run.charCodeAt(0).toString(16)}}`));
}

/** Whether `bytes` are the UTF-8 form of a text (Node's decoding gives them back unchanged). */
export function isUtf8(bytes: Buffer): boolean {
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}
