import { beforeAll, describe, expect, it } from 'vitest';
import { MATRIX_ROW_PROBES, PROBE_IDS, runAttestation, type AttestationEvidence, type ProbeRecord } from '../../sandbox/index.js';
import { requireEngine } from './helpers/engines.js';

/**
 * The twelve SPEC §6 probes against the real bubblewrap sandbox, and the proof each matrix row
 * needs (rows 25, 27, 28, 29, 33, 34, 35, 36): the errno or table the kernel actually returned.
 */
let evidence: AttestationEvidence;
const probe = (id: string): ProbeRecord => {
  const record = evidence.probes.find((candidate) => candidate.id === id);
  if (record === undefined) throw new Error(`probe ${id} missing from the evidence`);
  return record;
};

beforeAll(async () => {
  requireEngine('bwrap');
  const result = await runAttestation('bwrap');
  if (!result.ok) throw new Error(result.line);
  evidence = result.evidence;
});

describe('tki attest under bwrap', () => {
  it('runs every probe and every one behaves as expected', () => {
    expect(evidence.probes.map((record) => record.id)).toEqual([...PROBE_IDS]);
    expect(evidence.probes.filter((record) => !record.pass)).toEqual([]);
    expect(evidence.passed).toBe(PROBE_IDS.length);
  });
  it('records engine, kernel, digests and time', () => {
    expect(evidence.engine).toBe('bwrap');
    expect(evidence.engine_version).toMatch(/^bubblewrap \d/);
    expect(evidence.kernel).not.toBe('');
    expect(evidence.profile_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(evidence.seccomp_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isNaN(Date.parse(evidence.time))).toBe(false);
    expect(evidence).toMatchObject({ decision_effect: 'NONE', may_gate: false, exec_lock: { ok: true } });
  });
  it('P1 confirms every invariant inside', () => {
    expect(evidence.self_check.filter((result) => !result.confirmed)).toEqual([]);
  });
});

describe('matrix rows against the real sandbox (bwrap)', () => {
  it('row 25: no process starts — execve is denied even for the node binary that is present', () => {
    expect(probe('PR-EXEC-1').observed).toMatch(/^\/bin\/sh: EPERM; \/\S+\/node: EPERM$/);
  });
  it('row 27: network egress — socket() and connect are EPERM, only lo exists', () => {
    expect(probe('PR-NET-1').observed).toBe('1.1.1.1:443 EPERM; 127.0.0.1:5432 EPERM; 127.0.0.1:8055 EPERM');
    expect(probe('PR-NET-2').observed).toBe('lo');
    expect(probe('PR-SOCK-1').observed).toBe('EPERM');
  });
  it('row 28: the environment holds only the fixed keys', () => {
    expect(probe('PR-ENV-1').observed).toBe('[HOME,HOSTNAME,PWD]');
  });
  it('row 29: host paths are unreachable and the mount table is exactly /in ro + runtime ro, nothing writable but kernel files', () => {
    for (const entry of probe('PR-FS-ESC-2').observed.split('; ')) expect(entry).toMatch(/ (ENOENT|EACCES)$/);
    const table = probe('PR-MOUNT-1').observed.split(' | ');
    expect(table.filter((entry) => / rw /.test(entry) && !/ (proc|devpts|devtmpfs) /.test(entry) && !/^\/dev\/(null|zero|full|random|urandom) /.test(entry))).toEqual([]);
    expect(table.find((entry) => entry.startsWith('/in '))).toMatch(/^\/in ro /);
    expect(table.find((entry) => entry.startsWith('/ '))).toMatch(/^\/ ro /);
  });
  it('row 33: no host path is writable; the report leaves over the channel and the launcher writes it, 0644, as the operator', () => {
    // Once locked, no open for writing reaches a filesystem: seccomp answers EPERM first (the mounts'
    // own read-only flags are row 29's mount table).
    expect(probe('PR-FS-ESC-1').observed).toBe('/tki-probe EPERM; /etc/tki-probe EPERM; /opt/tki/tki-probe EPERM');
    expect(probe('PR-FS-RO-IN').observed).toBe('EPERM');
    expect(probe('PR-FS-OUT-OK').observed).toMatch(/launcher: written: report\.json, report\.md, checkpoint-attestation\.md$/);
    expect(probe('PR-SUID-1').observed).toContain(`report.json 0644 uid ${process.getuid?.() ?? -1}`);
  });
  it('rows 34 and 35: a KB (8055) or PostgreSQL (5432) connection cannot even get a socket', () => {
    expect(probe('PR-NET-1').observed).toContain('127.0.0.1:5432 EPERM');
    expect(probe('PR-NET-1').observed).toContain('127.0.0.1:8055 EPERM');
  });
  it('row 36: no container engine socket exists inside', () => {
    for (const entry of probe('PR-SOCK-DOCKER').observed.split('; ')) expect(entry).toMatch(/ lstat ENOENT connect (EPERM|ENOENT)$/);
  });
  it('every row the acceptance binding maps to probes has all of them passing', () => {
    for (const [row, ids] of Object.entries(MATRIX_ROW_PROBES)) {
      expect({ row, failing: ids.filter((id) => !probe(id).pass) }).toEqual({ row, failing: [] });
    }
  });
  it('ptrace is denied', () => {
    expect(probe('PR-PTRACE-1').observed).toBe('EPERM');
  });
});
