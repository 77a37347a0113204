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

/** Deep-lint every string of a JSON-shaped value (keys are the inspector's own and left as they are). */
export function lintEmittedStrings<T>(value: T): LintResult<T> {
  const rewritten: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const linted = lintString(node);
      if (linted.changed) rewritten.push(path);
      return linted.text;
    }
    if (Array.isArray(node)) return node.map((entry, index) => walk(entry, `${path}[${index}]`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, entry]) => [key, walk(entry, path === '' ? key : `${path}.${key}`)]));
    }
    return node;
  };
  return { value: walk(value, '') as T, rewritten };
}
