import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { viewMarkdown } from '../markdown-view.js';
import { backedCountClaim, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { cellsOf, decodeEscapes } from '../round16/report-cells.js';
import { dossier, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { gfmHazards, INVISIBLE_WHEN_RAW } from './gfm-hazards.js';
import { createJudge19 } from './judge19.js';

/**
 * rt-packets19, choice 82 (packet text enters tki's `\u{…}` notation once per sink) in the sinks and
 * with the characters session 18's test did not use: a backslash before a real separator or format
 * character and then `u{41}` (an escape added next to the packet's backslash), notation with upper-case
 * hex and leading zeros, C0 and C1 controls (ESC and CSI, which a terminal acts on), default-ignorable
 * code points that are no format character (CGJ, variation selectors, Hangul fillers, an unassigned
 * one: a reader sees nothing), entity references, and GFM's own syntax that CommonMark does not know
 * (strikethrough, `www.` and e-mail autolinks: GitHub renders report.md as GFM). Sinks: a claim's text
 * (report.json's quote and report.md's claim cell), a pass sentence's excerpt and an unparsed
 * region's (report.json and report.md's prose scan), `revision` and `blueprint_ref` (report.json as written, report.md's dossier
 * line and the checkpoint). In each, what a reader sees (CommonMark, escapes decoded once) must hold
 * the packet's value, with no raw invisible character and no GFM structure the value brought.
 */
const { judge, checkAllListedRan } = createJudge19('escape');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const VALUES: Record<string, string> = {
  'backslash-before-a-real-separator': 'A \\\u2028u{41} B',
  'backslash-before-a-format-character': 'A \\\u200Bu{41} B',
  'notation-upper-case-hex-leading-zeros': 'A \\u{0000041} \\u{1F600} \\U{41} B',
  'notation-split-by-a-soft-hyphen': 'A \\u{\u00AD41} B',
  'tab-and-carriage-return': 'A\tB\rC D',
  'c1-next-line-and-csi': 'A\u0085B\u009B31mC D',
  'escape-sequence': 'A \u001B[31mRED\u001B[0m B',
  'combining-grapheme-joiner-and-variation-selectors': 'A\u034FB\uFE0FC\u{E0100}D',
  'hangul-fillers': 'A\u3164B\u1160C\uFFA0D',
  'unassigned-default-ignorable': 'A\u2065B\u{E0FFF}C',
  'entity-references': 'A &check; &#10004; &amp; &#92;u{41} B',
  'gfm-strikethrough': 'A ~~never~~ ~x~ B',
  'gfm-www-autolink': 'see www.evil.example/PASS now',
  'gfm-email-autolink': 'mail ops@evil.example now',
};

/** Each sink: the packet built around the value, and the texts a reader sees there (report.json, report.md line, checkpoint line). */
interface Sink {
  readonly spec: (value: string) => HostileSpec;
  /** report.json's text for the value, decoded once (free text is kept as written). */
  readonly json: (result: Run9) => string | undefined;
  /** The report.md (or checkpoint) lines that show the value. */
  readonly lines: (result: Run9) => string[];
  /** What the decoded line must hold. */
  readonly shows: (value: string) => string;
}

const base = backedCountClaim();
const claims = (result: Run9): JsonObject[] => (result.report?.claims as JsonObject[] | undefined) ?? [];
const mdLine = (result: Run9, start: string): string[] => (result.markdown ?? '').split('\n').filter((line) => line.startsWith(start));
const checkpointLine = (result: Run9, start: string): string[] => {
  const name = readdirSync(result.outDir).find((file) => file.startsWith('checkpoint-'));
  return name === undefined ? [] : readFileSync(path.join(result.outDir, name), 'utf8').split('\n').filter((line) => line.startsWith(start));
};

const SINKS: Record<string, Sink> = {
  'claim-text': {
    spec: (value) => ({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, claim_type: 'CONTENT_STATES', text: value }], items: [base.item] }),
    json: (result) => decodeEscapes(String((claims(result)[0]?.chain as { claim?: { text?: string } } | undefined)?.claim?.text ?? '')),
    lines: (result) => mdLine(result, '| R1').map((row) => cellsOf(row)[0] ?? ''),
    shows: (value) => value,
  },
  'pass-excerpt': {
    spec: (value) => ({ dossierText: dossier(`All tests pass, ${value}`) }),
    json: (result) => decodeEscapes(JSON.stringify((result.report?.prose as JsonObject | undefined)?.pass_assertions ?? []).length > 0 ? String((((result.report?.prose as { pass_assertions?: { listed?: { excerpt?: string }[] }[] } | undefined)?.pass_assertions ?? [])[0]?.listed ?? [])[0]?.excerpt ?? '') : ''),
    lines: (result) => mdLine(result, '- line 3'),
    shows: (value) => value,
  },
  'unparsed-region-excerpt': {
    spec: (value) => ({ dossierText: dossier(`The tool ${value} exists in the repository.`) }),
    json: (result) => decodeEscapes(String((((result.report?.prose as { unparsed_regions?: { listed?: { excerpt?: string }[] }[] } | undefined)?.unparsed_regions ?? [])[0]?.listed ?? [])[0]?.excerpt ?? '')),
    lines: (result) => mdLine(result, '- line 3, UNPARSED_REGION'),
    shows: (value) => value,
  },
  revision: {
    spec: (value) => ({ dossierText: dossier('Hello.'), revision: value }),
    json: (result) => String((result.report?.dossier as JsonObject | undefined)?.revision ?? ''),
    lines: (result) => [...mdLine(result, '- **Dossier:**'), ...checkpointLine(result, '- Inspected:')],
    shows: (value) => `revision ${value}`,
  },
  'blueprint-ref': {
    spec: (value) => ({ dossierText: dossier('Hello.'), blueprint_ref: value }),
    json: (result) => String((result.report?.dossier as JsonObject | undefined)?.blueprint_ref ?? ''),
    lines: (result) => mdLine(result, '- **Dossier:**'),
    shows: (value) => `blueprint ${value}`,
  },
};

