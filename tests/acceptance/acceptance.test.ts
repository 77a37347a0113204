import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MATRIX } from './matrix.js';
import { runAndWriteAcceptance, type AcceptanceFiles } from './run.js';

/**
 * `npm run acceptance`: all 45 rows of SPEC §7 against the real guard, inspector and sandbox,
 * then the binding report and the Article-13/14 self-audits in out/acceptance/. A row that FAILs
 * fails its test (so the run exits non-zero); row 32 must be DEFERRED, never PASS.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
let run: AcceptanceFiles;

beforeAll(async () => {
  run = await runAndWriteAcceptance(repoRoot);
  const { PASS, FAIL, DEFERRED } = run.binding.summary;
  console.log(`acceptance: ${PASS} PASS, ${FAIL} FAIL, ${DEFERRED} DEFERRED in ${(run.binding.duration_ms / 1000).toFixed(1)} s; ${run.audit.audits.map((audit) => `${audit.article} ${audit.status}`).join(', ')}; written: ${run.files.join(', ')}`);
}, 900_000);

describe('SPEC §7 acceptance matrix (binding report: out/acceptance/acceptance-binding.md)', () => {
  for (const row of MATRIX) {
    it(`row ${row.number}: ${row.name}`, () => {
      const bound = run.binding.rows.find((entry) => entry.number === row.number);
      expect(bound, 'row missing from the binding report').toBeDefined();
      if (row.proof.includes('deferred')) expect(bound?.result).toBe('DEFERRED');
      else expect(bound?.result, bound?.reason).toBe('PASS');
    });
  }
});

describe('self-audits (out/acceptance/self-audit.md)', () => {
  for (const article of ['Article 13', 'Article 14'] as const) {
    it(`${article} is not FAIL`, () => {
      const audit = run.audit.audits.find((entry) => entry.article === article);
      expect(audit, 'audit missing').toBeDefined();
      const failing = audit?.findings.filter((entry) => entry.status === 'FAIL').map((entry) => `${entry.id}: ${entry.why ?? ''}`);
      expect(failing).toEqual([]);
    });
  }
});
