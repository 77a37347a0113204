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

/** Per file, the questions already answered: passes ask at every call, the text is read once per question. */
const answers = new WeakMap<ts.SourceFile, Map<string, boolean>>();
/** The file asked about last (the one being walked) and its answers, found without a lookup. */
let lastFile: ts.SourceFile | undefined;
let lastAnswers = new Map<string, boolean>();

/** The answer already known for `question` about `sourceFile`, or undefined. */
function known(sourceFile: ts.SourceFile, question: string): boolean | undefined {
  if (sourceFile !== lastFile) {
    let fileAnswers = answers.get(sourceFile);
    if (fileAnswers === undefined) answers.set(sourceFile, (fileAnswers = new Map()));
    lastFile = sourceFile;
    lastAnswers = fileAnswers;
  }
  return lastAnswers.get(question);
}

function remember(question: string, may: boolean): boolean {
  lastAnswers.set(question, may);
  return may;
}

/** Can an escape-using spelling of `word` be in `text`? */
function mayBeEscaped(text: string, word: string): boolean {
  return text.includes('\\') && escapedPattern(word).test(text);
}

/** False only when the file's text cannot hold `word` in any identifier, literal or template. */
export function mayMention(sourceFile: ts.SourceFile, word: string): boolean {
  const may = known(sourceFile, word);
  if (may !== undefined) return may;
  const text = sourceFile.text;
  return remember(word, text.includes(word) || mayBeEscaped(text, word));
}

/** The question key of each builtin name, made once (not a new string at every call). */
const specifierQuestions = new Map<string, string>();

/**
 * False only when no string literal or template of the file can be exactly `name` or `node:name`
 * (a builtin's specifier): written plainly, such a literal has its quotes right around the name.
 * One with an escape in it makes the file hold a backslash, and is found as `mayMention` finds it.
 */
export function mayNameBuiltin(sourceFile: ts.SourceFile, name: string): boolean {
  let question = specifierQuestions.get(name);
  if (question === undefined) specifierQuestions.set(name, (question = `specifier:${name}`));
  const may = known(sourceFile, question);
  if (may !== undefined) return may;
  const text = sourceFile.text;
  return remember(question, (text.includes(name) && new RegExp(`['"\`](?:node:)?${name}['"\`]`).test(text)) || mayBeEscaped(text, name));
}
