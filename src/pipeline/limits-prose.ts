import { inspectorError, type InspectorError } from '../errors.js';
import type { ItemAssessment } from '../provenance/items.js';
import type { InspectorLimits } from './limits.js';

/**
 * The limit a usable dossier item is over, if any (issue 13, round 19; docs/choices.md 92).
 * `maxProseBytes` counts UTF-8 bytes, as its name says and every other byte limit does (not UTF-16
 * code units: 330 CJK characters are 990 bytes' worth of units but 1,016 bytes). A dossier the
 * reader did not keep (over `maxRetainedTextBytesPerItem`, or read after `maxRetainedTextBytesTotal`
 * was spent) is refused by the limit that dropped it, unless its bytes are over `maxProseBytes` too:
 * then the prose limit, the one a dossier's author meets, is named (the defaults are equal).
 */
export function proseLimitRefusal(dossierItem: ItemAssessment, limits: InspectorLimits): InspectorError | undefined {
  const { text } = dossierItem;
  const bytes = dossierItem.bytes ?? (text === undefined ? undefined : utf8BytesOver(text, limits.maxProseBytes));
  if (bytes !== undefined && bytes > limits.maxProseBytes) {
    return inspectorError('limits/max_prose_bytes', 'dossier.item_id', `maxProseBytes = ${limits.maxProseBytes}; the dossier's text is ${bytes} bytes`);
  }
  if (text !== undefined) return undefined;
  const detail =
    bytes === undefined || bytes > limits.maxRetainedTextBytesPerItem
      ? `maxRetainedTextBytesPerItem = ${limits.maxRetainedTextBytesPerItem}${bytes === undefined ? '' : `; the dossier's text is ${bytes} bytes`}`
      : `maxRetainedTextBytesTotal = ${limits.maxRetainedTextBytesTotal}; spent on the items read before the dossier`;
  return inspectorError('limits/max_retained_text_bytes', 'dossier.item_id', detail);
}

/** A text's UTF-8 bytes, counted only when its UTF-16 units (at most 3 bytes each) could be over `limit`. */
function utf8BytesOver(text: string, limit: number): number {
  return text.length > limit || text.length * 3 <= limit ? text.length : Buffer.byteLength(text, 'utf8');
}
