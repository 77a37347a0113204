/**
 * V8 keeps a string either one byte or two bytes per unit. A text decoded from UTF-16 units
 * (`Buffer#toString('utf16le')`, how the rendered view and the visual orders build their text) is
 * two-byte even when every unit is ASCII, and the regular-expression interpreter that runs inside
 * the sandbox (`--jitless`) is many times slower on a two-byte subject whose pattern holds Unicode
 * classes: `joinedLetters`' gate over a 5.6 MB rendered dossier took 670 CPU-ms two-byte and 20
 * one-byte, the dossier's matching text 1,120 against 309 (session 18). The same text made one-byte
 * costs two native copies (≈ 4 ms for 5.6 MB). Only speed changes: the value is the same string.
 */

/** Texts shorter than this are left as they are: a regex over them costs less than the copy's calls. */
const MIN_LENGTH = 256;

/** A one-byte copy of `text` when it is all ASCII and long enough to matter; otherwise undefined. */
export function oneByteCopy(text: string): string | undefined {
  if (text.length < MIN_LENGTH || Buffer.byteLength(text, 'utf8') !== text.length) return undefined;
  return Buffer.from(text, 'latin1').toString('latin1');
}

/** `text` as a one-byte string when it is all ASCII and long enough to matter; otherwise `text` itself. */
export function oneByteWhenAscii(text: string): string {
  return oneByteCopy(text) ?? text;
}
