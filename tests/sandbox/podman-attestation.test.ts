import { beforeAll, describe, expect, it } from 'vitest';
import { PROBE_IDS, runAttestation, type AttestationEvidence } from '../../sandbox/index.js';
import { requireEngine } from './helpers/engines.js';

/** The same twelve probes under podman (runc, local FROM-scratch image, OCI seccomp JSON). */
let evidence: AttestationEvidence;

beforeAll(async () => {
  requireEngine('podman');
  const result = await runAttestation('podman');
  if (!result.ok) throw new Error(result.line);
  evidence = result.evidence;
}, 300_000);

describe('tki attest under podman', () => {
  it('runs every probe and every one behaves as expected', () => {
    expect(evidence.probes.map((record) => record.id)).toEqual([...PROBE_IDS]);
    expect(evidence.probes.filter((record) => !record.pass)).toEqual([]);
    expect(evidence.engine_version).toMatch(/^podman version \d/);
  });
  it('P1 confirms every invariant inside, including the exec lock node installs on itself', () => {
    expect(evidence.self_check.filter((result) => !result.confirmed)).toEqual([]);
    expect(evidence.exec_lock).toEqual({ ok: true });
  });
  it('the only writable mount is /proc: no host path is writable', () => {
    const table = evidence.probes.find((record) => record.id === 'PR-MOUNT-1')?.observed.split(' | ') ?? [];
    expect(table.filter((entry) => / rw /.test(entry)).map((entry) => entry.split(' ')[0]).sort()).toEqual(['/proc']);
  });
});
