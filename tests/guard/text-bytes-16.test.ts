import { describe, expect, it } from 'vitest';
import textBytes from '../../guard/load/text-bytes.cjs';

/**
 * guard/load/text-bytes.cts copies all-ASCII bytes as Latin-1 instead of decoding them as UTF-8:
 * the text must be the UTF-8 decoder's, whatever the bytes (the parser, the hashes and every
 * reported column read it).
 */
const utf8 = (bytes: Buffer): string => bytes.toString('utf8');

describe('decodeText', () => {
  it('all-ASCII bytes, control characters and DEL included, give the UTF-8 decoder’s text', () => {
    const ascii = Buffer.from(Array.from({ length: 128 }, (_, code) => code));
    expect(textBytes.decodeText(ascii)).toBe(utf8(ascii));
    expect(textBytes.decodeText(Buffer.alloc(0))).toBe('');
  });

  it('a BOM, non-ASCII letters and an astral character are decoded as UTF-8, not copied byte for byte', () => {
    for (const text of ['\uFEFFexport const a = 1;\n', "const é = 'ü';", 'const s = "𝒳";', 'a\u2028b']) {
      const bytes = Buffer.from(text, 'utf8');
      expect(textBytes.decodeText(bytes)).toBe(text);
      expect(textBytes.decodeText(bytes)).not.toBe(bytes.toString('latin1'));
    }
  });

  it('bytes that are not UTF-8 get the UTF-8 decoder’s replacement characters, as before', () => {
    for (const bytes of [Buffer.from([0x61, 0xff, 0x62]), Buffer.from([0xc3]), Buffer.from([0x80, 0x41])]) expect(textBytes.decodeText(bytes)).toBe(utf8(bytes));
  });
});
