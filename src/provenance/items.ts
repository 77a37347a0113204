import { inspectorError, type InspectorError } from '../errors.js';
import type { ContentRead } from '../io/packet-reader.js';
import type { ItemRecord } from '../packet/parse.js';
import type { PacketHeader, PacketItem } from '../packet/schema.js';
import { contentPathProblem } from '../packet/content-path.js';
import { isLiveReference, isLocalSurface } from './surfaces.js';
import { compareTimestamps } from './timestamps.js';

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
  /** The content's size in bytes (UTF-8 for inline content), when it could be read: kept or not, a limit names it. */
  readonly bytes?: number;
  /** The recomputed content hash, when the content could be read. */
  readonly contentHash: string | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an item's surface alone decides; the same few surfaces recur across thousands of items. */
type SurfaceVerdict = 'live' | 'local' | 'not_allowed' | 'allowed';

/**
 * An assessor bound to one header: the export time, the staleness window and the surface
 * verdicts are worked out once per packet instead of once per item.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function createItemAssessor(header: PacketHeader): (record: ItemRecord, content: ContentRead | undefined) => ItemAssessment {
  const exportedAt = Date.parse(header.packet_as_of);
  // The staleness window is the export's own declaration, never a constant of the inspector.
  const windowMs = header.max_item_age_days * DAY_MS;
  const allowed = new Set(header.allowed_surfaces);
  const surfaceVerdicts = new Map<string, SurfaceVerdict>();
  const surfaceVerdict = (surface: string): SurfaceVerdict => {
    let verdict = surfaceVerdicts.get(surface);
    if (verdict === undefined) {
      verdict = isLiveReference(surface) ? 'live' : isLocalSurface(surface) ? 'local' : allowed.has(surface) ? 'allowed' : 'not_allowed';
      surfaceVerdicts.set(surface, verdict);
    }
    return verdict;
  };

  const timeFailure = (item: PacketItem, base: () => string): InspectorError | undefined => {
    const observed = Date.parse(item.source_metadata.observation_ts);
    const where = (): string => `${base()}.source_metadata.observation_ts`;
    if (observed > exportedAt || (observed === exportedAt && compareTimestamps(item.source_metadata.observation_ts, header.packet_as_of) > 0)) return inspectorError('provenance/observed_after_export', where(), item.source_metadata.observation_ts);
    if (exportedAt - observed > windowMs) {
      return inspectorError('provenance/stale_item', where(), `${item.source_metadata.observation_ts}; window ${header.max_item_age_days} days`);
    }
    return undefined;
  };

  return (record, content) => {
    // Built only when something fails: most items pass, and a packet can hold 100,000 of them.
    const base = (): string => `items[${record.index}]`;
    const failures: InspectorError[] = record.errors.length === 0 ? [] : [...record.errors];
    const item = record.item;
    let localFirst = false;
    if (item !== undefined) {
      const surface = item.source_metadata.governed_surface;
      const source = item.source_metadata.named_query_id_or_kb_path;
      const verdict = surfaceVerdict(surface);
      if (verdict === 'live' || isLiveReference(source)) {
        failures.push(inspectorError('provenance/live_reference', `${base()}.source_metadata`, verdict === 'live' ? surface : source));
      } else if (verdict === 'local') {
        localFirst = true;
        failures.push(inspectorError('provenance/local_surface', `${base()}.source_metadata.governed_surface`, surface));
      } else if (verdict === 'not_allowed') {
        failures.push(inspectorError('provenance/surface_not_allowed', `${base()}.source_metadata.governed_surface`, surface));
      }
      const late = timeFailure(item, base);
      if (late !== undefined) failures.push(late);
      // A lone surrogate has no UTF-8 form: its bytes would be those of U+FFFD, another text with the same hash.
      if (item.content !== undefined && LONE_SURROGATE.test(item.content)) failures.push(inspectorError('provenance/content_unreadable', `${base()}.content`, 'inline content holds a lone surrogate (no UTF-8 form)'));
    }
    if (item === undefined && record.contentFile !== undefined) {
      const problem = contentPathProblem(record.contentFile);
      if (problem !== undefined) failures.push(inspectorError('provenance/path_escape', `${base()}.content_file`, problem));
    }
    if (content !== undefined && !content.ok) failures.push(content.error);
    const contentHash = content?.ok === true ? content.sha256 : undefined;
    if (item !== undefined && contentHash !== undefined && contentHash !== item.source_metadata.content_hash) {
      failures.push(inspectorError('provenance/hash_mismatch', `${base()}.source_metadata.content_hash`, `declared ${item.source_metadata.content_hash}, content is ${contentHash}`));
    }
    if (item !== undefined && content === undefined) {
      failures.push(inspectorError('provenance/content_unreadable', base(), 'content not read'));
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
      ...(content?.ok === true ? { bytes: content.bytes } : {}),
      contentHash,
    };
  };
}

/** One item on its own (tests and callers outside the pipeline); the pipeline binds one assessor per packet. */
export function assessItem(header: PacketHeader, record: ItemRecord, content: ContentRead | undefined): ItemAssessment {
  return createItemAssessor(header)(record, content);
}
