import { inspectorError, type InspectorError } from '../errors.js';

/**
 * packet.json with a repeated key is refused (our choice; SPEC §1 says "validate strictly"). JSON.parse
 * keeps the last of `"may_gate":true,"may_gate":false`, another reader the first: the same bytes would be
 * a gating packet to one tool and a non-gating one to the inspector. I-JSON (RFC 7493) makes a repeated
 * key an error; so does tki, at any depth, naming the key's path. `duplicate` is that path, found by
 * the one pass over packet.json before it is parsed (json-scan.ts). That path holds packet text (the
 * key's name), so it is the error's detail, which reports quote (errors.ts `errorWords`), and the
 * error's location is the file: the verdict line names the code, never the key (round 12).
 */
export function duplicateKeyError(duplicate: string | undefined): InspectorError | undefined {
  return duplicate === undefined ? undefined : inspectorError('packet/duplicate_key', 'packet.json', duplicate === '' ? '(top level)' : duplicate);
}
