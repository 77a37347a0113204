import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePacket } from './inspector-packet.js';
import { INSPECT_CHILD, runChild, type ChildResult } from './inspector-child.js';
import { median } from './stats.js';
import type { BenchResult } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const inspectorUrl = pathToFileURL(path.join(here, '..', 'src', 'index.js')).href;

/** One dossier of a paired comparison; `label` names its figures in the result's details. */
export interface DossierSide {
  readonly label: string;
  readonly text: string;
}

export interface PairedDossiers {
  readonly name: string;
  readonly target: number;
  readonly rounds: number;
  readonly baseline: DossierSide;
  readonly subject: DossierSide;
}

/**
 * Two dossiers inspected in paired rounds, baseline first in each (robust to load drifting over
 * the run), compared by CPU time per UTF-8 byte (steadier than wall time here). Each packet holds
 * one small item besides the dossier, so the inspector's time is the prose scan's.
 */
export async function pairedDossierResult(compared: PairedDossiers): Promise<BenchResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-bench-dossiers-'));
  try {
    const sides = [compared.baseline, compared.subject] as const;
    const runs: [ChildResult[], ChildResult[]] = [[], []];
    sides.forEach((side, index) => generatePacket(path.join(root, String(index)), 1, 100, side.text));
    for (let round = 0; round < compared.rounds; round += 1) {
      for (const index of [0, 1] as const) runs[index].push(await runChild(INSPECT_CHILD, [path.join(root, String(index)), path.join(root, `out-${String(index)}`), inspectorUrl]));
    }
    const cpu = (run: ChildResult): number => run.cpuMs ?? run.ms;
    const perByte = (index: 0 | 1): number => median(runs[index].map(cpu)) / Buffer.byteLength(sides[index].text);
    const [baseline, subject] = runs;
    return {
      name: compared.name,
      ratio: perByte(1) / perByte(0),
      target: compared.target,
      details: {
        [`${compared.baseline.label}_bytes`]: Buffer.byteLength(compared.baseline.text),
        [`${compared.subject.label}_bytes`]: Buffer.byteLength(compared.subject.text),
        [`${compared.baseline.label}_cpu_median_ms`]: Math.round(median(baseline.map(cpu))),
        [`${compared.subject.label}_cpu_median_ms`]: Math.round(median(subject.map(cpu))),
        paired_ratio_median: median(subject.map((run, round) => cpu(run) / cpu(baseline[round] ?? run))).toFixed(2),
        exit_codes: `${baseline[0]?.exitCode ?? -1}/${subject[0]?.exitCode ?? -1}`,
      },
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
