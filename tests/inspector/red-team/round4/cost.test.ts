import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import type { HostileSpec } from '../packet-gen.js';
import { manyClaims } from '../cost-gen.js';
import { inspect4, roundRoot, type Run4 } from './gen4.js';
import { createJudge } from './judge4.js';
import { danglingFlood, longItemPath, sharedSubject, wideSurfaces } from './shapes4.js';

/**
 * rt-packets4, bounded cost by size, not by time: packets within every documented limit whose
 * report grows far faster than the packet (report bytes per added packet byte, compared with
 * ordinary claims), and the limits that must end such a packet in a small BLOCKED report. Times
 * are measured by measure4.ts (figures in the rt-packets4 report).
 */
const { judge, checkAllListedRan } = createJudge('cost4');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isDirectory() ? bytesUnder(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).size), 0);
}

/** Report bytes per packet byte added between two sizes of one shape (fixed overheads cancel). */
async function marginal(make: (n: number) => HostileSpec, small: number, large: number, label: string): Promise<{ ratio: number; large: Run4; detail: string }> {
  const a = await inspect4(make(small), `${label}-${String(small)}`);
  const b = await inspect4(make(large), `${label}-${String(large)}`);
  const packet = bytesUnder(b.packetDir) - bytesUnder(a.packetDir);
  const report = bytesUnder(b.outDir) - bytesUnder(a.outDir);
  return { ratio: report / packet, large: b, detail: `+${String(packet)} packet bytes gave +${String(report)} report bytes` };
}

// Ordinary claims cost about 8 report bytes per packet byte (a claim's chain, scope and stamps);
// twice that is the most any shape within the limits should reach.
const MAX_MARGINAL = 16;

describe('report bytes per packet byte stay near those of ordinary claims', () => {
  it('control: ordinary count claims', async () => {
    const { ratio, detail } = await marginal(manyClaims, 100, 400, 'ordinary');
    judge('cost4:control-ordinary-claims', ratio <= MAX_MARGINAL ? undefined : `ordinary claims already give ${ratio.toFixed(1)} report bytes per packet byte (${detail})`);
  }, 120_000);
  const shapes: Record<string, [(n: number) => HostileSpec, number, number]> = {
    // 400 tiny uncited run logs name one subject; every claim on it lists all 400 in its chain.
    'shared-subject-uncited-logs': [(n) => sharedSubject(n, 400), 10, 40],
    // 64 surfaces of 256 characters (both at their limits), repeated in every claim's scope of denial.
    'wide-surfaces-scope': [wideSurfaces, 100, 400],
    // A 64 KiB item path (free text, no length limit) copied into every claim that binds the item.
    'long-item-path-echo': [longItemPath, 25, 100],
    // 256 dangling 128-character ids per claim: each is named in the reasons and report.md.
    'dangling-flood': [danglingFlood, 5, 20],
  };
  for (const [name, [make, small, large]] of Object.entries(shapes)) {
    it(name, async () => {
      const { ratio, large: run, detail } = await marginal(make, small, large, name);
      const ended = run.report === undefined ? 'no report.json' : undefined;
      judge(`cost4:${name}`, ended ?? (ratio <= MAX_MARGINAL ? undefined : `${ratio.toFixed(0)} report bytes per packet byte (${detail}), limit ${String(MAX_MARGINAL)}`));
    }, 180_000);
  }
});

describe('the limits end these shapes in a small BLOCKED report naming the limit (guards)', () => {
  // Surfaces and item paths have their own limits now (cost5), which refuse these shapes before any report is sized.
  async function limited(spec: HostileSpec, label: string, limits: Record<string, number>, ...snakes: string[]): Promise<string | undefined> {
    const result = await inspect4(spec, label, { limits });
    const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
    if (result.verdict !== 'BLOCKED' || !snakes.some((snake) => reasons.includes(`limits/${snake}`))) return `${result.verdict}, blocked_reasons ${reasons.slice(0, 200)}`;
    const size = bytesUnder(result.outDir);
    return size > 256 * 1024 ? `BLOCKED report is ${String(size)} bytes` : undefined;
  }
  it('shared subject over maxEvidenceEntries', async () => {
    judge('cost4:limit-evidence-entries-shared-subject', await limited(sharedSubject(100, 400), 'limit-entries', { maxEvidenceEntries: 10_000 }, 'max_evidence_entries'));
  }, 120_000);
  it('wide surfaces over maxReportBytes', async () => {
    judge('cost4:limit-report-bytes-wide-surfaces', await limited(wideSurfaces(400), 'limit-report', { maxReportBytes: 2 * 1024 * 1024 }, 'max_report_bytes', 'max_allowed_surfaces_bytes'));
  }, 120_000);
  it('long item path over maxReportBytes', async () => {
    judge('cost4:limit-report-bytes-long-item-path', await limited(longItemPath(100), 'limit-report-path', { maxReportBytes: 2 * 1024 * 1024 }, 'max_report_bytes', 'max_item_path_bytes'));
  }, 120_000);
});
