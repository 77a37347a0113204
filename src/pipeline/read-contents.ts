import { inspectorError, type InspectorError } from '../errors.js';
import { createContentReader, type ContentRead } from '../io/packet-reader.js';
import { sha256Ref } from '../packet/manifest.js';
import type { ItemRecord } from '../packet/parse.js';
import type { Dossier } from '../packet/schema.js';
import type { InspectorLimits } from './limits.js';

/** Record kinds whose text the packet-wide subject search reads even when no claim cites them. */
const ALWAYS_READ_TEXT = new Set(['ARTIFACT_LISTING', 'HASH_PIN', 'RUN_LOG', 'EXIT_CODE_RECORD', 'RUN_LEDGER_ENTRY', 'APPROVAL_RECORD']);

/** Items whose text a later stage reads: the dossier's own item, every cited item, and the record kinds. */
export function itemsNeedingText(dossier: Dossier | undefined, items: readonly ItemRecord[]): Set<string> {
  const needed = new Set<string>();
  if (dossier !== undefined) {
    needed.add(dossier.item_id);
    for (const claim of dossier.claims) for (const ref of claim.evidence_refs) needed.add(ref);
  }
  for (const record of items) if (record.item !== undefined && record.itemId !== undefined && ALWAYS_READ_TEXT.has(record.item.kind)) needed.add(record.itemId);
  return needed;
}

export interface ContentResults {
  /** By item index; undefined for items that were not read (malformed ones). */
  readonly contents: ReadonlyArray<ContentRead | undefined>;
  readonly packetErrors: readonly InspectorError[];
}

function inlineContent(text: string, retain: boolean): ContentRead {
  return { ok: true, sha256: sha256Ref(text), bytes: Buffer.byteLength(text, 'utf8'), text: retain ? text : undefined };
}

/**
 * Hash every well-formed item's content (inline or file) within the packet and total limits.
 * One item after another, synchronously (see the read edge): running them side by side through
 * the thread pool costs more per item than the read itself.
 */
export function readContents(root: string, items: readonly ItemRecord[], needText: ReadonlySet<string>, limits: InspectorLimits): ContentResults {
  const reader = createContentReader(root);
  const contents: Array<ContentRead | undefined> = [];
  let totalBytes = 0;
  let retainedBytes = 0;
  for (const record of items) {
    const item = record.item;
    if (item === undefined || totalBytes > limits.maxPacketContentBytes) {
      contents.push(undefined);
      continue;
    }
    const wantText = record.itemId !== undefined && needText.has(record.itemId) && retainedBytes < limits.maxRetainedTextBytesTotal;
    const options = { maxBytes: limits.maxItemBytes, retainTextUpTo: wantText ? limits.maxRetainedTextBytesPerItem : 0 };
    const jsonPath = (): string => `items[${record.index}].content_file`;
    const result = item.content !== undefined ? inlineContent(item.content, wantText) : reader.read(item.content_file ?? '', jsonPath, options);
    if (result.ok) {
      totalBytes += result.bytes;
      if (result.text !== undefined && item.content_file !== undefined) retainedBytes += result.bytes;
    }
    contents.push(result);
  }
  const packetErrors = totalBytes > limits.maxPacketContentBytes ? [inspectorError('provenance/packet_budget_exceeded', 'items', `more than ${limits.maxPacketContentBytes} bytes`)] : [];
  return { contents, packetErrors };
}
