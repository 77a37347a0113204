import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePacket } from './inspector-packet.js';
import { INSPECT_CHILD, runChild, type ChildResult } from './inspector-child.js';
import { median } from './stats.js';
import type { BenchResult } from './types.js';

/**
 * Prose cost by script (issue 13, round 9): a dossier of right-to-left prose (Hebrew, no bidi
 * control) against one of English prose of the same UTF-8 size. Right-to-left letters give the
 * text a second, display-order form that the text rules also read; the target is that a byte of
 * it costs at most 2× a byte of English. Both packets hold one small item besides the dossier, so
 * the inspector's time is the prose scan's. TKI_BENCH_PROSE_BYTES shrinks the dossiers.
 */
const PROSE_BYTES = Number(process.env.TKI_BENCH_PROSE_BYTES ?? 2_000_000);
const ROUNDS = 5;

const here = path.dirname(fileURLToPath(import.meta.url));
const inspectorUrl = pathToFileURL(path.join(here, '..', 'src', 'index.js')).href;

const ENGLISH = 'The export was read by the reviewer and the notes were kept with the archive. ';
const HEBREW = 'הייצוא נקרא על ידי הסוקר וההערות נשמרו יחד עם הארכיון. ';

/** Paragraphs of `sentence` × 10 until the dossier holds `bytes` UTF-8 bytes. */
export function proseDossier(sentence: string, bytes: number): string {
  const paragraph = `${sentence.repeat(10).trim()}\n\n`;
  const count = Math.max(1, Math.round(bytes / Buffer.byteLength(paragraph)));
  return `# DOS-BENCH-V1\n\n- B1: The archive archive/part-000000.txt exists.\n\n${paragraph.repeat(count)}`;
}

export async function proseResults(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-bench-prose-'));
  try {
    const english = path.join(root, 'english');
    const hebrew = path.join(root, 'hebrew');
    const englishText = proseDossier(ENGLISH, PROSE_BYTES);
    const hebrewText = proseDossier(HEBREW, PROSE_BYTES);
    generatePacket(english, 1, 100, englishText);
    generatePacket(hebrew, 1, 100, hebrewText);
    const englishRuns: ChildResult[] = [];
    const hebrewRuns: ChildResult[] = [];
    // Paired rounds, English first: robust to load drifting over the run. CPU time, steadier than wall time here.
    for (let round = 0; round < ROUNDS; round += 1) {
      englishRuns.push(await runChild(INSPECT_CHILD, [english, path.join(root, 'out-english'), inspectorUrl]));
      hebrewRuns.push(await runChild(INSPECT_CHILD, [hebrew, path.join(root, 'out-hebrew'), inspectorUrl]));
    }
    const cpu = (run: ChildResult): number => run.cpuMs ?? run.ms;
    const perByte = (runs: readonly ChildResult[], text: string): number => median(runs.map(cpu)) / Buffer.byteLength(text);
    return [
      {
        name: 'right-to-left prose (Hebrew) vs English prose, CPU per UTF-8 byte',
        ratio: perByte(hebrewRuns, hebrewText) / perByte(englishRuns, englishText),
        target: 2,
        details: {
          english_bytes: Buffer.byteLength(englishText),
          hebrew_bytes: Buffer.byteLength(hebrewText),
          english_cpu_median_ms: Math.round(median(englishRuns.map(cpu))),
          hebrew_cpu_median_ms: Math.round(median(hebrewRuns.map(cpu))),
          paired_ratio_median: median(hebrewRuns.map((run, round) => cpu(run) / cpu(englishRuns[round] ?? run))).toFixed(2),
          exit_codes: `${englishRuns[0]?.exitCode ?? -1}/${hebrewRuns[0]?.exitCode ?? -1}`,
        },
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
