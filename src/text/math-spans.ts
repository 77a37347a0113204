/**
 * GitHub math (issue 13, round 7): GitHub renders `$…$`, `$$…$$` and `` $`…`$ `` as math, so
 * "exit $0$" reads "exit 0" and "All tests $\text{pass}$." reads "All tests pass.". The rendered
 * view (rendered.ts) reads a math span as the text it shows: the delimiters go; a text or font
 * command (`\text`, `\mathrm`, `\textbf`, `\texttt`, `\operatorname`…) shows its argument; braces,
 * `^` and `_` go; spacing commands and `~` are spaces; an escaped symbol (`\%`) is the symbol; any
 * other command (`\alpha`, `\checkmark`) is a symbol, not words, and reads as nothing. Spaces are
 * kept (TeX drops them between math letters; keeping them reads more sentences, never fewer).
 * A `$` with no closing `$` of the same run length is a dollar sign. Our choice: docs/choices.md.
 */
export interface TextSink {
  /** Copy source[from, to) as a reader sees it. */
  copy(source: string, from: number, to: number): void;
  /** Text of tki's reading at a source offset. */
  emit(text: string, source: number, copy: boolean): void;
}

/** Commands whose first argument is not shown (a colour, a class, a link target): it is skipped. */
const HIDDEN_FIRST_ARGUMENT = new Set(['color', 'textcolor', 'colorbox', 'style', 'class', 'cssId', 'href', 'fcolorbox']);
const SPACING = new Set(['quad', 'qquad', 'space', 'enspace', 'thinspace', 'medspace', 'thickspace', 'nobreakspace', ',', ';', ':', ' ', '>', '\\']);
const ESCAPED_SYMBOL = /^[%$_&#{}]$/;

/** The index just past the brace group that opens at `index` (or `index` when none opens there). */
function braceGroupEnd(source: string, index: number, end: number): number {
  if (source[index] !== '{') return index;
  let depth = 0;
  for (let at = index; at < end; at += 1) {
    const char = source[at];
    if (char === '\\') at += 1;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return at + 1;
  }
  return end;
}

/** TeX source[from, to) as its text shows: what a reader of the rendered math reads. */
function texText(source: string, from: number, to: number, sink: TextSink): void {
  let run = from;
  let index = from;
  while (index < to) {
    const char = source[index] ?? '';
    if (char !== '\\' && char !== '{' && char !== '}' && char !== '^' && char !== '_' && char !== '~') {
      index += 1;
      continue;
    }
    sink.copy(source, run, index);
    if (char === '~') sink.emit(' ', index, false);
    index += 1;
    if (char === '\\') {
      const name = /^(?:[A-Za-z]+|.)/s.exec(source.slice(index, Math.min(to, index + 32)))?.[0] ?? '';
      if (ESCAPED_SYMBOL.test(name)) sink.emit(name, index, true);
      else if (SPACING.has(name)) sink.emit(' ', index - 1, false);
      index += name.length;
      if (source[index] === '*') index += 1;
      if (HIDDEN_FIRST_ARGUMENT.has(name)) index = braceGroupEnd(source, index, to);
    }
    run = index;
  }
  sink.copy(source, run, to);
}

/** The index of the next run of exactly `length` dollars at or after `from` (before `end`), or -1. */
function closingRun(source: string, from: number, length: number): number {
  let at = source.indexOf('$', from);
  while (at !== -1) {
    let end = at;
    while (source[end] === '$') end += 1;
    if (end - at === length && source[at - 1] !== '\\') return at;
    at = source.indexOf('$', end);
  }
  return -1;
}

/**
 * The closing run found for each run length so far, reused by later openers: the openers are met in
 * text order, so a text of a million unclosed `$a` costs one walk per run length, not one per opener.
 */
export type MathClosers = Map<string, number>;

/** The closer of this kind at or after `from`: the one found before when it still lies ahead (or none was found), else a new search. */
function closingFrom(closers: MathClosers, kind: string, from: number, search: () => number): number {
  const known = closers.get(kind);
  if (known !== undefined && (known === -1 || known >= from)) return known;
  const found = search();
  closers.set(kind, found);
  return found;
}

/**
 * A math span opening at `index` (a `$` run), shown as its text; returns the index after it, or
 * -1 when no span opens here (the caller shows the dollars as they are).
 */
export function mathSpan(source: string, index: number, sink: TextSink, closers: MathClosers): number {
  let open = index;
  while (source[open] === '$') open += 1;
  const length = open - index;
  if (length > 2) return -1;
  // $`…`$: the code span's content is the math.
  if (length === 1 && source[open] === '`') {
    let fenceEnd = open;
    while (source[fenceEnd] === '`') fenceEnd += 1;
    const fence = source.slice(open, fenceEnd);
    const close = closingFrom(closers, `${fence}$`, fenceEnd, () => source.indexOf(`${fence}$`, fenceEnd));
    if (close === -1) return -1;
    texText(source, fenceEnd, close, sink);
    return close + fence.length + 1;
  }
  const close = closingFrom(closers, '$'.repeat(length), open, () => closingRun(source, open, length));
  if (close === -1 || close === open) return -1;
  texText(source, open, close, sink);
  return close + length;
}
