import type { ProbeRecord } from '../../../sandbox/index.js';
import type { AttestationView } from '../resources/sandbox.js';
import { condition, type Condition } from './outcome.js';

/** Conditions and evidence from the shared attestation: each named probe ran inside and behaved as expected. */
export function probeConditions(view: AttestationView, ids: readonly string[]): { conditions: Condition[]; probes: Record<string, unknown> } {
  const records = ids.map((id) => [id, view.probes.find((probe) => probe.id === id)] as const);
  const conditions: Condition[] = [condition(`the attestation ran under ${view.engine}`, view.problem === undefined && view.probes.length > 0, view.problem ?? `${view.probes.length} probes, exit ${view.exit_code}`)];
  for (const [id, record] of records) {
    conditions.push(condition(`${id} behaved as expected (${record?.expected ?? 'probe missing'})`, record?.pass === true, record?.observed ?? 'not in the evidence'));
  }
  const probes = Object.fromEntries(records.map(([id, record]: readonly [string, ProbeRecord | undefined]) => [id, record === undefined ? 'missing' : { attempt: record.attempt, observed: record.observed, pass: record.pass }]));
  return { conditions, probes: { run_id: view.run_id, engine: view.engine, evidence_file: view.evidence_file, profile_sha256: view.profile_sha256, ...probes } };
}
