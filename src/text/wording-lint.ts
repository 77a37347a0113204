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

/** Lint passes and the distinct strings they matched (a cost counter for the structural tests). */
export const lintCounter = { passes: 0, strings: 0 };

export function lintString(text: string): { text: string; changed: boolean } {
  return hasGlobalDenialWording(text) ? scopeDenialWording(text) : { text, changed: false };
}

/**
 * Between two strings in the joined text: no phrase reads across it (the JSON separator the lint used
 * before), and a paragraph separator (U+2029), so each string gets its own paragraph level as
 * lintString gives it (UAX #9 P2–P3): an excerpt led by an RLM is read right to left (round 13).
 */
const STRING_SEPARATOR = '",\u2029"';

/** Each distinct string of a JSON-shaped value once, in first-seen order (keys are the inspector's own). */
function distinctStrings(value: unknown): string[] {
  const seen = new Set<string>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') seen.add(node);
    else if (Array.isArray(node)) for (let index = node.length - 1; index >= 0; index -= 1) stack.push(node[index]);
    else if (node !== null && typeof node === 'object') for (const key in node) stack.push((node as Record<string, unknown>)[key]);
  }
  return [...seen];
}

/**
 * Deep-lint every string of a JSON-shaped value (keys are the inspector's own and left as they are).
 * Linear and frugal on a 100,000-claim report: each distinct string is linted once, paths are only
 * spelled out for strings that change, and an object or array is copied only when something in
 * it changed (the report is otherwise returned as it was).
 */
export function lintEmittedStrings<T>(value: T): LintResult<T> {
  // The common case, no such wording anywhere: one pass over the distinct strings answers it (a
  // 100,000-claim report repeats tki's own strings on every claim; each is matched once).
  lintCounter.passes += 1;
  const distinct = distinctStrings(value);
  lintCounter.strings += distinct.length;
  if (!hasGlobalDenialWording(distinct.join(STRING_SEPARATOR))) return { value, rewritten: [] };
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
