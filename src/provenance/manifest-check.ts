import { inspectorError, type InspectorError } from '../errors.js';
import { manifestHash, SHA256_REF_PATTERN } from '../packet/manifest.js';
import type { ItemRecord } from '../packet/parse.js';
import type { PacketHeader } from '../packet/schema.js';

/**
 * SPEC §2 step 2, the manifest part: ids present and unique, every item declaring a hash, and
 * the recomputed manifest equal to the declared one. Any error here blocks the whole packet.
 */
export function checkManifest(header: PacketHeader, items: readonly ItemRecord[]): InspectorError[] {
  const errors: InspectorError[] = [];
  const seen = new Set<string>();
  const lines: Array<{ itemId: string; contentHash: string }> = [];
  for (const record of items) {
    if (record.itemId === undefined) {
      errors.push(inspectorError(record.invalidItemId === true ? 'packet/invalid_identifier' : 'packet/item_without_id', `items[${record.index}].item_id`));
      continue;
    }
    if (seen.has(record.itemId)) errors.push(inspectorError('packet/duplicate_item_id', `items[${record.index}].item_id`, record.itemId));
    seen.add(record.itemId);
    // A well-formed item's hash was already checked by the item schema.
    if (record.declaredHash === undefined || (record.item === undefined && !SHA256_REF_PATTERN.test(record.declaredHash))) {
      errors.push(inspectorError('provenance/manifest_unverifiable', `items[${record.index}].source_metadata.content_hash`, record.itemId));
      continue;
    }
    lines.push({ itemId: record.itemId, contentHash: record.declaredHash });
  }
  if (errors.length > 0) return errors;
  const computed = manifestHash(lines);
  return computed === header.manifest_hash ? [] : [inspectorError('provenance/manifest_mismatch', 'manifest_hash', `declared ${header.manifest_hash}, computed ${computed}`)];
}
