/** Shapes of untrusted JSON, checked without assuming anything about them. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted by one linear scan (strings
 * skipped) and given up past `limit`. JSON.parse handles any depth, but a few megabytes of `[`
 * cost it seconds and gigabytes: nesting is refused before parsing, never discovered by it.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** Nesting deeper than any record an exporter writes (packet.json itself needs 5 levels). */
export const MAX_JSON_DEPTH = 64;

/** JSON.parse that returns undefined instead of throwing: content may be JSON or plain text (or too deeply nested to be a record). */
export function parseJsonOrUndefined(text: string): unknown {
  const first = text.trimStart().charCodeAt(0);
  // Only an array or object can be a record; anything else is plain text, and is not scanned.
  if (first !== 0x5b && first !== 0x7b) {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
