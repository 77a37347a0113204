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
 * `[…]`, bash's `{a,b}`; dash reads `{a,b}` as itself and `$'a'` as `$a`) is `expanded`: the shell decides its text. A piece computed in the program joins the word it is written in.
 * A line that does not end where the shell's grammar says it must (an open quote or
 * substitution) is `unparsable`: the caller fails closed.
 */
export interface ShellWord {
  readonly parts: readonly PathPart[];
  readonly expanded: boolean;
  /** Begins with an unquoted `NAME=` (XCU 2.10.2 rule 7): before the command word it is an assignment; `"A=1"` and `A"=1"` are no assignment. */
  readonly assignment: boolean;
}

/** A variable assigned by an expansion or a loop head (ShellCommand.assigns). */
export interface ShellAssignment {
  readonly name: string;
  readonly value: ShellWord | undefined;
}

/**
 * What a here-document (`<<EOF`, `<<-EOF`) or a here-string (`<<< word`) feeds its descriptor: the text
 * (a here-string's word and a newline; a body's lines, each ended by a newline), `expanded` when the
 * shell expands it first (an unquoted delimiter's body holding `$`, `` ` `` or `\`; a here-string's word
 * holding an expansion): then the shell decides the text.
 */
export interface ShellInputText {
  readonly parts: readonly PathPart[];
  readonly expanded: boolean;
}

/** `2>&1`, `>/dev/null`: the descriptor (1 when none is written), the operator and the target word (a here-document's delimiter); `input` for `<<`, `<<-` and `<<<`. */
export interface ShellRedirection {
  readonly descriptor: number;
  readonly operator: string;
  readonly target: ShellWord;
  readonly input?: ShellInputText;
}

/**
 * A simple command of the line, or (`defines`) the end of a function definition `NAME() body`
 * (its body's commands are the commands before it). `sequential`: it runs in the shell reading the
 * line, unconditionally, in the line's order: not inside a compound command, a function body or a
 * substitution, begun at the line's start or after `;`, `&` or a newline, and ended by `;`, a
 * newline or the line's end (`false && f() …`, `f() … &` and `trap - EXIT | cat` are not).
 */
export interface ShellCommand {
  readonly words: readonly ShellWord[];
  readonly redirections: readonly ShellRedirection[];
  readonly sequential: boolean;
  /**
   * It runs in the line's own shell process, so what it sets stays for the commands after it: not
   * inside `( … )`, a substitution, a pipeline of two or more (dash and bash run each part in a
   * subshell) or the background (`&`). Conditional commands (`a && export X=1`) are in it.
   */
  readonly ownShell: boolean;
  /** The subshells it runs in, outermost first (empty in the line's own shell): what a command sets reaches the commands whose list begins with its own. */
  readonly subshells: readonly number[];
  /** The function whose body it is written in (innermost): it runs only where the function is called. */
  readonly inFunction?: string;
  /**
   * Variables the shell assigns while it runs this command other than by its `NAME=` words: `${NAME:=word}`
   * and `${NAME=word}` among its words, and a `for NAME in word…` head just before it (its loop body's
   * first command). `value` is the word assigned, undefined when the shell decides it (`for NAME; do`).
   */
  readonly assigns?: readonly ShellAssignment[];
  readonly defines?: string;
  /** With `defines`: how many commands before this one are the body's (its substitutions' included). */
  readonly body?: number;
  /** Which line of the text it ends on (0 first), for a command the line's own reader reads (not inside a substitution or here-document). */
  readonly line?: number;
}

/**
 * Which shell reads the line: `dash` is Debian's `/bin/sh` (and `sh`/`dash -c`): no brace expansion,
 * no `$'…'`; `bash` is every other shell (bash, zsh, ksh…): `{a,b}` and `$'…'` are expansions.
 */
export type ShellDialect = 'dash' | 'bash';

export type ShellLine = { readonly kind: 'commands'; readonly commands: readonly ShellCommand[] } | { readonly kind: 'unparsable'; readonly why: string };

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
const ASSIGNMENT_LEAD = /^[A-Za-z_][A-Za-z0-9_]*=/;
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Reserved words that open and close a compound command (`do`/`then`/`else` stay inside one). */
const COMPOUND_OPENERS = new Set(['{', 'if', 'while', 'until', 'for', 'select', 'case']);
const COMPOUND_CLOSERS = new Set(['}', 'fi', 'done', 'esac']);
/** What may stand before and after a command that runs unconditionally in the line's own shell. */
const SEQUENTIAL_BEFORE = new Set(['start', ';', '\n', '&']);
const SEQUENTIAL_AFTER = new Set([';', '\n', 'end']);

