import type { z } from '../zod.js';
import { inspectorError, type InspectorError, type InspectorErrorCode } from '../errors.js';

/** `items[3].source_metadata.content_hash` from a zod path under a prefix. */
export function jsonPath(prefix: string, path: readonly PropertyKey[]): string {
  let result = prefix;
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else result += result === '' ? String(key) : `.${String(key)}`;
  }
  return result;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export interface IssueCodes {
  readonly missing: InspectorErrorCode;
  readonly unknownKey: InspectorErrorCode;
  readonly invalid: InspectorErrorCode;
}

/**
 * Translate zod issues into inspector errors. "Missing" is decided from the input itself (the
 * value at the issue's path is absent) rather than from zod's message text.
 */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: string, codes: IssueCodes): InspectorError[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return inspectorError(codes.unknownKey, jsonPath(prefix, issue.path), issue.keys.join(', '));
    }
    const path = jsonPath(prefix, issue.path);
    // Any issue at a path whose value is absent (a type, a literal, an enum) means the field is missing.
    if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
      return inspectorError(codes.missing, path);
    }
    return inspectorError(codes.invalid, path, issue.message);
  });
}
