/**
 * The pure builtins the constant folder (constants.ts) evaluates over constants: `'NODE:PATH'.toLowerCase()`,
 * `'path'.padStart(9, 'node:')`, `JSON.parse('"node:path"')`, `Object.keys({ 'node:path': 1 })[0]`,
 * `decodeURIComponent('node%3Apath')` always name `node:path` in a process whose builtins are the
 * ones Node ships. One table serves the folder and the patch recognizer (builtin-member-patches.ts,
 * launch-read-hooks.ts): each of these replaced in any module of the program is UNANALYZED where it
 * is replaced (docs/choices.md 66, 67, 77), so the folded value is the one every process the guard
 * passes computes. Values are computed here by the same builtins, given primitives only: no code of
 * the program runs and no conversion reaches an object's `toString`.
 */

/** What the folder computes: a string, a number, or an array of those (a `split`, `Object.keys`, an array literal). */
export type Folded = string | number | readonly Primitive[];
export type Primitive = string | number;

/** Folded texts longer than this are not computed (`'x'.repeat(1e9)` would exhaust the guard, not name a module). */
const MAX_FOLDED_LENGTH = 65_536;

type Method<Receiver> = (receiver: Receiver, args: readonly Primitive[]) => Folded | undefined;

const integer = (value: Primitive | undefined): number | undefined => (value === undefined ? undefined : Number(value));
const text = (value: Primitive | undefined): string | undefined => (value === undefined ? undefined : String(value));
/** A pattern or separator: only a string primitive is used as text without looking up `Symbol.replace`/`Symbol.split` on Number.prototype. */
const pattern = (value: Primitive | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const bounded = (length: number | undefined): boolean => length === undefined || Number.isNaN(length) || length <= MAX_FOLDED_LENGTH;

/**
 * `String.prototype` members that compute a string, a number or a list of strings from primitives alone.
 * Not here: the locale-dependent ones (`toLocaleLowerCase`: the guard's locale is not the process's),
 * those that take a callback or a RegExp (a `replace` with a regular expression runs `RegExp.prototype`),
 * and those returning booleans (nothing folded is a boolean).
 */
const STRING_METHODS: ReadonlyMap<string, Method<string>> = new Map<string, Method<string>>([
  ['at', (s, [i]) => s.at(integer(i) ?? 0)],
  ['charAt', (s, [i]) => s.charAt(integer(i) ?? 0)],
  ['charCodeAt', (s, [i]) => s.charCodeAt(integer(i) ?? 0)],
  ['codePointAt', (s, [i]) => s.codePointAt(integer(i) ?? 0)],
  ['concat', (s, args) => s.concat(...args.map(String))],
  ['indexOf', (s, [search, from]) => s.indexOf(text(search) ?? 'undefined', integer(from))],
  ['lastIndexOf', (s, [search, from]) => s.lastIndexOf(text(search) ?? 'undefined', integer(from))],
  ['normalize', (s, [form]) => s.normalize(text(form))],
  ['padEnd', (s, [length, fill]) => (bounded(integer(length)) ? s.padEnd(integer(length) ?? 0, text(fill)) : undefined)],
  ['padStart', (s, [length, fill]) => (bounded(integer(length)) ? s.padStart(integer(length) ?? 0, text(fill)) : undefined)],
  ['repeat', (s, [count]) => (bounded(s.length * (integer(count) ?? 0)) ? s.repeat(integer(count) ?? 0) : undefined)],
  ['replace', (s, [search, replacement]) => (pattern(search) === undefined ? undefined : s.replace(pattern(search) as string, text(replacement) ?? 'undefined'))],
  ['replaceAll', (s, [search, replacement]) => (pattern(search) === undefined ? undefined : s.replaceAll(pattern(search) as string, text(replacement) ?? 'undefined'))],
  ['slice', (s, [start, end]) => s.slice(integer(start), integer(end))],
  ['split', (s, [separator, limit]) => (separator !== undefined && pattern(separator) === undefined ? undefined : s.split(pattern(separator) as string, integer(limit)))],
  ['substr', (s, [start, length]) => s.substr(integer(start) ?? 0, integer(length))],
  ['substring', (s, [start, end]) => s.substring(integer(start) ?? 0, integer(end))],
  ['toLowerCase', (s) => s.toLowerCase()],
  ['toString', (s) => s],
  ['toUpperCase', (s) => s.toUpperCase()],
  ['trim', (s) => s.trim()],
  ['trimEnd', (s) => s.trimEnd()],
  ['trimLeft', (s) => s.trimStart()],
  ['trimRight', (s) => s.trimEnd()],
  ['trimStart', (s) => s.trimStart()],
  ['valueOf', (s) => s],
]);

/**
 * `Array.prototype` members folded over an array of constants. `Array.prototype` replaced anywhere is
 * UNANALYZED already (docs/choices.md 35), for every member an array has.
 */
const ARRAY_METHODS: ReadonlyMap<string, Method<readonly Primitive[]>> = new Map<string, Method<readonly Primitive[]>>([
  ['at', (list, [i]) => list.at(integer(i) ?? 0)],
  ['indexOf', (list, [search, from]) => list.indexOf(search as Primitive, integer(from))],
  ['join', (list, [separator]) => list.join(text(separator))],
  ['lastIndexOf', (list, [search, from]) => (from === undefined ? list.lastIndexOf(search as Primitive) : list.lastIndexOf(search as Primitive, integer(from)))],
  ['slice', (list, [start, end]) => list.slice(integer(start), integer(end))],
  ['toString', (list) => list.join()],
  ['valueOf', (list) => list],
]);

/** Functions of a global namespace (`JSON.parse`, `String.fromCharCode`), by namespace then member. */
const STATIC_FUNCTIONS: ReadonlyMap<string, ReadonlyMap<string, (args: readonly Folded[]) => Folded | undefined>> = new Map([
  ['String', new Map([
    ['fromCharCode', (args: readonly Folded[]) => (args.every(isPrimitive) ? String.fromCharCode(...args.map(Number)) : undefined)],
    ['fromCodePoint', (args: readonly Folded[]) => (args.every(isPrimitive) ? String.fromCodePoint(...args.map(Number)) : undefined)],
  ])],
  ['JSON', new Map([
    ['parse', (args: readonly Folded[]) => (args.length === 1 && typeof args[0] === 'string' ? parsedConstant(args[0]) : undefined)],
    // A primitive has no `toJSON` to look up (only objects do): the text is the quoted string or the number.
    ['stringify', (args: readonly Folded[]) => (args.length === 1 && isPrimitive(args[0]) ? JSON.stringify(args[0]) : undefined)],
  ])],
]);

/** Functions of `Object` that list an object literal's own keys (constants.ts gives them the keys as written). */
const OBJECT_KEY_FUNCTIONS: ReadonlySet<string> = new Set(['keys', 'getOwnPropertyNames']);

/** Global functions of one string (`decodeURIComponent`), and `String(x)` of a primitive. */
const GLOBAL_FUNCTIONS: ReadonlyMap<string, (value: string) => Folded> = new Map([
  ['decodeURI', decodeURI],
  ['decodeURIComponent', decodeURIComponent],
  ['encodeURI', encodeURI],
  ['encodeURIComponent', encodeURIComponent],
  ['String', String],
]);

function isPrimitive(value: Folded | undefined): value is Primitive {
  return typeof value === 'string' || typeof value === 'number';
}

/** JSON text whose value is a primitive or a list of them; anything else (an object, `true`, `null`) is not folded. */
function parsedConstant(source: string): Folded | undefined {
  const value: unknown = JSON.parse(source);
  if (isPrimitive(value as Folded)) return value as Primitive;
  return Array.isArray(value) && value.every((item) => isPrimitive(item as Folded)) ? (value as Primitive[]) : undefined;
}

/** Runs a folding step; a builtin that throws (`decodeURIComponent('%')`, `normalize('x')`) folds nothing. */
function attempt(step: () => Folded | undefined): Folded | undefined {
  try {
    const value = step();
    return typeof value === 'string' && value.length > MAX_FOLDED_LENGTH ? undefined : value;
  } catch {
    return undefined;
  }
}

/** `receiver.method(...args)` where the receiver is folded (a string or an array of constants). */
export function foldedMethodCall(receiver: Folded, method: string, args: readonly Folded[]): Folded | undefined {
  if (!args.every(isPrimitive)) return undefined;
  if (typeof receiver === 'string') {
    const run = STRING_METHODS.get(method);
    return run === undefined ? undefined : attempt(() => run(receiver, args));
  }
  if (typeof receiver === 'number') return undefined;
  const run = ARRAY_METHODS.get(method);
  return run === undefined ? undefined : attempt(() => run(receiver, args));
}

/** `Namespace.member(...args)` of an unshadowed global (`JSON.parse`, `String.fromCharCode`). */
export function foldedStaticCall(namespace: string, member: string, args: readonly Folded[]): Folded | undefined {
  const run = STATIC_FUNCTIONS.get(namespace)?.get(member);
  return run === undefined ? undefined : attempt(() => run(args));
}

/** `name(value)` of an unshadowed global function (`decodeURIComponent`, `String`). */
export function foldedGlobalCall(name: string, args: readonly Folded[]): Folded | undefined {
  const run = GLOBAL_FUNCTIONS.get(name);
  const [value] = args;
  if (run === undefined || !isPrimitive(value)) return undefined;
  return attempt(() => run(String(value)));
}

/**
 * `Object.keys({ 'node:path': 1 })`: the keys of an object literal in the order the object lists them
 * (integer keys first, ascending; then the others as written, a repeated key at its first place).
 */
export function foldedObjectKeys(member: string, writtenKeys: readonly string[]): Folded | undefined {
  if (!OBJECT_KEY_FUNCTIONS.has(member)) return undefined;
  const object: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const key of writtenKeys) Object.defineProperty(object, key, { value: 0, enumerable: true, configurable: true });
  return Object.keys(object);
}

/** Does the folder evaluate `Namespace.member` / the global function `name` (member undefined)? The patch recognizer asks. */
export function isFoldedGlobal(name: string, member?: string): boolean {
  if (member === undefined) return GLOBAL_FUNCTIONS.has(name) || isFoldedNamespace(name);
  return name === 'Object' ? OBJECT_KEY_FUNCTIONS.has(member) : (STATIC_FUNCTIONS.get(name)?.has(member) ?? false);
}

/** Globals whose members the folder calls (`JSON`, `Object`, `String`). */
export function isFoldedNamespace(name: string): boolean {
  return name === 'Object' || STATIC_FUNCTIONS.has(name);
}

/**
 * Does writing `key` on `String.prototype` change what the folder computes? Its folded methods,
 * `__proto__` (a new prototype supplies `Symbol.replace`/`Symbol.split`, which a string pattern's
 * `replace`/`split` look up) and any key not written out (null: `Symbol.split`, a computed key).
 */
export function replacesFoldedStringMember(key: string | null): boolean {
  return key === null || key === '__proto__' || STRING_METHODS.has(key);
}
