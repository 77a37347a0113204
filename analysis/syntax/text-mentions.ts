import type ts from 'typescript';

/**
 * Cheap, sound pre-checks on a file's text for passes that can only fire on one name: a pass
 * that needs `child_process` to be loaded, or `module.filename` to be written, cannot fire in a
 * file whose text never spells `child_process` (or `filename`). Names reach the syntax tree
 * only from the text: an identifier's or a literal's value is its characters, except where an
 * escape stands for one (`\u0063`, `\x63`, `\143`, `\c`, a line continuation that stands for
 * none). So a file that spells the word neither plainly nor with escapes in its place cannot
 * contain it, and any pass may skip it. In a file with a backslash, the runs that spell names
 * with escapes are also read as the scanner reads them (`escapedRuns`): never a wrong "no", at
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

/** A character a name can hold (the words asked about are names and `node:` specifiers). */
function isNameCharacter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x3a) || code === 0x5f || code === 0x24;
}

function onlyNameCharacters(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (!isNameCharacter(text.charCodeAt(index))) return false;
  return true;
}

/** The escapes found one by one (`escapedRuns`): a pattern of its own, as `replace` starts a shared one over. */
const ESCAPE_SCAN = new RegExp(ESCAPES.source, 'g');

/**
 * Where the text spells a name with escapes, read as the scanner reads it: each run of name
 * characters and escapes that holds an escape, decoded, between the two characters around it
 * (the quotes of a literal), one run a line. Escapes are found left to right as the scanner
 * pairs backslashes; outside literals (a comment, a regular expression, JSX text) the scanner
 * pairs a backslash with the next character too, and the digits or braces a longer escape takes
 * never end a comment, a regular expression or JSX text, so every literal and identifier starts
 * in step. A name spelled with escapes lies inside one run (its other characters are name
 * characters); reading `\n` as `n` only adds a "yes". Only the runs are copied, not the text.
 */
function escapedRuns(text: string): string {
  const runs: string[] = [];
  let start = -1;
  let end = -1;
  const flush = (): void => {
    let after = end;
    while (after < text.length && isNameCharacter(text.charCodeAt(after))) after += 1;
    runs.push(`${text.charAt(start - 1)}${text.slice(start, after).replace(ESCAPES, escapeValue)}${text.charAt(after)}`);
  };
  ESCAPE_SCAN.lastIndex = 0;
  for (let escape = ESCAPE_SCAN.exec(text); escape !== null; escape = ESCAPE_SCAN.exec(text)) {
    const at = escape.index;
    if (start >= 0 && onlyNameCharacters(text, end, at)) {
      end = ESCAPE_SCAN.lastIndex;
      continue;
    }
    if (start >= 0) flush();
    start = at;
    while (start > Math.max(end, 0) && isNameCharacter(text.charCodeAt(start - 1))) start -= 1;
    end = ESCAPE_SCAN.lastIndex;
  }
  if (start >= 0) flush();
  return runs.join('\n');
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
  /** The runs of the text that spell names with escapes, read (`escapedRuns`); empty without a backslash. */
  readonly escaped: string;
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
      const escaped = text.includes('\\') ? escapedRuns(text) : '';
      const words = wordsIn(text);
      for (const word of wordsIn(escaped)) words.add(word);
      answers.set(sourceFile, (fileAnswers = { escaped, words, specifiers: new Map() }));
    }
    lastFile = sourceFile;
    lastAnswers = fileAnswers;
  }
  return lastAnswers;
}

/** False only when the file's text cannot hold `word` in any identifier, literal or template. */
export function mayMention(sourceFile: ts.SourceFile, word: string): boolean {
  const { escaped, words } = answersFor(sourceFile);
  return GATE_WORD_SET.has(word) ? words.has(word) : sourceFile.text.includes(word) || escaped.includes(word);
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
    const specifier = new RegExp(`${QUOTE}(?:node:)?${name}${QUOTE}`);
    may = mayMention(sourceFile, name) && (specifier.test(sourceFile.text) || specifier.test(fileAnswers.escaped));
    fileAnswers.specifiers.set(name, may);
  }
  return may;
}
