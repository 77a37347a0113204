import type { PathPart } from './entry-path.js';

/**
 * A command line as a POSIX shell reads it (XCU 2.2–2.4, 2.6.3, 2.7.4, 2.9), the one reader for every
 * shell string the guard judges (`exec(line)`, `spawn(cmd, { shell: true })`, `sh -c line`,
 * `npx -c line`, `eval words`):
 * - a backslash outside quotes keeps the next character (a newline after it joins the lines);
 *   single quotes keep everything up to the next one; double quotes keep everything but `$`,
 *   `` ` `` and a backslash before `$` `` ` `` `"` `\` or a newline;
 * - `$(…)`, `` `…` `` (a backslash before `$` `` ` `` `\` dropped first), `<(…)`, `>(…)`, and the
 *   ones inside `"…"`, `${…}` and unquoted here-documents are command lines of their own: their
 *   commands are returned with the others, before the command they are written in;
 * - `;` `&` `|` `(` `)` and a newline end a command; a `#` that starts a word ends the line;
 *   a redirection's target is no word of the command; `!`, `{`, `if`, `then`… before a command
 *   are the shell's, and the words of `for`/`case`/`select` heads run nothing.
 * A word holding an expansion (`$X`, `${…}`, a substitution, bash's `$'…'`, a pattern `*` `?`
 * `[…]`, bash's `{a,b}`) is `expanded`: the shell decides its text. A piece computed in the program joins the word it is written in.
 * A line that does not end where the shell's grammar says it must (an open quote or
 * substitution) is `unparsable`: the caller fails closed.
 */
export interface ShellWord {
  readonly parts: readonly PathPart[];
  readonly expanded: boolean;
}

export type ShellLine = { readonly kind: 'commands'; readonly commands: ReadonlyArray<readonly ShellWord[]> } | { readonly kind: 'unparsable'; readonly why: string };

/** One character of the line, or a piece the program computes. */
type Item = string | Exclude<PathPart, string>;

