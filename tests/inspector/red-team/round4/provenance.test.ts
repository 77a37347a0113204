import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, type JsonObject } from '../packet-gen.js';
import { claim, dossier, flagsOf4, inspect4, listingItem, PIN, roundRoot, SUBJECT, verdictOf, type Run4 } from './gen4.js';
import { createJudge } from './judge4.js';

/**
 * rt-packets4, identity and provenance: listing entries that name another file, copies of the
 * dossier that would evidence it, surfaces that are local or live under another spelling, duplicate
 * JSON keys in packet.json, and inline content that is not UTF-8.
 */
const { judge, checkAllListedRan } = createJudge('provenance');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const ACCEPTED = 'NO_READ_LEVEL_DEFECT_FOUND';
const base = backedCountClaim();

function summary(result: Run4): string {
  return `${result.verdict} (exit ${String(result.exitCode)}) [${flagsOf4(result).join(',')}]`;
}

describe('a listing entry binds only the subject it names', () => {
  const exists = claim('X1', 'ARTIFACT_EXISTS', `${SUBJECT} exists.`, ['listing']);
  async function bound(label: string, entries: string): Promise<string> {
    return verdictOf(await inspect4({ dossierText: dossier(`- X1: ${SUBJECT} exists.`), claims: [exists], items: [listingItem(entries)] }, label), 'X1');
  }
  it('control: the exact entry binds', async () => {
    judge('provenance:control-exact-entry-binds', (await bound('bind-exact', `${SUBJECT} sha256:${PIN}\n`)) === ACCEPTED ? undefined : 'the exact entry does not bind: the checks below prove nothing');
  });
  // Other files: none may evidence tools/canon.py. Closed today; kept as guards.
  const others: Record<string, string> = {
    'cyrillic-es': `tools/\u0441anon.py sha256:${PIN}\n`,
    'fullwidth-full-stop': `tools/canon\uFF0Epy sha256:${PIN}\n`,
    'upper-case': `TOOLS/CANON.PY sha256:${PIN}\n`,
    'trailing-zero-width': `tools/canon.py\u200B sha256:${PIN}\n`,
    'commented-out': `# ${SUBJECT} sha256:${PIN}\n`,
    // Open: a full-path subject is bound by an entry in another directory that ends with it.
    'other-directory-suffix': `vendor/evil/${SUBJECT} sha256:${PIN}\n`,
  };
  for (const [name, entries] of Object.entries(others)) {
    it(name, async () => {
      const verdict = await bound(`bind-${name}`, entries);
      judge(`provenance:entry-${name}`, verdict === ACCEPTED ? `listing ${JSON.stringify(entries.trim())} evidences ${SUBJECT}` : undefined);
    });
  }
});

describe('a copy of the dossier is not independent evidence of it (guards)', () => {
  const text = dossier('- S1: The dossier states "the exporter is approved by the board".');
  const copies: Record<string, { path: string; content: string }> = {
    'dot-segment-path-bom': { path: './dossiers/dossier.md', content: `\uFEFF${text}` },
    'double-slash-path-crlf': { path: 'dossiers//dossier.md', content: text.replaceAll('\n', '\r\n') },
    'dotdot-path-trailing-space': { path: 'dossiers/x/../dossier.md', content: `${text} ` },
  };
  for (const [name, copy] of Object.entries(copies)) {
    it(name, async () => {
      const result = await inspect4({ dossierText: text, claims: [claim('S1', 'CONTENT_STATES', 'The dossier states "the exporter is approved by the board".', ['copy'], undefined)], items: [{ item_id: 'copy', kind: 'KB_DOCUMENT', path: copy.path, media_type: 'text/markdown', surface: 'kb', content: copy.content }] }, `self-${name}`);
      judge(`provenance:self-copy-${name}`, verdictOf(result, 'S1') === ACCEPTED ? 'a re-encoded copy of the dossier evidences the dossier' : undefined);
    });
  }
});

