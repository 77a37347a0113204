/** tki's `\u{…}` notation (choices 33): one code point per escape. */
const ESCAPE = /\\u\{([0-9a-fA-F]{1,6})\}/g;

/** A text with tki's `\u{…}` escapes decoded, as the report tells its reader to. */
export function decodeEscapes(text: string): string {
  return text.replace(ESCAPE, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/** GFM cells of a table row: split at every pipe not escaped by a backslash. */
export function cellsOf(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let index = 0; index < row.length; index += 1) {
    if (row[index] === '\\' && row[index + 1] === '|') {
      current += '\\|';
      index += 1;
    } else if (row[index] === '|') {
      cells.push(current);
      current = '';
    } else current += row[index];
  }
  return [...cells, current].slice(1, -1).map((cell) => cell.trim().replaceAll('\\|', '|'));
}
