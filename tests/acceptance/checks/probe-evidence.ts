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

const trials = (observed: string): string[] => observed.split('; ');

function suidHolds(observed: string): boolean {
  const match = /launcher wrote: (.*) \(operator uid (\d+)\)$/.exec(observed);
  if (match === null) return false;
  const files = (match[1] ?? '').split('; ');
  return files.length === 3 && files.every((entry) => new RegExp(`^\\S+ 0644 uid ${match[2] ?? 'x'}$`).test(entry));
}

function hostUidsHold(observed: string): boolean {
  const pairs = /inside->host (.*)$/.exec(observed)?.[1]?.split(' ') ?? [];
  return pairs.length === 4 && pairs.every((pair) => /^\d+->[1-9]\d*$/.test(pair));
}

export const REJUDGE: Readonly<Record<string, { readonly rule: string; readonly holds: (observed: string) => boolean }>> = {
  'PR-EXEC-1': { rule: 'every exec attempt ends EPERM or ENOENT', holds: (observed) => allIn(lastCodes(observed), ['EPERM', 'ENOENT']) },
  'PR-NET-1': { rule: 'every connection ends EPERM or unreachable', holds: (observed) => allIn(lastCodes(observed), ['EPERM', 'EACCES', 'ENETUNREACH', 'EHOSTUNREACH']) },
  'PR-NET-2': { rule: 'the only interface is lo', holds: (observed) => observed === 'lo' },
  'PR-SOCK-1': { rule: 'socket() is EPERM', holds: (observed) => observed === 'EPERM' },
  'PR-ENV-1': { rule: "the keys are the profile's fixed keys and none is secret-like", holds: envHolds },
  'PR-FS-ESC-1': { rule: 'every write outside /out ends EROFS, EACCES, EPERM or ENOENT', holds: (observed) => allIn(lastCodes(observed), ['EROFS', 'EACCES', 'EPERM', 'ENOENT']) },
  'PR-FS-ESC-2': { rule: 'every host path read ends ENOENT or EACCES', holds: (observed) => allIn(lastCodes(observed), ['ENOENT', 'EACCES']) },
  'PR-MOUNT-1': { rule: 'no writable host mount; /in and / are read-only', holds: mountTableHolds },
  'PR-FS-RO-IN': { rule: 'writing /in is refused: EPERM (the lock refuses any open for writing) or EROFS (the read-only mount, attested by PR-MOUNT-1)', holds: (observed) => observed === 'EPERM' || observed === 'EROFS' },
  'PR-FS-OUT-OK': { rule: 'the report channel delivers the test report and the launcher writes its three files (positive control)', holds: (observed) => /launcher: written: report\.json, report\.md, checkpoint-[a-z0-9-]+\.md$/.test(observed) },
  'PR-SOCK-DOCKER': { rule: 'every engine socket is absent (lstat ENOENT) and cannot be connected', holds: (observed) => observed.split('; ').every((entry) => / lstat ENOENT connect (EPERM|ENOENT)$/.test(entry)) },
  'PR-PTRACE-1': { rule: 'ptrace is EPERM', holds: (observed) => observed === 'EPERM' },
  'PR-SUID-1': { rule: "the launcher wrote exactly three files, each 0644 and owned by the operator's uid", holds: suidHolds },
  'PR-UID-1': { rule: 'real, effective, saved and fs uid each map to a host uid other than 0', holds: hostUidsHold },
  'PR-PROCSYS-1': { rule: 'every sysctl write open ends EROFS, EACCES, EPERM or ENOENT', holds: (observed) => allIn(lastCodes(observed), ['EROFS', 'EACCES', 'EPERM', 'ENOENT']) },
  'PR-DLOPEN-1': {
    rule: 'no ELF could be written, memfd_create was refused, the packet-supplied object was not loaded',
    holds: (observed) => !/ ok;/.test(observed) && /memfd_create (EPERM|ENOSYS);/.test(observed) && /dlopen /.test(observed) && !/dlopen loaded/.test(observed),
  },
  'PR-PIDS-1': { rule: `fork was refused (EAGAIN) before ${DEFAULT_PROFILE.rlimits.nproc.hard} processes`, holds: (observed) => Number(/^(\d+) created, then EAGAIN$/.exec(observed)?.[1] ?? Number.NaN) < DEFAULT_PROFILE.rlimits.nproc.hard },
  'PR-SYSCALL-1': { rule: 'every unlisted call answered ENOSYS', holds: (observed) => allIn(lastCodes(observed), ['ENOSYS']) },
  'PR-ENV-2': { rule: 'no process inside shows an operator environment key or a host path', holds: (observed) => observed.startsWith('clean :: ') },
  'PR-MEM-1': { rule: 'every memory trial ended by the memory limit', holds: (observed) => trials(observed).length === 2 && trials(observed).every((trial) => / by memory limit /.test(trial)) },
  'PR-FSIZE-1': { rule: 'the report channel cap and the stdout cap each stopped a flood', holds: (observed) => / by report channel cap /.test(observed) && / by stdout cap /.test(observed) },
  'PR-TIME-1': { rule: 'the wall clock and the CPU limit each ended a spin', holds: (observed) => / by wall-clock limit \(2 s\)/.test(observed) && / by CPU time limit/.test(observed) },
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