class Unparsable extends Error {}

/** Subshells are numbered across every line read, so commands of an `eval`'s line never share one with the line's. */
let subshellCount = 0;
const newSubshell = (): number => ++subshellCount;

export function parseShellLine(parts: readonly PathPart[], dialect: ShellDialect = 'dash'): ShellLine {
  const items: Item[] = parts.flatMap((part): Item[] => (typeof part === 'string' ? [...part] : [part]));
  const commands: ShellCommand[] = [];
  try {
    new LineReader(items, commands, dialect, false).readList(false);
  } catch (error) {
    if (error instanceof Unparsable) return { kind: 'unparsable', why: error.message };
    throw error;
  }
  // `true() { false; }`: a condition `true` may not hold, so no definition after one counts as unconditional (fail closed).
  if (commands.some((command) => command.defines === 'true')) return { kind: 'commands', commands: commands.map((command) => (command.defines === undefined ? command : { ...command, sequential: false })) };
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
  /** The text written before anything quoted, escaped, expanded or computed: an assignment's `NAME=` must be in it. */
  private lead = '';
  private leadOpen = true;

  markQuoted(): void {
    this.quoted = true;
    this.leadOpen = false;
  }

  /** Pathname expansion (`/usr/bin/nod?`, `nod[e]`) and bash's brace expansion (`{node,f.js}`; dash has none) make the shell decide the text. */
  private braceOpen = false;
  private braceList = false;
  noteUnquoted(character: string, rest: readonly Item[], dialect: ShellDialect): void {
    if (character === '*' || character === '?' || (character === '[' && rest.includes(']'))) this.expanded = true;
    if (dialect === 'dash') return;
    if (character === '{') this.braceOpen = true;
    else if (this.braceOpen && (character === ',' || character === '.')) this.braceList = true;
    else if (character === '}' && this.braceList) this.expanded = true;
  }

  addUnquoted(character: string): void {
    if (this.leadOpen) this.lead += character;
    this.text += character;
    this.started = true;
  }

  add(text: string): void {
    this.leadOpen = false;
    this.text += text;
    this.started = true;
  }

  addComputed(piece: PathPart): void {
    this.leadOpen = false;
    if (this.text !== '') this.parts.push(this.text);
    this.text = '';
    this.parts.push(piece);
    this.started = true;
  }

  finish(): ShellWord {
    if (this.text !== '') this.parts.push(this.text);
    return { parts: this.parts, expanded: this.expanded, assignment: ASSIGNMENT_LEAD.test(this.lead) };
  }
}

/** A here-document's line joins its body (leading tabs dropped for `<<-`); in an unquoted one `$`, `` ` `` and `\\` make the shell decide the text. */
function addBodyLine(document: HereDocument, line: readonly Item[]): void {
  let start = 0;
  while (document.stripTabs && line[start] === '\t') start++;
  const { body } = document;
  for (const item of [...line.slice(start), '\n']) {
    if (typeof item !== 'string') body.parts.push(item);
    else if (typeof body.parts.at(-1) === 'string') body.parts[body.parts.length - 1] += item;
    else body.parts.push(item);
    if (!document.quoted && (item === '$' || item === '`' || item === '\\')) body.expanded = true;
  }
}

/**
 * A compound command open around the words being read. `transparent`: what runs directly inside it
 * runs as if written outside: a `{ …; }` group, a subshell (within that subshell), and the `then`
 * part of an `if` whose condition is `true` alone (choice 90). A function's body and loops are not.
 * `pending`: function definitions inside it that run unconditionally so far, defined in the line's
 * shell once the compound itself ends by `;`, a newline or the line's end (`{ f() {…}; } | cat` is a subshell).
 */
interface Frame {
  readonly opener: string;
  transparent: boolean;
  /** For `if`: how many commands the line had when it opened (its condition follows); -1 once `else`/`elif` is read. */
  conditionStart: number;
  negated: boolean;
  readonly pending: Array<{ sequential: boolean }>;
}

