import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifestHash, sha256Ref } from '../src/index.js';
import type { BenchModule, BenchResult } from './types.js';
import { INSPECT_CHILD, runChild, type ChildResult } from './inspector-child.js';
import { hostileResults } from './inspector-hostile.js';
import { proseResults } from './inspector-prose.js';
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

const sha = sha256Ref;

/** Writes the packet; content files live in 100 subdirectories as an exporter would shard them. */
export function generatePacket(root: string, items: number, itemBytes: number, dossierText = '# DOS-BENCH-V1\n\n- B1: The archive archive/part-000000.txt exists.\n'): void {
  const base = Buffer.alloc(itemBytes);
  for (let index = 0; index < itemBytes; index += 1) base[index] = 97 + ((index * 7919) % 26);
  const records: Array<Record<string, unknown>> = [];
  for (let index = 0; index < items; index += 1) {
    const id = String(index).padStart(6, '0');
    const relative = `c/${id.slice(0, 3)}/${id}.txt`;
    const content = Buffer.from(base);
    content.write(`item ${id}\n`, 0);
    mkdirSync(path.join(root, path.dirname(relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
    records.push({
      item_id: `item-${id}`,
      kind: 'ARTIFACT_CONTENT',
      path: `archive/part-${id}.txt`,
      media_type: 'text/plain',
      content_file: relative,
      source_metadata: { governed_surface: 'kb', named_query_id_or_kb_path: `archive/part-${id}.txt`, observation_ts: '2026-11-19T08:00:00Z', source_revision: 'r1', content_hash: sha(content) },
    });
  }
  records.push({
    item_id: 'dossier',
    kind: 'KB_DOCUMENT',
    path: 'dossiers/DOS-BENCH-V1.md',
    media_type: 'text/markdown',
    content: dossierText,
    source_metadata: { governed_surface: 'kb', named_query_id_or_kb_path: 'dossiers/DOS-BENCH-V1.md', observation_ts: '2026-11-19T08:00:00Z', source_revision: 'r1', content_hash: sha(dossierText) },
  });
  const manifest = manifestHash(records.map((record) => ({ itemId: String(record.item_id), contentHash: String((record.source_metadata as Record<string, unknown>).content_hash) })));
  const packet = {
    schema: 'b7-governed-packet/v1',
    packet_id: 'PKT-BENCH',
    packet_as_of: '2026-11-20T12:00:00Z',
    source_mode: 'PACKET_DERIVED',
    freshness: 'AS_OF_EXPORT',
    max_item_age_days: 30,
    export_operator: { role: 'ro', database: 'db', gateway: 'gw', role_attributes: { rolsuper: false, createrole: false, createdb: false, bypassrls: false } },
    decision_effect: 'NONE',
    may_gate: false,
    allowed_surfaces: ['kb'],
    manifest_hash: manifest,
    dossier: {
      document_id: 'DOS-BENCH-V1',
      blueprint_ref: 'BP-BENCH',
      revision: '1',
      item_id: 'dossier',
      claims: [{ claim_id: 'B1', text: 'The archive archive/part-000000.txt exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'archive/part-000000.txt', evidence_refs: ['item-000000'] }],
    },
    items: records,
  };
  writeFileSync(path.join(root, 'packet.json'), JSON.stringify(packet));
}


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
        ...(await proseResults()),
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
