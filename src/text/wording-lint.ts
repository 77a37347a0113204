import { hasGlobalDenialWording, scopeDenialWording } from '../../policy/index.js';

/**
 * SPEC §4 non-global denial: every string the inspector emits is linted for global-absence
 * wording with the policy's one matcher; a hit is replaced by the scoped form and reported.
 */
export interface LintResult<T> {
  readonly value: T;
  /** JSON paths of the strings that were rewritten. */
  readonly rewritten: string[];
}

export function lintString(text: string): { text: string; changed: boolean } {
  return hasGlobalDenialWording(text) ? scopeDenialWording(text) : { text, changed: false };
}

/**
 * JSON text with its string escapes read back (`\n`, `\u0007`, `\"`, `\\`), so that wording split
 * by an escaped character is still seen; the separators between strings (`","`) keep two strings
 * from reading as one phrase.
 */
function unescapedJson(json: string): string {
  return json.replace(/\\(?:u[0-9a-fA-F]{4}|[nrtbf])/g, ' ').replace(/\\(["\\/])/g, '$1');
}

/**
 * Deep-lint every string of a JSON-shaped value (keys are the inspector's own and left as they are).
 * Linear and frugal on a 100,000-claim report: each distinct string is linted once, paths are only
 * spelled out for strings that change, and an object or array is copied only when something in
 * it changed (the report is otherwise returned as it was).
 */
export function lintEmittedStrings<T>(value: T): LintResult<T> {
  // The common case, no such wording anywhere: one pass over the serialized value answers it.
  if (!hasGlobalDenialWording(unescapedJson(JSON.stringify(value) ?? ''))) return { value, rewritten: [] };
  const rewritten: string[] = [];
  const seen = new Map<string, string | undefined>();
  const lintOnce = (text: string): string | undefined => {
    if (seen.has(text)) return seen.get(text);
    const linted = lintString(text);
    const replacement = linted.changed ? linted.text : undefined;
    seen.set(text, replacement);
    return replacement;
  };
  const walk = (node: unknown, path: () => string): unknown => {
    if (typeof node === 'string') {
      const replacement = lintOnce(node);
      if (replacement === undefined) return node;
      rewritten.push(path());
      return replacement;
    }
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      node.forEach((entry: unknown, index) => {
        const linted = walk(entry, () => `${path()}[${index}]`);
        if (linted !== entry) (copy ??= [...node])[index] = linted;
      });
      return copy ?? node;
    }
    if (node !== null && typeof node === 'object') {
      let copy: Record<string, unknown> | undefined;
      for (const [key, entry] of Object.entries(node)) {
        const linted = walk(entry, () => (path() === '' ? key : `${path()}.${key}`));
        if (linted !== entry) (copy ??= { ...(node as Record<string, unknown>) })[key] = linted;
      }
      return copy ?? node;
    }
    return node;
  };
  return { value: walk(value, () => '') as T, rewritten };
}
