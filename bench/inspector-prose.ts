import { pairedDossierResult } from './paired-dossiers.js';
import type { BenchResult } from './types.js';

/**
 * Prose cost by script (issue 13, round 9): a dossier of right-to-left prose (Hebrew, no bidi
 * control) against one of English prose of the same UTF-8 size. Right-to-left letters give the
 * text display-order forms that the text rules also read; the target is that a byte of it costs at
 * most 2× a byte of English, with Latin words and digits among the Hebrew too. Both packets hold
 * one small item besides the dossier, so the inspector's time is the prose scan's.
 * TKI_BENCH_PROSE_BYTES shrinks the dossiers.
 */
const PROSE_BYTES = Number(process.env.TKI_BENCH_PROSE_BYTES ?? 2_000_000);
const ROUNDS = 5;

const ENGLISH = 'The export was read by the reviewer and the notes were kept with the archive. ';
const HEBREW = 'הייצוא נקרא על ידי הסוקר וההערות נשמרו יחד עם הארכיון. ';
/**
 * Hebrew with Latin words and digits (session 12): plain Hebrew holds no character a prose rule
 * needs, so its sentences get no visual form at all; these do, in both paragraph levels.
 */
const HEBREW_MIXED = 'הייצוא נקרא ב-CI על ידי הסוקר וההערות נשמרו בקובץ notes.txt עם 12 הארכיונים. ';

/** Paragraphs of `sentence` × 10 until the dossier holds `bytes` UTF-8 bytes. */
export function proseDossier(sentence: string, bytes: number): string {
  const paragraph = `${sentence.repeat(10).trim()}\n\n`;
  const count = Math.max(1, Math.round(bytes / Buffer.byteLength(paragraph)));
  return `# DOS-BENCH-V1\n\n- B1: The archive archive/part-000000.txt exists.\n\n${paragraph.repeat(count)}`;
}

export async function proseResults(): Promise<BenchResult[]> {
  return [
    await pairedDossierResult({
      name: 'right-to-left prose (Hebrew) vs English prose, CPU per UTF-8 byte',
      target: 2,
      rounds: ROUNDS,
      baseline: { label: 'english', text: proseDossier(ENGLISH, PROSE_BYTES) },
      subject: { label: 'hebrew', text: proseDossier(HEBREW, PROSE_BYTES) },
    }),
    await pairedDossierResult({
      name: 'right-to-left prose with Latin words and digits (Hebrew) vs English prose, CPU per UTF-8 byte',
      target: 2,
      rounds: ROUNDS,
      baseline: { label: 'english', text: proseDossier(ENGLISH, PROSE_BYTES) },
      subject: { label: 'hebrew_mixed', text: proseDossier(HEBREW_MIXED, PROSE_BYTES) },
    }),
  ];
}
