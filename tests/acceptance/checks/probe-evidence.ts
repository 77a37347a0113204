import { DEFAULT_PROFILE, type ProbeRecord } from '../../../sandbox/index.js';
import type { AttestationView } from '../resources/sandbox.js';
import { condition, type Condition } from './outcome.js';

/**
 * The L1 rows do not take a probe's own `pass` on trust: each observed value is re-read here
 * against the SPEC §6 expectation, written independently of sandbox/probes/.
 */
const lastCodes = (observed: string): string[] => observed.split('; ').map((entry) => entry.trim().split(/\s+/).pop() ?? '');
const allIn = (codes: readonly string[], allowed: readonly string[]): boolean => codes.length > 0 && codes.every((code) => allowed.includes(code));

function mountTableHolds(observed: string): boolean {
  const table = observed.split(' | ');
  const writable = table.filter((entry) => entry.split(' ')[1] === 'rw').map((entry) => entry.split(' ')[0] ?? '');
  // Kernel pseudo-filesystems (proc, the device nodes) are not host paths; nothing else may be writable (the report leaves over a descriptor).
  const hostWritable = writable.filter((target) => target !== '/proc' && !target.startsWith('/dev/'));
  return hostWritable.length === 0 && table.some((entry) => entry.startsWith(`${DEFAULT_PROFILE.packet.target} ro `)) && table.some((entry) => entry.startsWith('/ ro '));
}

function envHolds(observed: string): boolean {
  const keys = observed.replace(/^\[|\]$/g, '').split(',').filter((key) => key !== '');
  const allowed = Object.keys(DEFAULT_PROFILE.env);
  const secretLike = DEFAULT_PROFILE.secretKeyPatterns.map((source) => new RegExp(source, 'i'));
  return keys.every((key) => allowed.includes(key) && !secretLike.some((pattern) => pattern.test(key)));
}

export const REJUDGE: Readonly<Record<string, { readonly rule: string; readonly holds: (observed: string) => boolean }>> = {
  'PR-EXEC-1': { rule: 'every exec attempt ends EPERM or ENOENT', holds: (observed) => allIn(lastCodes(observed), ['EPERM', 'ENOENT']) },
  'PR-NET-1': { rule: 'every connection ends EPERM or unreachable', holds: (observed) => allIn(lastCodes(observed), ['EPERM', 'EACCES', 'ENETUNREACH', 'EHOSTUNREACH']) },
  'PR-NET-2': { rule: 'the only interface is lo', holds: (observed) => observed === 'lo' },
  'PR-SOCK-1': { rule: 'socket() is EPERM', holds: (observed) => observed === 'EPERM' },
  'PR-ENV-1': { rule: "the keys are the profile's fixed keys and none is secret-like", holds: envHolds },
  'PR-FS-ESC-1': { rule: 'every write outside /out ends EROFS, EACCES, EPERM or ENOENT', holds: (observed) => allIn(lastCodes(observed), ['EROFS', 'EACCES', 'EPERM', 'ENOENT']) },
  'PR-FS-ESC-2': { rule: 'every host path read ends ENOENT or EACCES', holds: (observed) => allIn(lastCodes(observed), ['ENOENT', 'EACCES']) },
  'PR-MOUNT-1': { rule: 'the only writable host mount is /out; /in and / are read-only', holds: mountTableHolds },
  'PR-FS-RO-IN': { rule: 'writing /in is EROFS', holds: (observed) => observed === 'EROFS' },
  'PR-FS-OUT-OK': { rule: 'writing /out succeeds (positive control)', holds: (observed) => observed === 'ok' },
  'PR-SOCK-DOCKER': { rule: 'every engine socket is absent (lstat ENOENT) and cannot be connected', holds: (observed) => observed.split('; ').every((entry) => / lstat ENOENT connect (EPERM|ENOENT)$/.test(entry)) },
  'PR-PTRACE-1': { rule: 'ptrace is EPERM', holds: (observed) => observed === 'EPERM' },
};

/** Conditions and evidence from the shared attestation: each named probe ran inside, passed, and its observation re-reads as expected. */
export function probeConditions(view: AttestationView, ids: readonly string[]): { conditions: Condition[]; probes: Record<string, unknown> } {
  const records = ids.map((id) => [id, view.probes.find((probe) => probe.id === id)] as const);
  const conditions: Condition[] = [condition(`the attestation ran under ${view.engine}`, view.problem === undefined && view.probes.length > 0, view.problem ?? `${view.probes.length} probes, exit ${view.exit_code}`)];
  for (const [id, record] of records) {
    const rejudge = REJUDGE[id];
    const observed = record?.observed ?? 'not in the evidence';
    conditions.push(condition(`${id}: ${rejudge?.rule ?? 'behaves as expected'} (probe verdict and re-read)`, record?.pass === true && rejudge !== undefined && rejudge.holds(observed), observed));
  }
  const probes = Object.fromEntries(records.map(([id, record]: readonly [string, ProbeRecord | undefined]) => [id, record === undefined ? 'missing' : { attempt: record.attempt, observed: record.observed, pass: record.pass }]));
  return { conditions, probes: { run_id: view.run_id, engine: view.engine, evidence_file: view.evidence_file, profile_sha256: view.profile_sha256, ...probes } };
}