const BLANKS = new Set([' ', '\t']);
const OPERATORS = new Set([';', '&', '|', '(', ')', '\n']);
/** Reserved words (XCU 2.4) and bash's `[[`-free extras that may stand before a command. */
const LEADING_RESERVED = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'esac']);
/** Heads whose words are data, not a command (`for x in a b`, `case x in`, `select x in a`). */
const DATA_HEADS = new Set(['for', 'case', 'select']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

class Unparsable extends Error {}

export function parseShellLine(parts: readonly PathPart[]): ShellLine {
  const items: Item[] = parts.flatMap((part): Item[] => (typeof part === 'string' ? [...part] : [part]));
  const commands: ShellWord[][] = [];
  try {
    new LineReader(items, commands).readList(false);
  } catch (error) {
    if (error instanceof Unparsable) return { kind: 'unparsable', why: error.message };
    throw error;
  }
  return { kind: 'commands', commands };
}

/** A word being built: its pieces (text runs and computed pieces) and whether the shell expands part of it. */
class WordBuilder {
  parts: PathPart[] = [];
  text = '';
  started = false;
  expanded = false;
  /** Quoted or escaped anywhere: not a reserved word, not an IO number. */
  quoted = false;

  /** Pathname expansion (`/usr/bin/nod?`, `nod[e]`) and bash's brace expansion (`{node,f.js}`) make the shell decide the text. */
  private braceOpen = false;
  private braceList = false;
  noteUnquoted(character: string, rest: readonly Item[]): void {
    if (character === '*' || character === '?' || (character === '[' && rest.includes(']'))) this.expanded = true;
    if (character === '{') this.braceOpen = true;
    else if (this.braceOpen && (character === ',' || character === '.')) this.braceList = true;
    else if (character === '}' && this.braceList) this.expanded = true;
  }

  add(text: string): void {
    this.text += text;
    this.started = true;
  }

  addComputed(piece: PathPart): void {
    if (this.text !== '') this.parts.push(this.text);
    this.text = '';
    this.parts.push(piece);
    this.started = true;
  }

  finish(): ShellWord {
    if (this.text !== '') this.parts.push(this.text);
    return { parts: this.parts, expanded: this.expanded };
  }
}

interface HereDocument {
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

class LineReader {
  private index = 0;
  private words: ShellWord[] = [];
  private word = new WordBuilder();
  /** The next word is a redirection's target (`> out`), or a here-document's delimiter. */
  private target: 'file' | 'here' | 'here-strip' | undefined;
  private hereDocuments: HereDocument[] = [];
  private dataHead = false;
  private skipNext = false;
  /** `case` heads read and not yet closed by `esac`. */
  private openCases = 0;

  constructor(
    private readonly items: readonly Item[],
    private readonly commands: ShellWord[][],
  ) {}

  /** Reads commands up to the end, or (`nested`) up to the `)` that closes a `$(`; returns the index after it. */
  readList(nested: boolean): number {
    let depth = 0;
    while (this.index < this.items.length) {
      const item = this.items[this.index] as Item;
      if (typeof item !== 'string') {
        this.word.addComputed(item);
        this.index++;
        continue;
      }
      if (BLANKS.has(item)) {
        this.endWord();
        this.index++;
        continue;
      }
      if (item === '#' && !this.word.started) {
        while (this.index < this.items.length && this.items[this.index] !== '\n') this.index++;
        continue;
      }
      if (item === '<' || item === '>') {
        this.readRedirection(item);
        continue;
      }
      if (OPERATORS.has(item)) {
        this.endCommand();
        this.index++;
        if (item === '\n') this.readHereDocuments();
        if (item === '(') depth++;
        if (item === ')') {
          // `$(case a in a) node x;; esac)`: inside a `case` the pattern's `)` closes nothing.
          if (nested && depth === 0 && this.openCases === 0) return this.index;
          depth = Math.max(0, depth - 1);
        }
        continue;
      }
      this.readWordCharacter(this.word, false);
    }
    if (nested) throw new Unparsable('a `$(` is not closed');
    this.endWord();
    if (this.target !== undefined) throw new Unparsable('a redirection without its target');
    this.endCommand();
    return this.index;
  }

  /** One character (or a quoted run, an escape, an expansion) of a word, outside quotes or (`inDouble`) inside double quotes. */
  private readWordCharacter(word: WordBuilder, inDouble: boolean): void {
    const item = this.items[this.index] as string;
    const next = this.items[this.index + 1];
    if (item === '\\') {
      this.index += 2;
      word.quoted = true;
      // `\` + newline joins the lines; elsewhere outside quotes the next character is kept as it is.
      if (next === '\n') return;
      if (next === undefined) return word.add('\\');
      if (typeof next !== 'string') return word.addComputed(next);
      if (!inDouble || ['$', '`', '"', '\\'].includes(next)) return word.add(next);
      return word.add(`\\${next}`);
    }
    if (item === "'" && !inDouble) return this.readSingleQuoted(word);
    if (item === '"' && !inDouble) return this.readDoubleQuoted(word);
    if (item === '$') return this.readDollar(word, inDouble);
    if (item === '`') return this.readBackquoted(word, inDouble);
    if (!inDouble) word.noteUnquoted(item, this.restOfWord());
    word.add(item);
    this.index++;
  }

  /** The characters after this one up to a blank or an operator (a `[` is a pattern only with its `]` in the same word). */
  private restOfWord(): Item[] {
    const rest: Item[] = [];
    for (let index = this.index + 1; index < this.items.length; index++) {
      const item = this.items[index] as Item;
      if (typeof item === 'string' && (BLANKS.has(item) || OPERATORS.has(item))) break;
      rest.push(item);
    }
    return rest;
  }

  private readSingleQuoted(word: WordBuilder): void {
    word.quoted = true;
    word.started = true;
    this.index++;
    for (;;) {
      const item = this.items[this.index++];
      if (item === undefined) throw new Unparsable('a single quote is not closed');
      if (item === "'") return;
      if (typeof item === 'string') word.add(item);
      else word.addComputed(item);
    }
  }

  private readDoubleQuoted(word: WordBuilder): void {
    word.quoted = true;
    word.started = true;
    this.index++;
    for (;;) {
      const item = this.items[this.index];
      if (item === undefined) throw new Unparsable('a double quote is not closed');
      if (item === '"') {
        this.index++;
        return;
      }
      if (typeof item !== 'string') {
        word.addComputed(item);
        this.index++;
      } else this.readWordCharacter(word, true);
    }
  }

  /** `$(…)`, `$((…))`, `${…}`, `$NAME`, `$1`, `$@`, bash's `$'…'` and `$"…"`; a `$` before anything else is itself. */
  private readDollar(word: WordBuilder, inDouble: boolean): void {
    const next = this.items[this.index + 1];
    if (next === '(') {
      this.index += 2;
      this.readSubstitution(word, '$(…)');
      return;
    }
    if (next === '{') {
      this.index += 2;
      this.readBraced(word);
      return;
    }
    if (next === "'" && !inDouble) {
      // bash's `$'…'`: escapes decoded by rules of its own; its text is left to the shell.
      this.index++;
      const inner = new WordBuilder();
      this.readAnsiQuoted(inner);
      word.expanded = true;
      word.quoted = true;
      word.add(`$'…'`);
      return;
    }
    if (next === '"' && !inDouble) {
      this.index++;
      word.expanded = true;
      this.readDoubleQuoted(word);
      return;
    }
    if (typeof next === 'string' && (NAME_START.test(next) || /[0-9@*#?$!-]/.test(next))) {
      let name = next;
      this.index += 2;
      if (NAME_START.test(next)) {
        for (let item = this.items[this.index]; typeof item === 'string' && NAME_CHAR.test(item); item = this.items[this.index]) {
          name += item;
          this.index++;
        }
      }
      word.expanded = true;
      word.add(`$${name}`);
      return;
    }
    word.add('$');
    this.index++;
  }

  /** bash's `$'…'`: up to the quote no backslash escapes. */
  private readAnsiQuoted(word: WordBuilder): void {
    this.index++;
    for (;;) {
      const item = this.items[this.index++];
      if (item === undefined) throw new Unparsable("a `$'` quote is not closed");
      if (item === "'") return;
      if (item === '\\') this.index++;
      else if (typeof item === 'string') word.add(item);
    }
  }

  /** `${…}`: a parameter expansion whose words (`${X:-$(node x)}`) may hold substitutions and quotes of their own. */
  private readBraced(word: WordBuilder): void {
    const inner = new WordBuilder();
    for (;;) {
      const item = this.items[this.index];
      if (item === undefined) throw new Unparsable('a `${` is not closed');
      if (item === '}') {
        this.index++;
        break;
      }
      if (typeof item !== 'string') {
        inner.addComputed(item);
        this.index++;
      } else this.readWordCharacter(inner, false);
    }
    word.expanded = true;
    word.add('${…}');
  }

  /** The command line of a `$(…)` (or `<(…)`): read with this reader's collection of commands. */
  private readSubstitution(word: WordBuilder, placeholder: string): void {
    const nested = new LineReader(this.items, this.commands);
    nested.index = this.index;
    this.index = nested.readList(true);
    word.expanded = true;
    word.add(placeholder);
  }

  /** `` `…` ``: a backslash before `$`, `` ` ``, `\` (and `"` inside double quotes) is dropped, then the text is a command line. */
  private readBackquoted(word: WordBuilder, inDouble: boolean): void {
    this.index++;
    const inner: Item[] = [];
    for (;;) {
      const item = this.items[this.index++];
      if (item === undefined) throw new Unparsable('a backquote is not closed');
      if (item === '`') break;
      const next = this.items[this.index];
      if (item === '\\' && typeof next === 'string' && (['$', '`', '\\'].includes(next) || (inDouble && next === '"'))) {
        inner.push(next);
        this.index++;
      } else inner.push(item);
    }
    new LineReader(inner, this.commands).readList(false);
    word.expanded = true;
    word.add('`…`');
  }

  /** `<`, `>`, `>>`, `<<`, `<<-`, `<&`, `>&`, `<>`, `>|`, `<<<` (an IO number before it is no word), or `<(…)` / `>(…)`. */
  private readRedirection(first: string): void {
    if (this.items[this.index + 1] === '(') {
      this.index += 2;
      this.readSubstitution(this.word, `${first}(…)`);
      return;
    }
    if (this.word.started && !this.word.quoted && !this.word.expanded && this.word.parts.length === 0 && /^\d+$/.test(this.word.text)) this.word = new WordBuilder();
    this.endWord();
    let operator = first;
    for (let item = this.items[this.index + operator.length]; typeof item === 'string' && /[<>&|-]/.test(item) && operator.length < 3; item = this.items[this.index + operator.length]) {
      if (item === '-' && operator !== '<<') break;
      operator += item;
    }
    this.index += operator.length;
    this.target = operator === '<<' ? 'here' : operator === '<<-' ? 'here-strip' : 'file';
  }

  private endWord(): void {
    if (!this.word.started) return;
    const builder = this.word;
    this.word = new WordBuilder();
    const word = builder.finish();
    if (this.target !== undefined) {
      if (this.target !== 'file') this.hereDocuments.push({ delimiter: word.parts.filter((part) => typeof part === 'string').join(''), quoted: builder.quoted, stripTabs: this.target === 'here-strip' });
      this.target = undefined;
      return;
    }
    if (this.skipNext) {
      this.skipNext = false;
      return;
    }
    const plain = builder.quoted || builder.expanded || word.parts.length !== 1 ? undefined : builder.text;
    if (this.words.length === 0 && !this.dataHead && plain !== undefined) {
      if (plain === 'case') this.openCases++;
      if (plain === 'esac') this.openCases = Math.max(0, this.openCases - 1);
      if (LEADING_RESERVED.has(plain)) return;
      if (DATA_HEADS.has(plain)) {
        this.dataHead = true;
        return;
      }
      // `function f { … }`: the name is no command.
      if (plain === 'function') {
        this.skipNext = true;
        return;
      }
    }
    if (!this.dataHead) this.words.push(word);
  }

  private endCommand(): void {
    this.endWord();
    if (this.words.length > 0) this.commands.push(this.words);
    this.words = [];
    this.dataHead = false;
    this.skipNext = false;
  }

  /** The bodies of the here-documents opened on the line just ended; an unquoted delimiter's body is expanded (its substitutions run). */
  private readHereDocuments(): void {
    const documents = this.hereDocuments;
    this.hereDocuments = [];
    for (const document of documents) {
      for (;;) {
        if (this.index >= this.items.length) return;
        const start = this.index;
        while (this.index < this.items.length && this.items[this.index] !== '\n') this.index++;
        const line = this.items.slice(start, this.index);
        this.index++;
        const text = line.every((item) => typeof item === 'string') ? line.join('') : undefined;
        if (text !== undefined && (document.stripTabs ? text.replace(/^\t+/, '') : text) === document.delimiter) break;
        if (!document.quoted) this.readExpandedText(line);
      }
    }
  }

  /** Text read as inside double quotes (a here-document's body, where `"` is itself): only its substitutions matter. */
  private readExpandedText(line: readonly Item[]): void {
    const reader = new LineReader(line, this.commands);
    const sink = new WordBuilder();
    while (reader.index < line.length) {
      const item = line[reader.index];
      if (item === '$' || item === '`' || item === '\\') reader.readWordCharacter(sink, true);
      else reader.index++;
    }
  }
}
