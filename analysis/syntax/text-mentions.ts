import type ts from 'typescript';

/**
 * Cheap, sound pre-checks on a file's text for passes that can only fire on one name: a pass
 * that needs `child_process` to be loaded, or `module.filename` to be written, cannot fire in a
 * file whose text never spells `child_process` (or `filename`). Names reach the syntax tree
 * only from the text: an identifier's or a literal's value is its characters, except where an
 * escape stands for one (`\u0063`, `\x63`, `\143`, `\c`, a line continuation that stands for
 * none). So a file that spells the word neither plainly nor with escapes in its place cannot
 * contain it, and any pass may skip it. A file with a backslash is checked with a pattern that
 * lets any escape stand for any character of the word: never a wrong "no", at worst a wasted "yes".
 */

/** Any single escape (standing for one character), or a line continuation (standing for none). */
const ESCAPE = String.raw`\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|[^\r\n\u2028\u2029])`;
const CONTINUATIONS = String.raw`(?:\\(?:\r\n|[\r\n\u2028\u2029]))*`;

const escapedPatterns = new Map<string, RegExp>();

function escapedPattern(word: string): RegExp {
  let pattern = escapedPatterns.get(word);
  if (pattern === undefined) {
    const characters = [...word].map((character) => `(?:${character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}|${ESCAPE})`);
    pattern = new RegExp(`${CONTINUATIONS}${characters.join(CONTINUATIONS)}`);
    escapedPatterns.set(word, pattern);
  }
  return pattern;
}

/** Per file, the words already asked about: passes ask at every call, the text is read once per word. */
const answers = new WeakMap<ts.SourceFile, Map<string, boolean>>();

/** False only when the file's text cannot hold `word` in any identifier, literal or template. */
export function mayMention(sourceFile: ts.SourceFile, word: string): boolean {
  let known = answers.get(sourceFile);
  if (known === undefined) answers.set(sourceFile, (known = new Map()));
  let may = known.get(word);
  if (may === undefined) {
    const text = sourceFile.text;
    may = text.includes(word) || (text.includes('\\') && escapedPattern(word).test(text));
    known.set(word, may);
  }
  return may;
}
