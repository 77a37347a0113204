import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePacket } from './inspector-packet.js';
import { INSPECT_CHILD, runChild, type ChildResult } from './inspector-child.js';
import { median } from './stats.js';
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

const here = path.dirname(fileURLToPath(import.meta.url));
const inspectorUrl = pathToFileURL(path.join(here, '..', 'src', 'index.js')).href;

const SENTENCES = ['All tests pass.', 'exit 0.', 'Hi there.', 'It ran.'];

/** The sentences repeated until the dossier holds `bytes`, joined by `separator` (a space: one paragraph; a blank line: one each). */
export function sentenceDossier(separator: string, bytes: number): string {
  const unit = SENTENCES.join(separator) + separator;
  const count = Math.max(1, Math.round(bytes / Buffer.byteLength(unit)));
  return `# DOS-BENCH-V1\n\n${unit.repeat(count).trimEnd()}\n`;
}

async function sentenceResults(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-bench-sentences-'));
  try {
    const oneParagraph = path.join(root, 'one-paragraph');
    const paragraphs = path.join(root, 'paragraphs');
    const oneText = sentenceDossier(' ', SENTENCE_BYTES);
    const manyText = sentenceDossier('\n\n', SENTENCE_BYTES);
    generatePacket(oneParagraph, 1, 100, oneText);
    generatePacket(paragraphs, 1, 100, manyText);
    const oneRuns: ChildResult[] = [];
    const manyRuns: ChildResult[] = [];
    // Paired rounds, side by side: robust to load drifting over the run. CPU time, steadier than wall time here.
    for (let round = 0; round < ROUNDS; round += 1) {
      manyRuns.push(await runChild(INSPECT_CHILD, [paragraphs, path.join(root, 'out-paragraphs'), inspectorUrl]));
      oneRuns.push(await runChild(INSPECT_CHILD, [oneParagraph, path.join(root, 'out-one'), inspectorUrl]));
    }
    const cpu = (run: ChildResult): number => run.cpuMs ?? run.ms;
    const perByte = (runs: readonly ChildResult[], text: string): number => median(runs.map(cpu)) / Buffer.byteLength(text);
    return [
      {
        name: 'one paragraph of sentences vs one sentence per paragraph, CPU per byte',
        ratio: perByte(oneRuns, oneText) / perByte(manyRuns, manyText),
        target: 2,
        details: {
          one_paragraph_bytes: Buffer.byteLength(oneText),
          paragraphs_bytes: Buffer.byteLength(manyText),
          one_paragraph_cpu_median_ms: Math.round(median(oneRuns.map(cpu))),
          paragraphs_cpu_median_ms: Math.round(median(manyRuns.map(cpu))),
          paired_ratio_median: median(oneRuns.map((run, round) => cpu(run) / cpu(manyRuns[round] ?? run))).toFixed(2),
          exit_codes: `${oneRuns[0]?.exitCode ?? -1}/${manyRuns[0]?.exitCode ?? -1}`,
        },
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const bench: BenchModule = {
  title: 'tki inspector: sentences in one paragraph (issue 13, round 11)',
  run: sentenceResults,
};
