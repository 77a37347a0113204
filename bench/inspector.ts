import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './types.js';
import { INSPECT_CHILD, runChild, type ChildResult } from './inspector-child.js';
import { hostileResults, refusedResults } from './inspector-hostile.js';
import { proseResults } from './inspector-prose.js';
import { generatePacket } from './inspector-packet.js';
import { median } from './stats.js';

/**
 * Inspector throughput (issue 4): a generated packet of 100,000 items / ~1 GB of content files.
 * Floor: reading the same bytes (packet.json and every content file) and computing their
 * sha256, in the same run, the plainest fast way (synchronous reads, one file after another). Each measurement runs in its own
 * child process so that its peak RSS is its own; times are taken inside the child (no start-up).
 * A second, ten-times-smaller-content packet with the same item count shows that peak memory
 * does not grow with content size.
 *
 * TKI_BENCH_INSPECTOR_ITEMS and TKI_BENCH_INSPECTOR_ITEM_BYTES shrink the packet for a quick
 * local run; `npm run bench` uses the defaults.
 */
const ITEMS = Number(process.env.TKI_BENCH_INSPECTOR_ITEMS ?? 100_000);
const ITEM_BYTES = Number(process.env.TKI_BENCH_INSPECTOR_ITEM_BYTES ?? 10_000);
/** Rounds per side for the throughput comparison (paired, floor first); the RSS check needs fewer. */
const ROUNDS = 7;
const RSS_ROUNDS = 3;

const here = path.dirname(fileURLToPath(import.meta.url));
const inspectorUrl = pathToFileURL(path.join(here, '..', 'src', 'index.js')).href;


/** What parsing and validating packet.json alone costs (JSON.parse, strict zod per item, manifest): shown, not compared. */
const PARSE_CHILD = `
import { readFileSync } from 'node:fs';
import path from 'node:path';
const [packetPath, url] = process.argv.slice(1);
const { parsePacketText, checkManifest } = await import(url);
const started = performance.now();
const parsed = parsePacketText(readFileSync(path.join(packetPath, 'packet.json'), 'utf8'));
checkManifest(parsed.header, parsed.items);
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS }));
`;

/**
 * The floor: the same bytes, each step done with the plainest fast API (readFileSync one file after
 * another, the one-shot crypto.hash that the inspector uses too), nothing else.
 */
const FLOOR_CHILD = `
import { readFileSync, readdirSync } from 'node:fs';
import { hash } from 'node:crypto';
import path from 'node:path';
const [packetPath] = process.argv.slice(1);
const started = performance.now();
hash('sha256', readFileSync(path.join(packetPath, 'packet.json')), 'hex');
let bytes = 0;
for (const shard of readdirSync(path.join(packetPath, 'c')).sort()) {
  for (const name of readdirSync(path.join(packetPath, 'c', shard)).sort()) {
    const content = readFileSync(path.join(packetPath, 'c', shard, name));
    bytes += content.length;
    hash('sha256', content, 'hex');
  }
}
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, bytes }));
`;

const MIB = 1024;

async function measure(packetDir: string, outDir: string, rounds: number): Promise<{ inspector: ChildResult[]; floor: ChildResult[] }> {
  await runChild(FLOOR_CHILD, [packetDir]); // warm the page cache for both sides
  const inspector: ChildResult[] = [];
  const floor: ChildResult[] = [];
  for (let round = 0; round < rounds; round += 1) {
    floor.push(await runChild(FLOOR_CHILD, [packetDir]));
    inspector.push(await runChild(INSPECT_CHILD, [packetDir, outDir, inspectorUrl]));
  }
  return { inspector, floor };
}

export const bench: BenchModule = {
  title: `Inspector: ${ITEMS.toLocaleString('en')} items × ${ITEM_BYTES.toLocaleString('en')} bytes vs read+sha256 floor`,
  async run(): Promise<BenchResult[]> {
    const root = mkdtempSync(path.join(tmpdir(), 'tki-bench-inspector-'));
    try {
      const large = path.join(root, 'large');
      const small = path.join(root, 'small');
      generatePacket(large, ITEMS, ITEM_BYTES);
      const { inspector, floor } = await measure(large, path.join(root, 'out-large'), ROUNDS);
      const parseOnly: ChildResult[] = [];
      for (let round = 0; round < RSS_ROUNDS; round += 1) parseOnly.push(await runChild(PARSE_CHILD, [large, inspectorUrl]));
      rmSync(large, { recursive: true, force: true });
      generatePacket(small, ITEMS, Math.max(100, Math.floor(ITEM_BYTES / 10)));
      const smaller = await measure(small, path.join(root, 'out-small'), RSS_ROUNDS);
      const inspectorMs = median(inspector.map((result) => result.ms));
      const floorMs = median(floor.map((result) => result.ms));
      const peakLarge = Math.max(...inspector.map((result) => result.maxRssKiB)) / MIB;
      const peakSmall = Math.max(...smaller.inspector.map((result) => result.maxRssKiB)) / MIB;
      const contentMiB = (ITEMS * ITEM_BYTES) / (1024 * 1024);
      return [
        {
          name: `inspect ${ITEMS.toLocaleString('en')}-item packet vs read+sha256 of the same bytes`,
          ratio: inspectorMs / floorMs,
          target: 1.5,
          details: {
            items: ITEMS,
            content_MiB: Math.round(contentMiB),
            inspector_median_ms: Math.round(inspectorMs),
            floor_median_ms: Math.round(floorMs),
            // Each round runs the floor and the inspector back to back: robust to load drifting over the run.
            paired_ratio_median: median(inspector.map((result, round) => result.ms / (floor[round]?.ms ?? result.ms))).toFixed(3),
            parse_and_validate_median_ms: Math.round(median(parseOnly.map((result) => result.ms))),
            inspector_peak_rss_MiB: Math.round(peakLarge),
            floor_peak_rss_MiB: Math.round(Math.max(...floor.map((result) => result.maxRssKiB)) / MIB),
            exit_code: inspector[0]?.exitCode ?? -1,
          },
        },
        {
          name: 'peak RSS: 10× content vs same items with 1/10 content',
          ratio: peakLarge / peakSmall,
          target: 1.25,
          details: { peak_rss_large_MiB: Math.round(peakLarge), peak_rss_small_MiB: Math.round(peakSmall), small_content_MiB: Math.round(contentMiB / 10) },
        },
        ...(await hostileResults()),
        ...(await refusedResults()),
        ...(await proseResults()),
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
