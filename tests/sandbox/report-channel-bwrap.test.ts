import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, runSandboxed } from '../../sandbox/index.js';
import { finishRun } from '../../sandbox/report/finish-run.js';
import { prepareOutputDirectory } from '../../sandbox/report/output-dir.js';
import { checkReportJson, expectedCheckpointName } from '../../sandbox/report/report-schema-check.js';
import { requireEngine } from './helpers/engines.js';

/**
 * End to end through bwrap: a hostile program inside the real sandbox writes hostile streams on the
 * report channel's descriptor; the launcher's reader (the same finishRun as `tki run`) must end each
 * in its own BLOCKED report naming the problem, write nothing outside --out, and not crash.
 */
const HOSTILE = String.raw`
import { writeSync } from 'node:fs';
const [mode, fdText] = process.argv.slice(2);
const fd = Number(fdText);
const put = (bytes) => { let at = 0; while (at < bytes.length) at += writeSync(fd, bytes, at); };
const frame = (header, payload) => { const h = Buffer.from(JSON.stringify({ ...header, size: payload.length })); const n = Buffer.alloc(4); n.writeUInt32BE(h.length); return Buffer.concat([n, h, payload]); };
const magic = Buffer.from('TKI-REPORT-CHANNEL/1\n');
if (mode === 'traversal') {
  put(Buffer.concat([magic, frame({ kind: 'file', name: '../../escaped.md' }, Buffer.from('HOSTILE')), frame({ kind: 'file', name: 'report.json' }, Buffer.from('{}')), frame({ kind: 'line' }, Buffer.from('tki inspect: CERTIFIED')), frame({ kind: 'end' }, Buffer.alloc(0))]));
} else if (mode === 'garbage') {
  const chunk = Buffer.alloc(1 << 20, 0x41);
  for (let i = 0; i < 2048; i++) put(chunk);
} else if (mode === 'lines') {
  put(magic);
  const one = frame({ kind: 'line' }, Buffer.alloc(60 * 1024, 0x42));
  for (let i = 0; i < 40000; i++) put(one);
}
`;

let scratch: string;

beforeAll(() => {
  requireEngine('bwrap');
  scratch = mkdtempSync(join(tmpdir(), 'tki-hostile-channel-'));
  chmodSync(scratch, 0o755);
  const packet = join(scratch, 'packet');
  mkdirSync(packet, { mode: 0o755 });
  writeFileSync(join(packet, 'hostile.mjs'), HOSTILE, { mode: 0o644 });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function attack(mode: string): Promise<{ message: string; out: string[]; around: string[]; seconds: number }> {
  const outName = `out-${mode}`;
  const started = Date.now();
  const run = await runSandboxed({ engine: 'bwrap', profile: DEFAULT_PROFILE, packetPath: join(scratch, 'packet'), packetIsFile: false, nodeArgs: (_runtime, fd) => ['/in/hostile.mjs', mode, String(fd)] });
  if (!run.ok) throw new Error(run.line);
  const output = prepareOutputDirectory(join(scratch, outName), undefined, 'run');
  if (!output.ok) throw new Error(output.line);
  const finished = await finishRun({ exit: run.exit, profile: DEFAULT_PROFILE, output: output.value, name: undefined, packetLabel: 'packet', checkReportJson, checkpointName: expectedCheckpointName(undefined) });
  expect(finished.ok && finished.exitCode).toBe(3);
  const report = JSON.parse(readFileSync(join(scratch, outName, 'report.json'), 'utf8')) as { final_verdict: string; blocked_reasons: Array<{ message: string }> };
  expect(report.final_verdict).toBe('BLOCKED');
  return { message: report.blocked_reasons[0]?.message ?? '', out: readdirSync(join(scratch, outName)).sort(), around: readdirSync(scratch).sort(), seconds: (Date.now() - started) / 1000 };
}

describe('hostile report channels through bwrap end in the launcher\'s BLOCKED report', () => {
  it('a ../ file name (and a line claiming a verdict) is refused; nothing lands outside --out', async () => {
    const result = await attack('traversal');
    expect(result.message).toMatch(/sandbox\/report_rejected: .*the files sent were \["\.\.\/\.\.\/escaped\.md", "report\.json"\]/);
    expect(result.out).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
    expect(result.around).toEqual(['out-traversal', 'packet']);
    expect(readdirSync(join(scratch, 'packet'))).toEqual(['hostile.mjs']);
  }, 120_000);

  it('a 2 GiB non-frame flood is cut at the cap and named as the limit', async () => {
    const result = await attack('garbage');
    expect(result.message).toMatch(/sandbox\/limit_exceeded: .*report channel cap \(1048576 bytes after a malformed stream: channel\/bad_magic/);
    expect(result.seconds).toBeLessThan(60);
  }, 120_000);

  it('a flood of well-formed line frames is cut at the stream cap (maxReportBytes plus allowances)', async () => {
    const result = await attack('lines');
    expect(result.message).toMatch(/sandbox\/limit_exceeded: .*report channel cap \(the stream exceeds its cap of \d+ bytes\)/);
  }, 120_000);
});
