import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { summary9, unquotedText, type Run9 } from './round9/gen9.js';

/**
 * Where packet text may read as tki's own words (rounds 13 and 14): every string of report.json held
 * in a field that is tki's words, report.md outside code spans and table rows (a cell's borders quote
 * it, docs/inspector.md), the checkpoint outside code spans, and the verdict line.
 */
const TKI_WORD_FIELDS = new Set(['message', 'reasons', 'problems', 'why', 'detail', 'where']);

/** Every string of report.json held in a field that is tki's words, as `field: value`. */
export function tkiWordsInJson(report: unknown): string[] {
  const words: string[] = [];
  const walk = (value: unknown, field: string): void => {
    if (typeof value === 'string') {
      if (TKI_WORD_FIELDS.has(field)) words.push(`${field}: ${value}`);
    } else if (Array.isArray(value)) {
      for (const entry of value) walk(entry, field);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, entry] of Object.entries(value)) walk(entry, key);
    }
  };
  walk(report, '');
  return words;
}

function checkpointOf(outDir: string): string | undefined {
  const name = readdirSync(outDir).find((file) => file.startsWith('checkpoint-'));
  return name === undefined ? undefined : readFileSync(path.join(outDir, name), 'utf8');
}

/** What went wrong: text matching `words` in tki's words in a report, the checkpoint or on the verdict line. */
export function packetTextInTkiWords(result: Run9, words: RegExp): string | undefined {
  const problems: string[] = [];
  if (result.markdown === undefined || result.report === undefined) problems.push(`no reports: ${summary9(result)}`);
  const prose = (result.markdown ?? '').split('\n').filter((line) => !line.startsWith('|')).join('\n');
  const md = unquotedText(prose).replaceAll('\\', '').split('\n').find((line) => words.test(line));
  if (md !== undefined) problems.push(`report.md says, outside any code span: ${JSON.stringify(md.slice(0, 200))}`);
  const json = tkiWordsInJson(result.report).find((line) => words.test(line));
  if (json !== undefined) problems.push(`report.json, tki's words: ${JSON.stringify(json.slice(0, 200))}`);
  const checkpoint = unquotedText(checkpointOf(result.outDir) ?? '').split('\n').find((line) => words.test(line));
  if (checkpoint !== undefined) problems.push(`checkpoint: ${JSON.stringify(checkpoint.slice(0, 200))}`);
  if (words.test(result.line)) problems.push(`verdict line: ${JSON.stringify(result.line.slice(0, 200))}`);
  return problems.length === 0 ? undefined : problems.join('; ');
}
