import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPacket } from '../../src/index.js';
import { bindRow, buildBindingReport, type BindingReport, type RowOutcome } from './binding.js';
import { sha256OfFile, type RunRecord } from './evidence.js';
import { MATRIX } from './matrix.js';
import { inputToken } from './self-audit/article14.js';
import { runSelfAudits, type ArticleAudit } from './self-audit/index.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';

/**
 * The self-audits must catch what they promise to catch: a prose-only PASS, a PASS citing a run
 * that never happened, an artifact changed after the fact, a deferred row reported as PASS, an
 * L1 row proved outside the sandbox, and a report relying on an item that fails provenance.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'tki-self-audit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function artifactRun(id: string, command: readonly string[]): RunRecord {
  const file = path.join(scratch, `${id}.txt`);
  writeFileSync(file, `output of ${id}\n`);
  return { id, what: id, command, started_at: new Date(0).toISOString(), duration_ms: 1, exit_code: 2, inputs: [], artifacts: [{ path: file, sha256: sha256OfFile(file) }] };
}

/** A binding where every row is well backed: the control every mutation below departs from. */
function wellFormed(overrides: Readonly<Record<number, RowOutcome>> = {}, runs: readonly RunRecord[] = [artifactRun('r1', ['tki', 'run', '--engine', 'bwrap'])]): BindingReport {
  const rows = MATRIX.map((row) => {
    const proofs = Object.fromEntries(row.proof.filter((kind) => kind !== 'deferred').map((kind) => [kind, { captured: kind }]));
    const outcome: RowOutcome = row.proof.includes('deferred')
      ? { result: 'DEFERRED', attempted: 'nothing', evidence: { runs: [], conditions: [] }, reason: 'L5' }
      : { result: 'PASS', attempted: 'ran it', evidence: { runs: ['r1'], conditions: [{ statement: 'it held', holds: true, observed: 'yes' }], ...proofs, used: row.inputs.map(inputToken) } };
    return bindRow(row, overrides[row.number] ?? outcome);
  });
  return buildBindingReport(rows, runs, new Date(0), 1);
}

async function article14(binding: BindingReport): Promise<ArticleAudit> {
  const audit = (await runSelfAudits(binding, { repoRoot, outRoot: scratch })).audits.find((entry) => entry.article === 'Article 14');
  if (audit === undefined) throw new Error('no Article 14 audit');
  return audit;
}

const statusOf = (audit: ArticleAudit, id: string): string | undefined => audit.findings.find((entry) => entry.id === id)?.status;

describe('Article 14 self-audit', () => {
  it('control: a binding whose rows all cite real runs and observed conditions passes', async () => {
    const audit = await article14(wellFormed());
    expect(audit.findings.filter((entry) => entry.status !== 'PASS')).toEqual([]);
    expect(audit.status).toBe('PASS');
  });

  it('fails a prose-only PASS (no run, no condition)', async () => {
    const audit = await article14(wellFormed({ 22: { result: 'PASS', attempted: 'said so', evidence: { note: 'trust me' } } }));
    expect(statusOf(audit, 'a14-evidence-backed')).toBe('FAIL');
    expect(audit.status).toBe('FAIL');
  });

  it('fails a PASS citing a run the log does not hold', async () => {
    const audit = await article14(wellFormed({ 1: { result: 'PASS', attempted: 'x', evidence: { runs: ['never-ran'], conditions: [{ statement: 's', holds: true, observed: 1 }], 'report-fields': { a: 1 } } } }));
    expect(statusOf(audit, 'a14-evidence-backed')).toBe('FAIL');
  });

  it('fails when an artifact changed after the row was judged', async () => {
    const runs = [artifactRun('r1', ['tki', 'run', '--engine', 'bwrap'])];
    writeFileSync(runs[0]?.artifacts[0]?.path ?? '', 'edited afterwards\n');
    expect(statusOf(await article14(wellFormed({}, runs)), 'a14-artifacts-intact')).toBe('FAIL');
  });

  it('fails a PASS row whose evidence and runs never touched the fixture the matrix names', async () => {
    const audit = await article14(wellFormed({ 43: { result: 'PASS', attempted: 'x', evidence: { runs: ['r1'], conditions: [{ statement: 's', holds: true, observed: 1 }], 'report-fields': { packet: 'some-other-packet' } } } }));
    expect(statusOf(audit, 'a14-inputs-used')).toBe('FAIL');
  });

  it('fails the deferred row reported as PASS', async () => {
    const audit = await article14(wellFormed({ 32: { result: 'PASS', attempted: 'x', evidence: { runs: ['r1'], conditions: [{ statement: 's', holds: true, observed: 1 }] } } }));
    expect(statusOf(audit, 'a14-no-silent-results')).toBe('FAIL');
  });

  it('fails an L1 row whose runs never entered the sandbox', async () => {
    const runs = [artifactRun('r1', ['tki', 'run', '--engine', 'bwrap']), artifactRun('r2', ['node', '-e', 'plain'])];
    const audit = await article14(wellFormed({ 36: { result: 'PASS', attempted: 'x', evidence: { runs: ['r2'], conditions: [{ statement: 's', holds: true, observed: 1 }], probe: { a: 1 } } } }, runs));
    expect(statusOf(audit, 'a14-real-sandbox')).toBe('FAIL');
  });
});

describe('Article 13 self-audit', () => {
  async function auditOfRun(tamper: boolean): Promise<ArticleAudit> {
    const packet = path.join(scratch, tamper ? 'tampered' : 'intact');
    cpSync(path.join(repoRoot, 'fixtures/packets/real-dossier-flawless'), packet, { recursive: true });
    const out = path.join(packet, '..', `${path.basename(packet)}-out`);
    await inspectToDirectory({ packetPath: packet, outDir: out, name: 'audit' });
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { claims: Array<{ chain: { evidence_capability: Array<{ item_ids: string[]; provenanced: boolean }> } }> };
    if (tamper) {
      // After the run, change the content of an item a claim relied on: its hash no longer reproduces.
      const used = report.claims.flatMap((claim) => claim.chain.evidence_capability.filter((group) => group.provenanced).flatMap((group) => group.item_ids));
      const items = (JSON.parse(readFileSync(path.join(packet, 'packet.json'), 'utf8')) as { items: Array<{ item_id: string; content_file?: string }> }).items;
      const target = items.find((item) => used.includes(item.item_id) && item.content_file !== undefined);
      if (target?.content_file === undefined) throw new Error('the fixture has no used item with a content file');
      writeFileSync(path.join(packet, target.content_file), 'tampered after the run\n');
    }
    const reportFile = path.join(out, 'report.json');
    const run: RunRecord = { id: 'r1', what: 'inspect', command: ['inspectPacket'], started_at: new Date(0).toISOString(), duration_ms: 1, exit_code: 2, inputs: [packet], artifacts: [{ path: reportFile, sha256: sha256OfFile(reportFile) }] };
    const audit = (await runSelfAudits(wellFormed({}, [run]), { repoRoot, outRoot: scratch })).audits.find((entry) => entry.article === 'Article 13');
    if (audit === undefined) throw new Error('no Article 13 audit');
    return audit;
  }

  it('control: the flawless dossier relies only on items that pass the independent provenance check', async () => {
    expect(statusOf(await auditOfRun(false), 'a13-provenanced-facts')).toBe('PASS');
  });

  it('fails when an item a claim relied on does not reproduce its hash', async () => {
    const audit = await auditOfRun(true);
    expect(statusOf(audit, 'a13-provenanced-facts')).toBe('FAIL');
    expect(audit.status).toBe('FAIL');
  });
});
