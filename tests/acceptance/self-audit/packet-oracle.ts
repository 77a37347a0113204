import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * SPEC §2 item provenance, written again from the SPEC's words and independent of src/provenance/:
 * the self-audit uses it to re-judge every item the inspector relied on.
 */
export interface OracleItem {
  readonly item_id: string;
  readonly content?: string;
  readonly content_file?: string;
  readonly source_metadata?: Readonly<Record<string, unknown>>;
}

export interface OraclePacket {
  readonly packet_as_of: string;
  readonly max_item_age_days: number;
  readonly allowed_surfaces: readonly string[];
  readonly items: readonly OracleItem[];
}

const FIELDS = ['governed_surface', 'named_query_id_or_kb_path', 'observation_ts', 'source_revision', 'content_hash'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A surface that is a local path (`/…`, `./…`, `~/…`, `C:\…`) rather than a governed surface name. */
export function looksLocal(surface: string): boolean {
  return /^(\/|\.{1,2}\/|~|[A-Za-z]:[\\/]|file:)/.test(surface);
}

export function loadPacket(packetPath: string): { packet: OraclePacket; root: string } {
  const isDirectory = statSync(packetPath).isDirectory();
  const file = isDirectory ? path.join(packetPath, 'packet.json') : packetPath;
  return { packet: JSON.parse(readFileSync(file, 'utf8')) as OraclePacket, root: isDirectory ? packetPath : path.dirname(packetPath) };
}

/** Problems with one item under SPEC §2; an empty list means it may be used as evidence. */
export function itemProblems(packet: OraclePacket, root: string, item: OracleItem): string[] {
  const problems: string[] = [];
  const metadata = item.source_metadata ?? {};
  for (const field of FIELDS) if (typeof metadata[field] !== 'string' || metadata[field] === '') problems.push(`missing ${field}`);
  const surface = String(metadata.governed_surface ?? '');
  if (looksLocal(surface)) problems.push(`local surface ${surface}`);
  if (!packet.allowed_surfaces.includes(surface)) problems.push(`surface ${surface} not allowed`);
  const observed = Date.parse(String(metadata.observation_ts ?? ''));
  const asOf = Date.parse(packet.packet_as_of);
  if (Number.isNaN(observed) || observed > asOf || asOf - observed > packet.max_item_age_days * DAY_MS) problems.push('observation_ts outside the window');
  let bytes: Buffer | undefined;
  if (typeof item.content === 'string') bytes = Buffer.from(item.content, 'utf8');
  else if (typeof item.content_file === 'string') {
    const file = path.resolve(root, item.content_file);
    if (!file.startsWith(path.resolve(root) + path.sep) || !existsSync(file)) problems.push('content_file outside the packet or missing');
    else bytes = readFileSync(file);
  }
  if (bytes === undefined) problems.push('no content');
  else if (`sha256:${createHash('sha256').update(bytes).digest('hex')}` !== metadata.content_hash) problems.push('content hash does not reproduce');
  return problems;
}