/** `true` alone, no redirection: the condition always holds (unless a function of the line renames it: parseShellLine checks). */
function isPlainTrue(words: readonly ShellWord[], redirections: readonly ShellRedirection[]): boolean {
  const [only] = words;
  return words.length === 1 && redirections.length === 0 && only !== undefined && !only.expanded && !only.assignment && only.parts.length === 1 && only.parts[0] === 'true';
}

/** A function header read (`NAME()`), waiting for its body to close. */
interface OpenFunction {
  readonly name: string;
  readonly depth: number;
  readonly startsSequential: boolean;
  /** How many commands the line had when the header was read. */
  readonly before: number;
  bodyOpened: boolean;
  bodyClosed: boolean;
}

interface HereDocument {
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
  /** The body as read so far (filled after the line that opens it ends). */
  readonly body: { parts: PathPart[]; expanded: boolean };
}

class LineReader {
  private index = 0;
  private words: ShellWord[] = [];
  private redirections: ShellRedirection[] = [];
  private word = new WordBuilder();
  /** The next word is a redirection's target (`> out`, with its descriptor and operator; `<<`/`<<-`: a here-document's delimiter). */
  private target: { readonly descriptor: number; readonly operator: string } | undefined;
  private hereDocuments: HereDocument[] = [];
  private dataHead = false;
  private skipNext = false;
  /** `case` heads read and not yet closed by `esac`. */
  private openCases = 0;
  /** Compound commands (`{`, `if`, loops, `case`, a subshell's `(`) open around the next word. */
  private compound = 0;
  /** What each open `(` is: a subshell (a compound command) or another parenthesis (a `case` pattern's). */
  private readonly parens: Array<number | 'other'> = [];
  /** The operator that ended the command before this one (`start` at the line's start). */
  private previousOperator = 'start';
  /** The nesting of compound commands when the command being read began. */
  private commandDepth = 0;
  /** The first word of the command being read, when written plainly: a function's name if `()` follows. */
  private plainFirst: string | undefined;
  private readonly openFunctions: OpenFunction[] = [];
  /** Compound commands open, outermost first (Frame). */
  private readonly frames: Frame[] = [];
  /** Definitions in a compound that just closed, waiting for the operator after it (Frame.pending). */
  private closing: Array<{ sequential: boolean }> = [];
  /** The commands before this one, joined by `&&`, are each `true` alone and begin where a sequential command may. */
  private trueChain = false;
  /** Newlines counted up to `countedTo` (Frame-free line numbers of commands). */
  private newlines = 0;
  private countedTo = 0;
  /** Assignments made by `${NAME:=…}` while the command being read is expanded, and by a loop head for the command after it. */
  private assigns: ShellAssignment[] = [];
  /** The subshells the command being read runs in: the reader's, then each `( … )` open around it. */
  private subshells(): number[] {
    return [...this.outer, ...this.parens.filter((paren): paren is number => typeof paren === 'number')];
  }

  /** A `for`/`select` head being read: its variable, whether `in` was read, and the words after it. */
  private loopHead: { name: string | undefined; listed: boolean; words: ShellWord[] } | undefined;

