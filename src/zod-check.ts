import type { z } from './zod.js';

/**
 * A zod schema compiled once into a tree of closures that only answers "valid?" (issue 13: the
 * per-claim cost). Jitless zod parses every object into a fresh copy through generic machinery
 * (about 15 µs per claim, twice per report); the closures read the input in place and build nothing.
 * No code is generated from strings, so it runs under `--disallow-code-generation-from-strings`.
 *
 * The zod schema stays the one definition: only the kinds and checks below are modelled, a schema
 * with anything else does not compile (`compileValidity` returns undefined and callers use zod),
 * and an input the closures reject is handed to zod's own `safeParse` for its issues. A closure
 * may only say "valid" where zod would (tests/inspector/zod-check.test.ts compares both on
 * fuzzed inputs), so a valid input is returned as it is, in place of zod's deep copy: the schemas
 * compiled here have no transforms, defaults or stripped keys, so the copy would be equal.
 */
type Check = (value: unknown) => boolean;

/** The structural view of a zod 4 schema this compiler reads (`schema._zod.def`, `_zod.optin`). */
interface Node {
  readonly _zod: { readonly def: Def; readonly optin?: string };
}

interface Def {
  readonly type: string;
  readonly checks?: readonly Node[];
  readonly shape?: Record<string, Node>;
  readonly catchall?: Node;
  readonly innerType?: Node;
  readonly element?: Node;
  readonly values?: readonly unknown[];
  readonly entries?: Record<string, unknown>;
  readonly coerce?: boolean;
  readonly check?: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly fn?: (value: unknown) => unknown;
}

class Unsupported extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Code points, as zod counts string lengths (a surrogate pair is one). */
function codePoints(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index += 1) {
    if ((text.charCodeAt(index) & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      count -= 1;
      index += 1;
    }
  }
  return count;
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? codePoints(value) : (value as { length: number }).length;
}

function testPattern(pattern: RegExp): Check {
  return (value) => {
    pattern.lastIndex = 0;
    return pattern.test(value as string);
  };
}

/** One entry of `def.checks` (or a string format carried by the schema's own def). */
function compileRefinement(def: Def): Check {
  const { check } = def;
  if (check === 'string_format' && def.pattern instanceof RegExp) return testPattern(def.pattern);
  // A string has at most as many code points as UTF-16 units and at least half as many: most
  // strings are decided by their length alone, without the count (a loop per character, which
  // the interpreter inside the sandbox runs for every content string of a packet: session 16).
  if (check === 'min_length' && typeof def.minimum === 'number') {
    const minimum = def.minimum;
    return (value) => (typeof value === 'string' && Math.ceil(value.length / 2) >= minimum) || lengthOf(value) >= minimum;
  }
  if (check === 'max_length' && typeof def.maximum === 'number') {
    const maximum = def.maximum;
    return (value) => (typeof value === 'string' && value.length <= maximum) || lengthOf(value) <= maximum;
  }
  if (check === 'number_format' && def.format === 'safeint') return (value) => Number.isSafeInteger(value);
  if ((check === 'greater_than' || check === 'less_than') && typeof def.value === 'number') {
    const bound = def.value;
    if (check === 'greater_than') return def.inclusive === true ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
    return def.inclusive === true ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
  }
  if (check === 'custom' && typeof def.fn === 'function') {
    const fn = def.fn;
    return (value) => {
      const verdict = fn(value);
      if (verdict instanceof Promise) throw new Unsupported('async refinement');
      return Boolean(verdict);
    };
  }
  throw new Unsupported(`check ${String(check)}`);
}

function withChecks(base: Check, def: Def): Check {
  const refinements = (def.checks ?? []).map((node) => compileRefinement(node._zod.def));
  if (def.type === 'string' && def.check === 'string_format') refinements.unshift(compileRefinement(def));
  if (refinements.length === 0) return base;
  if (refinements.length === 1) {
    const only = refinements[0] as Check;
    return (value) => base(value) && only(value);
  }
  return (value) => {
    if (!base(value)) return false;
    for (let index = 0; index < refinements.length; index += 1) if (!(refinements[index] as Check)(value)) return false;
    return true;
  };
}

