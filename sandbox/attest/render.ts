// Deep import of a leaf module: the attestation must not load the whole inspector to escape a cell.
import { escapeMarkdown } from '../../src/text/escape.js';
import type { AttestationEvidence } from './evidence.js';

const cell = escapeMarkdown;

/** The evidence bundle for a person: summary first, then one row per probe, then P1. */
export function renderAttestationMarkdown(evidence: AttestationEvidence): string {
  const lines = [
    '# tki sandbox attestation',
    '',
    `**${evidence.passed}/${evidence.total} probes behaved as expected** under ${evidence.engine} (${evidence.engine_version}).`,
    '',
    `- kernel: ${evidence.kernel}`,
    `- time: ${evidence.time}`,
    `- profile sha256: \`${evidence.profile_sha256}\``,
    `- in-process seccomp BPF sha256: \`${evidence.seccomp_sha256}\``,
    `- engine start-up seccomp sha256: \`${evidence.startup_seccomp_sha256}\``,
    `- exec lock: ${evidence.exec_lock.ok ? 'installed' : `not installed (${evidence.exec_lock.code})`}`,
    `- memory and process ceilings for the sandbox as a whole: ${cell(evidence.resource_ceilings)}`,
    '',
    '| probe | attempt | expected | observed | as expected |',
    '|---|---|---|---|---|',
    ...evidence.probes.map((probe) => `| ${probe.id} | ${cell(probe.attempt)} | ${cell(probe.expected)} | ${cell(probe.observed)} | ${probe.pass ? 'yes' : '**no**'} |`),
    '',
    '## P1 self-check inside the sandbox',
    '',
    '| invariant | confirmed | observed |',
    '|---|---|---|',
    ...evidence.self_check.map((result) => `| ${result.id} | ${result.confirmed ? 'yes' : '**no**'} | ${cell(result.observed)} |`),
    '',
    'This is evidence for a person (decision_effect NONE, may_gate false), not an authority.',
    '',
  ];
  return lines.join('\n');
}
