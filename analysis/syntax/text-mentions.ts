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
/** What opens and closes a string literal or a template without substitutions. */
const QUOTE = "['\"`]";

/** The pattern source of `word` with each character written plainly or as any escape, line continuations between them. */
function spelledWithEscapes(word: string): string {
  const characters = [...word].map((character) => `(?:${character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}|${ESCAPE})`);
  return characters.join(CONTINUATIONS);
}

const escapedPatterns = new Map<string, RegExp>();

function escapedPattern(word: string): RegExp {
  let pattern = escapedPatterns.get(word);
  if (pattern === undefined) escapedPatterns.set(word, (pattern = new RegExp(`${CONTINUATIONS}${spelledWithEscapes(word)}`)));
  return pattern;
}

/**
 * A literal whose value is exactly `name` or `node:name`, each character plain or escaped: the
 * quotes stay plain (a delimiter cannot be an escape), so a word in a comment or in running
 * text does not match, as it does not in the plain pattern below.
 */
const escapedSpecifierPatterns = new Map<string, RegExp>();

function escapedSpecifierPattern(name: string): RegExp {
  let pattern = escapedSpecifierPatterns.get(name);
  if (pattern === undefined) {
    const prefix = `(?:${spelledWithEscapes('node:')}${CONTINUATIONS})?`;
    pattern = new RegExp(`${QUOTE}${CONTINUATIONS}${prefix}${spelledWithEscapes(name)}${CONTINUATIONS}${QUOTE}`);
    escapedSpecifierPatterns.set(name, pattern);
  }
  return pattern;
}

/** The questions already answered about one file: passes ask at every call, the text is read once per question. */
interface FileAnswers {
  /** word → may the file spell it anywhere (`mayMention`). */
  readonly mentions: Map<string, boolean>;
  /** builtin name → may a literal of the file be its specifier (`mayNameBuiltin`). */
  readonly specifiers: Map<string, boolean>;
}

const answers = new WeakMap<ts.SourceFile, FileAnswers>();
/** The file asked about last (the one being walked) and its answers, found without a lookup. */
let lastFile: ts.SourceFile | undefined;
let lastAnswers: FileAnswers = { mentions: new Map(), specifiers: new Map() };

function answersFor(sourceFile: ts.SourceFile): FileAnswers {
  if (sourceFile !== lastFile) {
    let fileAnswers = answers.get(sourceFile);
    if (fileAnswers === undefined) answers.set(sourceFile, (fileAnswers = { mentions: new Map(), specifiers: new Map() }));
    lastFile = sourceFile;
    lastAnswers = fileAnswers;
  }
  return lastAnswers;
}

/** Can an escape-using spelling of `word` be in `text`? */
function mayBeEscaped(text: string, word: string): boolean {
  return text.includes('\\') && escapedPattern(word).test(text);
}

/** False only when the file's text cannot hold `word` in any identifier, literal or template. */
export function mayMention(sourceFile: ts.SourceFile, word: string): boolean {
  const { mentions } = answersFor(sourceFile);
  let may = mentions.get(word);
  if (may === undefined) {
    const text = sourceFile.text;
    mentions.set(word, (may = text.includes(word) || mayBeEscaped(text, word)));
  }
  return may;
}

/**
 * False only when no string literal or template of the file can be exactly `name` or `node:name`
 * (a builtin's specifier): written plainly, such a literal has its quotes right around the name.
 * One with an escape in it makes the file hold a backslash, and is found by the same shape with
 * any character of `node:name` written as an escape (`escapedSpecifierPattern`).
 */
export function mayNameBuiltin(sourceFile: ts.SourceFile, name: string): boolean {
  const { specifiers } = answersFor(sourceFile);
  let may = specifiers.get(name);
  if (may === undefined) {
    const text = sourceFile.text;
    may = (text.includes(name) && new RegExp(`${QUOTE}(?:node:)?${name}${QUOTE}`).test(text)) || (text.includes('\\') && escapedSpecifierPattern(name).test(text));
    specifiers.set(name, may);
  }
  return may;
}