function compileObject(def: Def): Check {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape).filter((key) => key !== '__proto__');
  const fields = keys.map((key) => ({ key, check: compileNode(shape[key] as Node), optional: (shape[key] as Node)._zod.optin === 'optional' }));
  const known = new Set(Object.keys(shape));
  const catchall = def.catchall?._zod.def.type;
  // No catchall strips unknown keys from zod's output: the input would not equal it.
  if (catchall !== 'never' && catchall !== 'unknown') throw new Unsupported(`object catchall ${String(catchall)}`);
  const strict = catchall === 'never';
  // Indexed loops over plain arrays: inside the sandbox (`--jitless`) a for…of pays the iterator
  // protocol per field, and a for…in per key; these closures run for every item and claim of a packet.
  const fieldKeys = fields.map((field) => field.key);
  const fieldChecks = fields.map((field) => field.check);
  const fieldOptional = fields.map((field) => field.optional);
  const countable = fieldKeys.every((key) => !(key in Object.prototype));
  return (value) => {
    if (!isObject(value)) return false;
    let present = 0;
    for (let index = 0; index < fieldKeys.length; index += 1) {
      const key = fieldKeys[index] as string;
      if (!(key in value)) {
        if (fieldOptional[index] === true) continue;
        return false;
      }
      present += 1;
      if (!(fieldChecks[index] as Check)(value[key])) return false;
    }
    if (!strict) return true;
    // zod looks at every key for…in yields. For a plain object (JSON.parse's) those are its own
    // keys, and when no field's name is also Object.prototype's, each present field is one of
    // them: as many own keys as present fields leaves no unknown key.
    if (countable && Object.getPrototypeOf(value) === Object.prototype) {
      const own = Object.keys(value);
      if (own.length === present) return true;
      for (let index = 0; index < own.length; index += 1) if (!known.has(own[index] as string)) return false;
      return true;
    }
    for (const key in value) if (!known.has(key)) return false;
    return true;
  };
}

function compileNode(node: Node): Check {
  const def = node._zod.def;
  if (def.coerce === true) throw new Unsupported('coercion');
  switch (def.type) {
    case 'string':
      return withChecks((value) => typeof value === 'string', def);
    case 'number':
      return withChecks((value) => typeof value === 'number' && Number.isFinite(value), def);
    case 'boolean':
      return withChecks((value) => typeof value === 'boolean', def);
    case 'unknown':
      return withChecks(() => true, def);
    case 'never':
      return () => false;
    case 'literal':
    case 'enum': {
      const allowed = new Set(def.type === 'literal' ? def.values : Object.values(def.entries ?? {}));
      return withChecks((value) => allowed.has(value), def);
    }
    case 'optional':
    case 'nullable': {
      const inner = compileNode(def.innerType as Node);
      const empty = def.type === 'optional' ? undefined : null;
      return withChecks((value) => value === empty || inner(value), def);
    }
    case 'array': {
      const element = compileNode(def.element as Node);
      return withChecks((value) => {
        if (!Array.isArray(value)) return false;
        // An index loop, not every(): a hole is undefined to zod, and every() would skip it.
        for (let index = 0; index < value.length; index += 1) if (!element(value[index])) return false;
        return true;
      }, def);
    }
    case 'object':
      return withChecks(compileObject(def), def);
    default:
      throw new Unsupported(`schema type ${def.type}`);
  }
}

/** The schema's validity check, or undefined when it uses something this compiler does not model. */
export function compileValidity(schema: z.ZodType): Check | undefined {
  try {
    return compileNode(schema as unknown as Node);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** How many inputs went through a compiled check (a cost counter for the structural tests). */
export const validationCounter = { checks: 0, zodFallbacks: 0 };

/**
 * `safeParse` with the compiled check in front: a valid input comes back as it is (no copy);
 * anything else goes to zod, whose issues the caller reports. A refinement that throws is zod's
 * to judge too.
 */
export function precompiledParser<Schema extends z.ZodType>(schema: Schema): (value: unknown) => z.ZodSafeParseResult<z.output<Schema>> {
  const check = compileValidity(schema);
  return (value) => {
    validationCounter.checks += 1;
    let valid = false;
    try {
      valid = check !== undefined && check(value);
    } catch {
      valid = false;
    }
    if (valid) return { success: true, data: value as z.output<Schema> };
    validationCounter.zodFallbacks += 1;
    return schema.safeParse(value);
  };
}

/** The compiled check alone, counted like precompiledParser's (undefined when the schema does not compile). */
export function precompiledCheck(schema: z.ZodType): ((value: unknown) => boolean) | undefined {
  const check = compileValidity(schema);
  if (check === undefined) return undefined;
  return (value) => {
    validationCounter.checks += 1;
    try {
      return check(value);
    } catch {
      return false;
    }
  };
}
