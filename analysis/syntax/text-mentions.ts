import type ts from 'typescript';

/**
 * Cheap, sound pre-checks on a file's text for passes that can only fire on one name: a pass
 * that needs `child_process` to be loaded, or `module.filename` to be written, cannot fire in a
 * file whose text never spells `child_process` (or `filename`). Names reach the syntax tree
 * only from the text: an identifier's or a literal's value is its characters, except where an
 * escape stands for one (`\u0063`, `\x63`, `\143`, `\c`, a line continuation that stands for
 * none). So a file that spells the word neither plainly nor with escapes in its place cannot
 * contain it, and any pass may skip it. A file with a backslash is also read once with every
 * escape replaced by the character it stands for (`withEscapesRead`): never a wrong "no", at
 * worst a wasted "yes".
 */

/**
 * One escape as the scanner reads it in a literal or an identifier (the legacy octal form takes
 * at most the digits that stay below 256), or a line continuation, which stands for nothing.
 */
const ESCAPES = /\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([0-3][0-7]{0,2}|[4-7][0-7]?)|(\r\n|[\r\n\u2028\u2029])|([^]))/g;

function escapeValue(_escape: string, braced?: string, unicode?: string, hex?: string, octal?: string, continuation?: string, other?: string): string {
  if (continuation !== undefined) return '';
  if (other !== undefined) return other;
  const code = braced !== undefined ? parseInt(braced, 16) : unicode !== undefined ? parseInt(unicode, 16) : hex !== undefined ? parseInt(hex, 16) : parseInt(octal ?? '', 8);
  // An out-of-range `\u{…}` is an error the parser reports; it stands for no character a word holds.
  return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

/**
 * The text with each escape read as the character it stands for, left to right. A backslash
 * outside literals (a comment, a regular expression, JSX text) is read the same way: the
 * scanner pairs it with the next character too, and the digits or braces a longer escape takes
 * are never what ends a comment, a regular expression or JSX text (a line break, `*\/`, `/`,
 * `<`, `{`), so the reading is back in step where each literal and identifier starts, and reads
 * it as the scanner does. Reading `\n` as `n` only adds a "yes".
 */
function withEscapesRead(text: string): string {
  return text.replace(ESCAPES, escapeValue);
}

/** What opens and closes a string literal or a template without substitutions. */
const QUOTE = "['\"`]";

/**
 * The words the passes ask about (child-entries, worker-entries, pool-entries, starter-values,
 * loader-rebase, launch-settings, env-file-loads): a file is read once for all of them
 * (`wordsIn`) instead of once per word. A word not listed is still answered, by its own read.
 */
const GATE_WORDS = ['child_process', 'worker_threads', 'cluster', 'module', 'piscina', 'tinypool', 'workerpool', 'poolifier', 'filename', 'execArgv', 'NODE_OPTIONS', 'dotenv', 'loadEnvFile', 'parseEnv'];
const GATE_WORD_SET: ReadonlySet<string> = new Set(GATE_WORDS);
const ANY_GATE_WORD = new RegExp(GATE_WORDS.join('|'), 'g');

/** The gate words `text` holds. Each match moves on one character, and every word is tried where it starts: overlapping words (`tinypoolifier`) are all found. */
function wordsIn(text: string): Set<string> {
  const found = new Set<string>();
  ANY_GATE_WORD.lastIndex = 0;
  for (let match = ANY_GATE_WORD.exec(text); match !== null; match = ANY_GATE_WORD.exec(text)) {
    for (const word of GATE_WORDS) if (text.startsWith(word, match.index)) found.add(word);
    ANY_GATE_WORD.lastIndex = match.index + 1;
  }
  return found;
}

/** What is known about one file: passes ask at every call, the text is read once. */
interface FileAnswers {
  /** The text with its escapes read (`withEscapesRead`); the text itself when it has no backslash. */
  readonly read: string;
  /** The gate words the text holds, plainly or with escapes read. */
  readonly words: ReadonlySet<string>;
  /** builtin name → may a literal of the file be its specifier (`mayNameBuiltin`). */
  readonly specifiers: Map<string, boolean>;
}

const answers = new WeakMap<ts.SourceFile, FileAnswers>();
/** The file asked about last (the one being walked) and its answers, found without a lookup. */
let lastFile: ts.SourceFile | undefined;
let lastAnswers: FileAnswers | undefined;

function answersFor(sourceFile: ts.SourceFile): FileAnswers {
  if (sourceFile !== lastFile || lastAnswers === undefined) {
    let fileAnswers = answers.get(sourceFile);
    if (fileAnswers === undefined) {
      const text = sourceFile.text;
      // Reading the escapes keeps every plain spelling in a literal or an identifier (withEscapesRead), so one read answers both.
      const read = text.includes('\\') ? withEscapesRead(text) : text;
      answers.set(sourceFile, (fileAnswers = { read, words: wordsIn(read), specifiers: new Map() }));
    }
    lastFile = sourceFile;
    lastAnswers = fileAnswers;
  }
  return lastAnswers;
}

/** False only when the file's text cannot hold `word` in any identifier, literal or template. */
export function mayMention(sourceFile: ts.SourceFile, word: string): boolean {
  const { read, words } = answersFor(sourceFile);
  return GATE_WORD_SET.has(word) ? words.has(word) : read.includes(word);
}

/**
 * False only when no string literal or template of the file can be exactly `name` or `node:name`
 * (a builtin's specifier): written plainly, such a literal has its quotes right around the name,
 * and so has one with escapes once they are read (the quotes are delimiters, never escapes).
 */
export function mayNameBuiltin(sourceFile: ts.SourceFile, name: string): boolean {
  const fileAnswers = answersFor(sourceFile);
  let may = fileAnswers.specifiers.get(name);
  if (may === undefined) {
    may = mayMention(sourceFile, name) && new RegExp(`${QUOTE}(?:node:)?${name}${QUOTE}`).test(fileAnswers.read);
    fileAnswers.specifiers.set(name, may);
  }
  return may;
}
