import { existsSync, readFileSync } from 'node:fs';
import { fail, ok, type Outcome } from '../errors.js';
import { entriesOf, type BaselineEntry } from './format.js';

const UNREADABLE: Readonly<Record<string, string>> = {
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
  ELOOP: 'too many symbolic links',
};

/**
 * Reads a baseline file. A missing file is `null` (no baseline yet); a file that is not valid
 * JSON or not a baseline is a tool error naming the file and the first problem, never a silent
 * empty baseline (that would fail every known finding, or worse, be mistaken for clean).
 * Asynchronous because the schema, and zod with it, loads only when there is a file to check.
 */
export async function loadBaseline(file: string): Promise<Outcome<readonly BaselineEntry[] | null>> {
  if (!existsSync(file)) return ok(null);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // In words, as the policy reader says it: `--baseline src` names a directory, not a raw EISDIR.
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return fail({ code: 'baseline/invalid', file, detail: UNREADABLE[code] ?? `cannot read it (${code})` });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail({ code: 'baseline/invalid', file, detail: (error as Error).message.split('\n')[0] ?? 'unreadable' });
  }
  // zod loads here, with the first baseline file there is to check.
  const { baselineSchema } = await import('./schema.js');
  const checked = baselineSchema.safeParse(parsed);
  if (!checked.success) {
    const details = checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return fail({ code: 'baseline/invalid', file, detail: details.join('; ') });
  }
  return ok(entriesOf(checked.data));
}