  constructor(
    private readonly items: readonly Item[],
    private readonly commands: ShellCommand[],
    private readonly dialect: ShellDialect,
    /** A substitution's or a here-document's reader: none of its commands runs in the line's own shell. */
    private readonly nested: boolean,
    /** The subshells this reader's commands run in (a substitution is one). */
    private readonly outer: readonly number[] = [],
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
      if (item === '(' && this.readFunctionHeader()) continue;
      if (OPERATORS.has(item)) {
        const next = this.items[this.index + 1];
        const operator = (item === '&' || item === '|' || item === ';') && next === item ? item + item : item;
        if (item === '(') this.openParen();
        this.endCommand(operator);
        this.index += operator.length;
        if (item === '\n') this.readHereDocuments();
        if (item === '(') depth++;
        if (item === ')') {
          // `$(case a in a) node x;; esac)`: inside a `case` the pattern's `)` closes nothing.
          if (nested && depth === 0 && this.openCases === 0) return this.index;
          depth = Math.max(0, depth - 1);
          this.closeParen();
        }
        continue;
      }
      this.readWordCharacter(this.word, false);
    }
    if (nested) throw new Unparsable('a `$(` is not closed');
    this.endWord();
    if (this.target !== undefined) throw new Unparsable('a redirection without its target');
    this.endCommand('end');
    return this.index;
  }

  /** `NAME()` (blanks allowed inside) before a function's body: the name is no command. False when the `(` is anything else. */
  private readFunctionHeader(): boolean {
    this.endWord();
    const name = this.plainFirst;
    if (this.words.length !== 1 || name === undefined || !FUNCTION_NAME.test(name) || this.redirections.length > 0) return false;
    let index = this.index + 1;
    while (BLANKS.has(this.items[index] as string)) index++;
    if (this.items[index] !== ')') return false;
    this.index = index + 1;
    this.openFunctions.push({ name, depth: this.compound, startsSequential: this.startsSequential(), before: this.commands.length, bodyOpened: false, bodyClosed: false });
    this.words = [];
    return true;
  }

  /** A `(` at a command's start opens a subshell; a compound command only outside a `case` (where `(a)` is a pattern). */
  private openParen(): void {
    this.endWord();
    const subshell = this.words.length === 0 && this.openCases === 0;
    this.parens.push(subshell ? newSubshell() : 'other');
    if (subshell) this.openCompound('(');
  }

  /** A `)`: a case pattern's (`a)`) closes no parenthesis opened before it. */
  private closeParen(): void {
    if (this.openCases > 0 && this.parens.at(-1) !== 'other') return;
    if (typeof this.parens.pop() === 'number') this.closeCompound();
  }

  private openCompound(opener: string): void {
    // The compound right after `NAME()` is the function's body: what is written in it runs only where the function is called.
    const body = this.openFunctions.some((open) => !open.bodyOpened);
    this.frames.push({ opener, transparent: !body && (opener === '{' || opener === '('), conditionStart: this.commands.length, negated: false, pending: [] });
    this.compound++;
    for (const open of this.openFunctions) if (this.compound > open.depth) open.bodyOpened = true;
  }

  private closeCompound(): void {
    this.compound = Math.max(0, this.compound - 1);
    const frame = this.frames.pop();
    // A subshell's definitions stay in it; a group's or an `if`'s wait for the operator after the compound.
    if (frame !== undefined && frame.opener !== '(') this.closing = frame.pending;
    for (const open of this.openFunctions) if (open.bodyOpened && this.compound === open.depth) open.bodyClosed = true;
  }

  /** `then`, `else`, `elif`, `!` read where a command begins: an `if` whose condition is `true` alone runs its `then` part. */
  private noteReserved(word: string): void {
    const frame = this.frames.at(-1);
    if (frame === undefined) return;
    if (word === '!') frame.negated = true;
    if (word === 'then' && frame.opener === 'if' && frame.conditionStart >= 0) {
      const condition = this.commands.slice(frame.conditionStart);
      frame.transparent = !frame.negated && condition.length === 1 && condition[0] !== undefined && isPlainTrue(condition[0].words, condition[0].redirections);
    }
    if (word === 'else' || word === 'elif') {
      frame.transparent = false;
      frame.conditionStart = -1;
    }
  }

  /** A function defined here runs unconditionally in its shell (its subshell, or the line's own shell once the compounds around it end sequentially). */
  private startsSequential(): boolean {
    const after = SEQUENTIAL_BEFORE.has(this.previousOperator) || (this.previousOperator === '&&' && this.trueChain);
    return !this.nested && this.frames.every((frame) => frame.transparent) && after;
  }

  /** The line number the reader is at. */
  private lineNumber(): number {
    for (; this.countedTo < this.index && this.countedTo < this.items.length; this.countedTo++) if (this.items[this.countedTo] === '\n') this.newlines++;
    return this.newlines;
  }

  /** One character (or a quoted run, an escape, an expansion) of a word, outside quotes or (`inDouble`) inside double quotes. */
  private readWordCharacter(word: WordBuilder, inDouble: boolean): void {
    const item = this.items[this.index] as string;
    const next = this.items[this.index + 1];
    if (item === '\\') {
      this.index += 2;
      word.markQuoted();
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
    this.index++;
    if (inDouble) return word.add(item);
    word.noteUnquoted(item, this.restOfWord(), this.dialect);
    word.addUnquoted(item);
  }

  /** The characters after this one up to a blank or an operator (a `[` is a pattern only with its `]` in the same word). */
  private restOfWord(): Item[] {
    const rest: Item[] = [];
    for (let index = this.index; index < this.items.length; index++) {
      const item = this.items[index] as Item;
      if (typeof item === 'string' && (BLANKS.has(item) || OPERATORS.has(item))) break;
      rest.push(item);
    }
    return rest;
  }

  private readSingleQuoted(word: WordBuilder): void {
    word.markQuoted();
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
    word.markQuoted();
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

  /** `$(…)`, `$((…))`, `${…}`, `$NAME`, `$1`, `$@`, bash's `$'…'` and `$"…"` (in dash a `$` and a quoted word); a `$` before anything else is itself. */
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
    if (next === "'" && !inDouble && this.dialect === 'bash') {
      // bash's `$'…'`: escapes decoded by rules of its own; its text is left to the shell.
      this.index++;
      const inner = new WordBuilder();
      this.readAnsiQuoted(inner);
      word.expanded = true;
      word.markQuoted();
      word.add(`$'…'`);
      return;
    }
    if (next === '"' && !inDouble && this.dialect === 'bash') {
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
    this.noteBracedAssignment(inner.finish());
    word.expanded = true;
    word.add('${…}');
  }

  /** `${NAME:=word}`, `${NAME=word}` (XCU 2.6.2): the shell assigns `word` to NAME when it is unset (or empty). */
  private noteBracedAssignment(inner: ShellWord): void {
    const [head, ...tail] = inner.parts;
    const match = typeof head === 'string' ? /^([A-Za-z_][A-Za-z0-9_]*):?=/.exec(head) : null;
    if (match === null || typeof head !== 'string') return;
    const rest = head.slice(match[0].length);
    this.assigns.push({ name: match[1] as string, value: { parts: rest === '' ? tail : [rest, ...tail], expanded: inner.expanded, assignment: false } });
  }

  /** The command line of a `$(…)` (or `<(…)`): read with this reader's collection of commands. */
  private readSubstitution(word: WordBuilder, placeholder: string): void {
    const nested = new LineReader(this.items, this.commands, this.dialect, true, [...this.subshells(), newSubshell()]);
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
    new LineReader(inner, this.commands, this.dialect, true, [...this.subshells(), newSubshell()]).readList(false);
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
    let descriptor = first === '<' ? 0 : 1;
    if (this.word.started && !this.word.quoted && !this.word.expanded && this.word.parts.length === 0 && /^\d+$/.test(this.word.text)) {
      descriptor = Number(this.word.text);
      this.word = new WordBuilder();
    }
    this.endWord();
    let operator = first;
    for (let item = this.items[this.index + operator.length]; typeof item === 'string' && /[<>&|-]/.test(item) && operator.length < 3; item = this.items[this.index + operator.length]) {
      if (item === '-' && operator !== '<<') break;
      operator += item;
    }
    this.index += operator.length;
    this.target = { descriptor, operator };
  }

  private endWord(): void {
    if (!this.word.started) return;
    const builder = this.word;
    this.word = new WordBuilder();
    const word = builder.finish();
    if (this.target !== undefined) {
      const { operator } = this.target;
      if (operator === '<<' || operator === '<<-') {
        const body = { parts: [], expanded: false };
        this.hereDocuments.push({ delimiter: word.parts.filter((part) => typeof part === 'string').join(''), quoted: builder.quoted, stripTabs: operator === '<<-', body });
        this.redirections.push({ ...this.target, target: word, input: body });
      } else if (operator === '<<<') this.redirections.push({ ...this.target, target: word, input: { parts: [...word.parts, '\n'], expanded: word.expanded } });
      else this.redirections.push({ ...this.target, target: word });
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
      if (COMPOUND_OPENERS.has(plain)) this.openCompound(plain);
      if (COMPOUND_CLOSERS.has(plain)) this.closeCompound();
      if (LEADING_RESERVED.has(plain)) {
        this.noteReserved(plain);
        return;
      }
      if (DATA_HEADS.has(plain)) {
        this.dataHead = true;
        if (plain !== 'case') this.loopHead = { name: undefined, listed: false, words: [] };
        return;
      }
      // `function f { … }`: the name is no command.
      if (plain === 'function') {
        this.skipNext = true;
        return;
      }
    }
    if (this.dataHead) {
      this.noteLoopWord(word, plain);
      return;
    }
    if (this.words.length === 0) {
      this.plainFirst = plain;
      this.commandDepth = this.compound;
    }
    this.words.push(word);
  }

  /** A word of a `for`/`select` head: the variable, `in`, then the words the variable takes in turn. */
  private noteLoopWord(word: ShellWord, plain: string | undefined): void {
    const head = this.loopHead;
    if (head === undefined) return;
    if (head.name === undefined) head.name = plain ?? '';
    else if (!head.listed && plain === 'in') head.listed = true;
    else if (head.listed) head.words.push(word);
  }

  /** The command read so far ends at `operator` (`end` at the line's end). */
  private endCommand(operator: string): void {
    this.endWord();
    const ended = SEQUENTIAL_AFTER.has(operator);
    this.confirmClosed(operator, ended);
    const trueLink = operator === '&&' && isPlainTrue(this.words, this.redirections) && this.assigns.length === 0 && this.startsSequential();
    const loop = this.loopHead;
    this.loopHead = undefined;
    if (loop !== undefined && loop.name !== undefined && operator !== '(') {
      // `for NAME in a b; do …`: NAME is assigned before the body's first command runs; `for NAME; do` takes "$@".
      const values = loop.listed ? loop.words : [undefined];
      this.assigns.push(...values.map((value) => ({ name: loop.name as string, value })));
    } else if (this.words.length > 0 || (this.assigns.length > 0 && loop === undefined)) {
      const inFunction = this.openFunctions.findLast((open) => open.bodyOpened && !open.bodyClosed)?.name;
      // A part of a pipeline and a command in the background run in a subshell of their own.
      const alone = operator === '|' || operator === '&' || this.previousOperator === '|';
      const subshells = [...this.subshells(), ...(alone ? [newSubshell()] : [])];
      this.commands.push({
        words: this.words,
        redirections: this.redirections,
        sequential: ended && !this.nested && this.commandDepth === 0 && SEQUENTIAL_BEFORE.has(this.previousOperator),
        ownShell: subshells.length === 0,
        subshells,
        ...(inFunction === undefined ? {} : { inFunction }),
        ...(this.assigns.length === 0 ? {} : { assigns: this.assigns }),
        ...(this.nested ? {} : { line: this.lineNumber() }),
      });
      this.assigns = [];
    }
    this.endFunctions(operator, ended);
    if (operator !== '(') this.trueChain = trueLink;
    this.words = [];
    this.redirections = [];
    this.dataHead = false;
    this.skipNext = false;
    this.plainFirst = undefined;
    if (operator !== '(') this.previousOperator = operator;
  }

  /** A function whose body just closed is defined here; one whose body is a simple command (no compound) is dropped: it defines nothing the reader follows. */
  private endFunctions(operator: string, ended: boolean): void {
    for (let last = this.openFunctions.at(-1); last !== undefined; last = this.openFunctions.at(-1)) {
      if (last.bodyClosed) {
        const definition = { words: [], redirections: [], sequential: ended && last.startsSequential, ownShell: this.subshells().length === 0, subshells: this.subshells(), defines: last.name, body: this.commands.length - last.before };
        // Inside a group or an `if` (not a subshell): defined for the line's shell once the compound ends sequentially.
        const frame = this.frames.at(-1);
        if (definition.sequential && frame !== undefined && frame.opener !== '(') {
          definition.sequential = false;
          frame.pending.push(definition);
        }
        this.commands.push(definition);
      } else if (last.bodyOpened || this.words.length === 0 || operator === '(') return;
      this.openFunctions.pop();
    }
  }

  /** The compound that just closed ended at `operator`: its pending definitions hold in the compound around it (or the line's shell) only when that is `;`, a newline or the end. */
  private confirmClosed(operator: string, ended: boolean): void {
    const closing = this.closing;
    this.closing = [];
    if (closing.length === 0 || !ended || this.words.length > 0) return;
    const frame = this.frames.at(-1);
    if (frame !== undefined && frame.opener !== '(') frame.pending.push(...closing);
    else for (const definition of closing) definition.sequential = true;
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
        addBodyLine(document, line);
      }
    }
  }

  /** Text read as inside double quotes (a here-document's body, where `"` is itself): only its substitutions matter. */
  private readExpandedText(line: readonly Item[]): void {
    const reader = new LineReader(line, this.commands, this.dialect, true, [...this.subshells(), newSubshell()]);
    const sink = new WordBuilder();
    while (reader.index < line.length) {
      const item = line[reader.index];
      if (item === '$' || item === '`' || item === '\\') reader.readWordCharacter(sink, true);
      else reader.index++;
    }
  }
}
