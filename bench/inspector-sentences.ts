import { pairedDossierResult } from './paired-dossiers.js';
import type { BenchModule, BenchResult } from './types.js';

/**
 * Sentence cost by layout (issue 13, round 11): one paragraph of many short sentences against the
 * same sentences one per paragraph. A per-sentence step that scanned its paragraph (a newline looked
 * up from the sentence to the paragraph's end) made the first quadratic in the sentence count
 * (1.6 MB 4.7 s, 6.4 MB 56 s, where the second stayed linear); the target is that a byte of it
 * costs at most 2× a byte of the second. The sentences mix a pass assertion, a claim cue and plain
 * prose, so every classification path runs. 4 MB by default: at 2 MB the quadratic build still measured
 * 1.9 (its linear part is large), at 4 MB it is well past 2. TKI_BENCH_SENTENCE_BYTES sets the size.
 */
const SENTENCE_BYTES = Number(process.env.TKI_BENCH_SENTENCE_BYTES ?? 4_000_000);
const ROUNDS = 5;

const SENTENCES = ['All tests pass.', 'exit 0.', 'Hi there.', 'It ran.'];

/** The sentences repeated until the dossier holds `bytes`, joined by `separator` (a space: one paragraph; a blank line: one each). */
export function sentenceDossier(separator: string, bytes: number): string {
  const unit = SENTENCES.join(separator) + separator;
  const count = Math.max(1, Math.round(bytes / Buffer.byteLength(unit)));
  return `# DOS-BENCH-V1\n\n${unit.repeat(count).trimEnd()}\n`;
}

async function sentenceResults(): Promise<BenchResult[]> {
  return [
    await pairedDossierResult({
      name: 'one paragraph of sentences vs one sentence per paragraph, CPU per byte',
      target: 2,
      rounds: ROUNDS,
      baseline: { label: 'paragraphs', text: sentenceDossier('\n\n', SENTENCE_BYTES) },
      subject: { label: 'one_paragraph', text: sentenceDossier(' ', SENTENCE_BYTES) },
    }),
  ];
}

export const bench: BenchModule = {
  title: 'tki inspector: sentences in one paragraph (issue 13, round 11)',
  run: sentenceResults,
};