describe('a surface that is local or live under another spelling is not governed', () => {
  it('control: postgres:// is a live reference', async () => {
    const result = await withSurface('postgres://db:5432/b7');
    judge('provenance:control-live-surface', verdictOf(result, 'R1') === 'BLOCKED_BY_UNSAFE_ACCESS' ? undefined : `postgres:// gave ${summary(result)}: the checks below prove nothing`);
  });
  async function withSurface(surface: string): Promise<Run4> {
    return inspect4({ dossierText: dossier(''), allowed_surfaces: ['kb', 'pg:kb_stats', surface], claims: [{ ...base.claim, count: { ...(base.claim.count as JsonObject), surface } }], items: [{ ...base.item, surface }] }, `surface-${surface}`);
  }
  const surfaces: Record<string, string> = {
    'loopback-address': '127.0.0.1',
    's3-bucket-url': 's3://bucket/exports',
    'http-single-slash': 'http:/kb.example/api',
    'sqlite-file-url': 'sqlite:/var/lib/b7.db',
    'drive-relative-path': 'C:Users',
  };
  for (const [name, surface] of Object.entries(surfaces)) {
    it(`${name} (${surface})`, async () => {
      const result = await withSurface(surface);
      judge(`provenance:surface-${name}`, verdictOf(result, 'R1') === ACCEPTED ? `surface ${surface} is governed evidence: ${summary(result)}` : undefined);
    });
  }
});

describe('packet.json with duplicate keys', () => {
  // docs/evidence-model.md choice 22: the last key wins (JSON.parse). A first-wins reader of the same
  // packet sees a gating, superuser or other-type packet; I-JSON (RFC 7493) makes duplicates an error.
  const edits: Record<string, [string, string]> = {
    'may-gate': ['"may_gate":false', '"may_gate":true,"may_gate":false'],
    'decision-effect': ['"decision_effect":"NONE"', '"decision_effect":"APPROVE_RELEASE","decision_effect":"NONE"'],
    'rolsuper': ['"rolsuper":false', '"rolsuper":true,"rolsuper":false'],
    'claim-type': ['"claim_type":"COUNT_OBSERVATION"', '"claim_type":"EXECUTION_RESULT","claim_type":"COUNT_OBSERVATION"'],
  };
  for (const [name, [from, to]] of Object.entries(edits)) {
    it(name, async () => {
      const result = await inspect4({ dossierText: dossier('') }, `dup-${name}`, { edit: (text) => text.replace(from, to) });
      judge(`provenance:duplicate-key-${name}`, result.verdict === 'BLOCKED' ? undefined : `${to} accepted silently: ${summary(result)}`);
    });
  }
});

describe('inline content that has no UTF-8 form', () => {
  it('a lone surrogate in inline content is hashed as U+FFFD and accepted', async () => {
    const content = base.item.content.replace('doc_id"', 'doc_id\uFFFD"');
    const result = await inspect4({ dossierText: dossier(''), claims: [base.claim], items: [{ ...base.item, content }] }, 'lone-surrogate', { edit: (text) => text.replace('doc_id\uFFFD', 'doc_id\\ud800') });
    const findings = JSON.stringify(result.report?.item_findings ?? []);
    judge('provenance:lone-surrogate-inline-content', verdictOf(result, 'R1') === ACCEPTED && !findings.includes('qr-count') ? `content "…\\ud800…" matched the hash of "…\\ufffd…": ${summary(result)}` : undefined);
  });
});

describe('time stamps compared at their full precision', () => {
  async function observedAt(label: string, stamp: string): Promise<Run4> {
    return inspect4({ dossierText: dossier(''), claims: [base.claim], items: [base.item] }, label, { edit: (text) => text.replace(/("named_query_id_or_kb_path":"NQ-KB-DOC-COUNT-V1","observation_ts":)"[^"]*"/, `$1"${stamp}"`) });
  }
  it('control: an observation one second after the export is refused', async () => {
    const result = await observedAt('ts-control', '2026-11-20T12:00:01Z');
    judge('provenance:control-observed-after-export', verdictOf(result, 'R1') === 'BLOCKED_BY_UNVERIFIED_SOURCE' ? undefined : `gave ${summary(result)}: the check below proves nothing`);
  });
  it('an observation 0.9 ms after packet_as_of (12:00:00Z) is refused too', async () => {
    // Date.parse keeps milliseconds only: .0009 becomes .000, equal to the export time.
    const result = await observedAt('ts-sub-ms', '2026-11-20T12:00:00.0009Z');
    judge('provenance:observed-sub-millisecond-after-export', verdictOf(result, 'R1') === ACCEPTED ? `observation_ts 12:00:00.0009Z after packet_as_of 12:00:00Z accepted: ${summary(result)}` : undefined);
  });
});
