import path from 'node:path';
import { writeHostilePacket, type HostileItem, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { freshDir, type Run9 } from '../round9/gen9.js';
import { runInProcess } from '../run.js';
import type { InspectorLimits } from '../../../../src/index.js';
import { backedCountClaim, SURFACES } from '../packet-gen.js';

/** A hostile packet inspected in process under `limits` (the defaults elsewhere), so a limit's edge is cheap to reach. */
export async function inspectUnder(spec: HostileSpec, label: string, limits: Partial<InspectorLimits> = {}): Promise<Run9> {
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  writeHostilePacket(packetDir, spec);
  const outDir = path.join(dir, 'out');
  return { ...(await runInProcess(packetDir, outDir, limits)), outDir, packetDir };
}

const base = backedCountClaim();

/** `count` backed count claims (ids R0…). */
export function claimsSpec(count: number): HostileSpec {
  return { dossierText: '# limits\n\nHello.\n', claims: Array.from({ length: count }, (_, index) => ({ ...base.claim, claim_id: `R${String(index)}` })), items: [base.item] };
}

/** One claim citing the backed item and `extra` distinct ids no item has. */
export function referencesSpec(extra: number): HostileSpec {
  return { dossierText: '# limits\n\nHello.\n', claims: [{ ...base.claim, evidence_refs: ['qr-count', ...Array.from({ length: extra }, (_, index) => `gone-${String(index)}`)] }], items: [base.item] };
}

/** One listing item of `entries` entries, cited by an ARTIFACT_EXISTS claim on its first entry. */
export function listingSpec(entries: number): HostileSpec {
  const rows = Array.from({ length: entries }, (_, index) => `{"path":"tools/f${String(index)}.py","sha256":"sha256:${'c'.repeat(64)}"}`);
  const listing: HostileItem = { item_id: 'listing', kind: 'ARTIFACT_LISTING', path: 'tools/', media_type: 'application/json', surface: 'pg:dot_tools', content: `{"entries":[${rows.join(',')}]}` };
  return { dossierText: '# limits\n\nHello.\n', claims: [{ claim_id: 'C1', text: 'The tool tools/f0.py exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/f0.py', evidence_refs: ['listing'] }], items: [listing] };
}

/** A dossier of exactly `bytes` UTF-8 bytes ending with a 3-byte character, holding an unbacked pass. */
export function proseSpec(bytes: number): HostileSpec {
  const head = '# limits\n\nAll tests pass.\n';
  const filler = bytes - Buffer.byteLength(head) - 3;
  return { dossierText: `${head}${'y'.repeat(filler)}\u20AC` };
}

/** A dossier of `characters` characters of `unit` after an unbacked pass (bytes: 3 or 4 per character, 1 or 2 UTF-16 units). */
export function wideProseSpec(characters: number, unit: string): HostileSpec {
  return { dossierText: `# limits\n\nAll tests pass.\n${unit.repeat(characters)}` };
}

/** The backed claim citing its item, plus `uncited` usable query results on its subject it does not cite. */
export function uncitedBindingsSpec(uncited: number): HostileSpec {
  const items: HostileItem[] = [base.item, ...Array.from({ length: uncited }, (_, index) => ({ ...base.item, item_id: `qr-uncited-${String(index)}` }))];
  return { dossierText: '# limits\n\nHello.\n', claims: [base.claim], items };
}

/** Claims without a subject whose texts total `bytes` UTF-8 bytes, in characters of `width` bytes. */
export function claimTextTotalSpec(claims: number, bytesEach: number, width: 1 | 3 | 4): HostileSpec {
  const unit = width === 1 ? 'a' : width === 3 ? '\u20AC' : '\u{1F600}';
  const text = (bytes: number): string => `${unit.repeat(Math.floor(bytes / width))}${'a'.repeat(bytes % width)}`;
  const list: JsonObject[] = Array.from({ length: claims }, (_, index) => ({ claim_id: `T${String(index)}`, text: text(bytesEach), claim_type: 'CONTENT_STATES', evidence_refs: ['qr-count'] }));
  return { dossierText: '# limits\n\nHello.\n', claims: list, items: [base.item] };
}

/** The packet's surfaces padded with short names to `count` names. */
export function surfacesSpec(count: number): HostileSpec {
  const names = [...SURFACES, ...Array.from({ length: count - SURFACES.length }, (_, index) => `pg:s${String(index)}`)];
  return { dossierText: '# limits\n\nHello.\n', allowed_surfaces: names };
}

/** `items` items in all (the dossier, the backed query result and copies of it). */
export function itemsSpec(items: number): HostileSpec {
  return { dossierText: '# limits\n\nHello.\n', claims: [base.claim], items: [base.item, ...Array.from({ length: items - 2 }, (_, index) => ({ ...base.item, item_id: `qr-more-${String(index)}`, query: `NQ-OTHER-${String(index)}` }))] };
}

/** `sentences` unbacked pass sentences, one per line. */
export function passSentencesSpec(sentences: number): HostileSpec {
  return { dossierText: `# limits\n\n${Array.from({ length: sentences }, (_, index) => `Tool ${String(index)}: all tests pass.`).join('\n\n')}\n` };
}

/** The backed claim, beside an item whose path is `itemPath`. */
export function itemPathSpec(itemPath: string): HostileSpec {
  return { dossierText: '# limits\n\nHello.\n', claims: [base.claim], items: [base.item, { item_id: 'long-path', kind: 'KB_DOCUMENT', path: itemPath, content: 'x' }] };
}

/** `claims` claims whose text and subject are both `text` (each at most the 4 KiB limit). */
export function notationClaimsSpec(claims: number, text: string): HostileSpec {
  return { dossierText: '# limits\n\nHello.\n', claims: Array.from({ length: claims }, (_, index) => ({ claim_id: `N${String(index)}`, text, subject: text, claim_type: 'CONTENT_STATES', evidence_refs: ['qr-count'] })), items: [base.item] };
}