/** What a reader of each sink misses or sees wrongly for `value`. */
function sinkProblems(result: Run9, sink: Sink, value: string): string[] {
  const ended = endedWithReport(result);
  if (ended !== undefined) return [ended];
  const problems: string[] = [];
  const json = sink.json(result);
  if (json === undefined || !json.includes(value)) problems.push(`report.json decoded once is ${JSON.stringify(json?.slice(0, 120))}`);
  const lines = sink.lines(result);
  if (lines.length === 0) problems.push('no report line shows the value');
  for (const line of lines) {
    const seen = viewMarkdown(line).text;
    if (!decodeEscapes(seen).includes(sink.shows(value))) problems.push(`a reader sees ${JSON.stringify(seen.slice(0, 160))}`);
    const raw = INVISIBLE_WHEN_RAW.exec(seen);
    if (raw !== null) problems.push(`a raw U+${raw[0].codePointAt(0)!.toString(16).toUpperCase()} is shown`);
    const hazards = gfmHazards(line);
    if (hazards.length > 0) problems.push(`GFM reads ${hazards.join(', ')} in ${JSON.stringify(line.slice(0, 160))}`);
  }
  return problems;
}

describe('packet text is shown once-escaped and whole in every sink', () => {
  for (const [sinkName, sink] of Object.entries(SINKS)) {
    for (const [name, value] of Object.entries(VALUES)) {
      it(`${sinkName}: ${name}`, async () => {
        const result = await inspect9(sink.spec(value), `esc19-${sinkName}-${name}`);
        const problems = sinkProblems(result, sink, value);
        judge(`escape:${sinkName}-${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
      }, 120_000);
    }
  }
});
