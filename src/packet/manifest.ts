import { hash } from 'node:crypto';

/** The form of every hash in a packet: `sha256:` and 64 lower-case hex digits. */
export const SHA256_REF_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** `sha256:<hex>` of a string's UTF-8 bytes or of a buffer (one-shot: no Hash object per item). */
export function sha256Ref(content: string | Uint8Array): string {
  return `sha256:${hash('sha256', content, 'hex')}`;
}

export interface ManifestLine {
  readonly itemId: string;
  readonly contentHash: string;
}

/**
 * SPEC §1: sha256 over one line `<item_id> <content_hash>\n` per item, sorted by item_id in
 * code-unit order (plain `<` on strings, never localeCompare). The hashes are the items'
 * declared `content_hash` values; each item's content is re-matched to its own hash separately.
 */
export function manifestHash(lines: readonly ManifestLine[]): string {
  // Exporters usually write items in id order already; checking that is one pass, sorting is n log n.
  const sorted = isSortedById(lines) ? lines : [...lines].sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  return sha256Ref(sorted.map((line) => `${line.itemId} ${line.contentHash}\n`).join(''));
}

function isSortedById(lines: readonly ManifestLine[]): boolean {
  for (let index = 1; index < lines.length; index += 1) if ((lines[index - 1] as ManifestLine).itemId > (lines[index] as ManifestLine).itemId) return false;
  return true;
}
