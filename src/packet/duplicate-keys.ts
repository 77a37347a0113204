import { inspectorError, type InspectorError } from '../errors.js';

/**
 * packet.json with a repeated key is refused (our choice; SPEC §1 says "validate strictly"). JSON.parse
 * keeps the last of `"may_gate":true,"may_gate":false`, another reader the first: the same bytes would be
 * a gating packet to one tool and a non-gating one to the inspector. I-JSON (RFC 7493) makes a repeated
 * key an error; so does tki, at any depth, naming the key's path. `duplicate` is that path, found by
 * the one pass over packet.json before it is parsed (json-scan.ts).
 */
export function duplicateKeyError(duplicate: string | undefined): InspectorError | undefined {
  return duplicate === undefined ? undefined : inspectorError('packet/duplicate_key', duplicate === '' ? '(top level)' : duplicate);
}
