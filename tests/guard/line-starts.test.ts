import { describe, expect, it } from 'vitest';
import ts from '../../policy/typescript.cjs';
import { lineStartsOf, positionIn } from '../../guard/facts/line-starts.js';

/** TypeScript's own answer, which the guard's positions must equal. */
function typescriptPosition(sourceFile: ts.SourceFile, offset: number): { line: number; column: number } {
  const at = sourceFile.getLineAndCharacterOfPosition(offset);
  return { line: at.line + 1, column: at.character + 1 };
}

const TEXTS: Record<string, string> = {
  empty: '',
  'no break': 'const a = 1;',
  'LF only, trailing break': 'a\nbb\n\nccc\n',
  'CRLF': 'a\r\nbb\r\n\r\nccc',
  'lone CR': 'a\rbb\r\rccc\r',
  'CR then LF apart': 'a\r\r\nb\n\rc',
  'U+2028 and U+2029': 'a\u2028bb\u2029c\nd',
  'LF with a non-ASCII break later': 'x\ny\nz\u2028w',
};

describe('guard/facts/line-starts: positions as TypeScript counts them', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`${name}: every offset, and one past the end`, () => {
      const sourceFile = ts.createSourceFile('f.ts', text, ts.ScriptTarget.Latest);
      const starts = lineStartsOf(sourceFile);
      for (let offset = 0; offset <= text.length; offset += 1) expect(positionIn(starts, offset), `offset ${offset}`).toEqual(typescriptPosition(sourceFile, offset));
    });
  }
});
