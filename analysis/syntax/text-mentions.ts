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

const isHex = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
const isOctal = (code: number): boolean => code >= 0x30 && code <= 0x37;

/** The escapes of one character that stand for a control character, not for the letter (`\n`). */
const CONTROL_ESCAPES = new Set([0x6e /* n */, 0x74 /* t */, 0x72 /* r */, 0x62 /* b */, 0x66 /* f */, 0x76 /* v */]);

/** What the escape `escapeEnd` read last stands for: a character code, or -1 for a line continuation (nothing). Kept here so no object is made per escape. */
let escapedCode = -1;

function hexValue(text: string, from: number, to: number): number {
  return parseInt(text.slice(from, to), 16);
}

/** Where the escape at `at` (a backslash) ends, as `ESCAPES` reads it; sets `escapedCode`. */
function escapeEnd(text: string, at: number): number {
  const next = text.charCodeAt(at + 1);
  escapedCode = next;
  if (next === 0x75 /* u */) {
    if (text.charCodeAt(at + 2) === 0x7b /* { */) {
      let index = at + 3;
      while (isHex(text.charCodeAt(index))) index += 1;
      if (index === at + 3 || text.charCodeAt(index) !== 0x7d /* } */) return at + 2;
      escapedCode = hexValue(text, at + 3, index);
      return index + 1;
    }
    for (let index = at + 2; index < at + 6; index += 1) if (!isHex(text.charCodeAt(index))) return at + 2;
    escapedCode = hexValue(text, at + 2, at + 6);
    return at + 6;
  }
  if (next === 0x78 /* x */) {
    if (!isHex(text.charCodeAt(at + 2)) || !isHex(text.charCodeAt(at + 3))) return at + 2;
    escapedCode = hexValue(text, at + 2, at + 4);
    return at + 4;
  }
  if (isOctal(next)) {
    // `\0`–`\377`: three digits from 0–3, two from 4–7.
    const last = at + (next <= 0x33 ? 3 : 2);
    let end = at + 2;
    while (end <= last && isOctal(text.charCodeAt(end))) end += 1;
    escapedCode = parseInt(text.slice(at + 1, end), 8);
    return end;
  }
  if (next === 0x0d || next === 0x0a || next === 0x2028 || next === 0x2029) {
    escapedCode = -1;
    return next === 0x0d && text.charCodeAt(at + 2) === 0x0a ? at + 3 : at + 2;
  }
  if (CONTROL_ESCAPES.has(next)) escapedCode = 0;
  return Math.min(at + 2, text.length);
}

/** The escape `escapeEnd` read last can be part of a name: it stands for a name character, or for nothing. */
const escapeInName = (): boolean => escapedCode === -1 || isNameCharacter(escapedCode);

/**
 * Where the text spells a name with escapes, read as the scanner reads it: each run of name
 * characters and escapes standing for them that holds an escape and is at least `shortest`
 * characters long, decoded, between the two characters around it (the quotes of a literal), one
 * run a line (an escape is never shorter than what it stands for). Escapes are found left to
 * right as the scanner pairs backslashes; outside literals (a comment, a regular expression, JSX
 * text) the scanner pairs a backslash with the next character too, and the digits or braces a
 * longer escape takes never end a comment, a regular expression or JSX text, so every literal
 * and identifier starts in step. A name spelled with escapes lies inside one run. Only the runs
 * are copied, and an escape that stands for another character (`\n`, `\"`) ends a run.
 */
function escapedRuns(text: string, shortest: number): string {
  const runs: string[] = [];
  let previousEnd = 0;
  for (let backslash = text.indexOf('\\'); backslash !== -1; backslash = text.indexOf('\\', previousEnd)) {
    let end = escapeEnd(text, backslash);
    if (!escapeInName()) {
      previousEnd = end;
      continue;
    }
    let start = backslash;
    while (start > previousEnd && isNameCharacter(text.charCodeAt(start - 1))) start -= 1;
    for (let code = text.charCodeAt(end); end < text.length; code = text.charCodeAt(end)) {
      if (isNameCharacter(code)) end += 1;
      else if (code !== 0x5c /* \ */) break;
      else {
        const after = escapeEnd(text, end);
        if (!escapeInName()) break;
        end = after;
      }
    }
    if (end - start >= shortest) runs.push(`${text.charAt(start - 1)}${text.slice(start, end).replace(ESCAPES, escapeValue)}${text.charAt(end)}`);
    previousEnd = end;
  }
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
const SHORTEST_GATE_WORD = Math.min(...GATE_WORDS.map((word) => word.length));
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
      const escaped = text.includes('\\') ? escapedRuns(text, SHORTEST_GATE_WORD) : '';
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
  if (GATE_WORD_SET.has(word)) return words.has(word);
  return word.length >= SHORTEST_GATE_WORD ? sourceFile.text.includes(word) || escaped.includes(word) : sourceFile.text.includes(word) || escapedRuns(sourceFile.text, word.length).includes(word);
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
