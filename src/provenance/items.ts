import { inspectorError, type InspectorError } from '../errors.js';
import type { ContentRead } from '../io/packet-reader.js';
import type { ItemRecord } from '../packet/parse.js';
import type { PacketHeader, PacketItem } from '../packet/schema.js';
import { contentPathProblem } from '../packet/content-path.js';
import { isLiveReference, isLocalSurface } from './surfaces.js';

/** What provenance decided about one item (SPEC §2 step 4). */
export interface ItemAssessment {
  readonly index: number;
  readonly itemId: string | undefined;
  readonly item: PacketItem | undefined;
  readonly usable: boolean;
  readonly failures: readonly InspectorError[];
  /** The failure is a path escape: claims relying on it get BLOCKED_BY_UNSAFE_ACCESS. */
  readonly unsafeAccess: boolean;
  readonly localFirst: boolean;
  /** Decoded content, kept only for items a later stage reads. */
  readonly text: string | undefined;
  /** The recomputed content hash, when the content could be read. */
  readonly contentHash: string | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function timeChecks(header: PacketHeader, item: PacketItem, base: string): InspectorError[] {
  const observed = Date.parse(item.source_metadata.observation_ts);
  const exportedAt = Date.parse(header.packet_as_of);
  const where = `${base}.source_metadata.observation_ts`;
  if (observed > exportedAt) return [inspectorError('provenance/observed_after_export', where, item.source_metadata.observation_ts)];
  // The staleness window is the export's own declaration, never a constant of the inspector.
  if (exportedAt - observed > header.max_item_age_days * DAY_MS) {
    return [inspectorError('provenance/stale_item', where, `${item.source_metadata.observation_ts}; window ${header.max_item_age_days} days`)];
  }
  return [];
}

export function assessItem(header: PacketHeader, record: ItemRecord, content: ContentRead | undefined): ItemAssessment {
  const base = `items[${record.index}]`;
  const failures: InspectorError[] = [...record.errors];
  const item = record.item;
  let localFirst = false;
  if (item !== undefined) {
    const surface = item.source_metadata.governed_surface;
    const source = item.source_metadata.named_query_id_or_kb_path;
    if (isLiveReference(surface) || isLiveReference(source)) {
      failures.push(inspectorError('provenance/live_reference', `${base}.source_metadata`, isLiveReference(surface) ? surface : source));
    } else if (isLocalSurface(surface)) {
      localFirst = true;
      failures.push(inspectorError('provenance/local_surface', `${base}.source_metadata.governed_surface`, surface));
    } else if (!header.allowed_surfaces.includes(surface)) {
      failures.push(inspectorError('provenance/surface_not_allowed', `${base}.source_metadata.governed_surface`, surface));
    }
    failures.push(...timeChecks(header, item, base));
  }
  if (item === undefined && record.contentFile !== undefined) {
    const problem = contentPathProblem(record.contentFile);
    if (problem !== undefined) failures.push(inspectorError('provenance/path_escape', `${base}.content_file`, problem));
  }
  if (content !== undefined && !content.ok) failures.push(content.error);
  const contentHash = content?.ok === true ? content.sha256 : undefined;
  if (item !== undefined && contentHash !== undefined && contentHash !== item.source_metadata.content_hash) {
    failures.push(inspectorError('provenance/hash_mismatch', `${base}.source_metadata.content_hash`, `declared ${item.source_metadata.content_hash}, content is ${contentHash}`));
  }
  if (item !== undefined && content === undefined) {
    failures.push(inspectorError('provenance/content_unreadable', base, 'content not read'));
  }
  return {
    index: record.index,
    itemId: record.itemId,
    item,
    usable: failures.length === 0,
    failures,
    unsafeAccess: failures.some((failure) => failure.code === 'provenance/path_escape' || failure.code === 'provenance/live_reference'),
    localFirst,
    text: content?.ok === true ? content.text : undefined,
    contentHash,
  };
}
