import { styleHides } from './css-hiding.js';
import { unescaped } from './css-direction.js';
import type { BrowserTag } from './html-tokenizer.js';

/**
 * The rules of a document's `<style>` elements that may hide an element's text (issue 13; docs/choices.md
 * 22, amended in session 18): `<style>.h{display:none}</style> All tests <span class="h">never</span>
 * pass.` shows "All tests pass." off GitHub (GitHub strips `<style>`). A `<style>` anywhere applies to
 * the whole document, before it too, so the rules are read once per document (html-tree-direction.ts
 * `documentTree`) and asked at each start tag (hidden-content.ts).
 *
 * Only the subject of a selector is matched (its last compound): type, `*`, `.class`, `#id` and
 * `[attribute]` with `= ~= |= ^= $= *=` (and the `i` flag). Fail closed (a match costs a second reading,
 * never a flag of its own): what a combinator asks of ancestors or siblings, pseudo-classes and
 * pseudo-elements are taken to hold; a compound tki cannot read matches every element; so does any
 * a key's rules once it holds more than MAX_RULES_PER_KEY of them are its key alone (a sheet of a million
 * rules costs no more per tag). What later rules, `!important` or an inline style undo is not read either: read both ways.
 * Rules inside at-rules (`@media`, `@supports`, `@layer`) count; `@import`ed and linked sheets are not read.
 */
export interface HidingSheet {
  /** A rule that may match any element (a compound tki cannot read, or too many rules under one key). */
  readonly anyElement: boolean;
  readonly byType: ReadonlyMap<string, readonly Compound[]>;
  readonly byClass: ReadonlyMap<string, readonly Compound[]>;
  readonly byId: ReadonlyMap<string, readonly Compound[]>;
  readonly byAttribute: ReadonlyMap<string, readonly Compound[]>;
}

interface AttributeTest {
  readonly name: string;
  readonly operator?: string;
  readonly value?: string;
  readonly caseless?: boolean;
}

interface Compound {
  readonly type?: string;
  readonly classes: readonly string[];
  readonly ids: readonly string[];
  readonly attributes: readonly AttributeTest[];
}

const MAX_RULES_PER_KEY = 64;
const MAX_KEYS_PER_TAG = 64;

/** Every `<style>` element's content in a text, start tag in any case, to its end tag or the text's end. */
const STYLE_ELEMENT = /<style(?=[\t\n\f\r />])[^>]{0,4096}>([\s\S]*?)(?:<\/style\s*>|$)/gi;

/** The hiding rules of the `<style>` elements in `text`, or undefined when it has none. */
export function hidingSheetOf(text: string): HidingSheet | undefined {
  const sheet = new SheetBuilder();
  // A sheet tki cannot read (linked, or imported) may hide any element.
  if (LINKED_SHEET.test(text)) sheet.add('');
  if (!/<style/i.test(text)) return sheet.finish();
  for (const match of text.matchAll(STYLE_ELEMENT)) {
    const css = match[1] ?? '';
    if (/@import/i.test(css)) sheet.add('');
    for (const rule of styleRules(css)) if (styleHides(rule.block)) sheet.add(rule.prelude);
  }
  return sheet.finish();
}

/** A `<link>` whose `rel` names a style sheet. */
const LINKED_SHEET = /<link(?=[\t\n\f\r />])[^>]{0,4096}?stylesheet/i;

/** The style rules of a sheet (preludes and blocks), at-rules' blocks entered: one forward walk. */
function* styleRules(css: string): Generator<{ prelude: string; block: string }> {
  const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
  let preludeStart = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === ';' || char === '}') preludeStart = index + 1;
    else if (char === '{') {
      const prelude = text.slice(preludeStart, index).trim();
      preludeStart = index + 1;
      // An at-rule's block holds rules (entered); a style rule's block is its declarations.
      if (prelude.startsWith('@')) continue;
      const close = text.indexOf('}', index + 1);
      const end = close === -1 ? text.length : close;
      const block = text.slice(index + 1, end);
      // A nested rule (CSS nesting: `.a { .b { display: none } }`): its selector is relative to the
      // outer one, which tki does not compose; its declarations count, for any element (prelude '').
      const nested = block.lastIndexOf('{');
      if (nested === -1) yield { prelude, block };
      else {
        yield { prelude, block: block.slice(0, block.indexOf('{')) };
        yield { prelude: '', block: block.slice(nested + 1) };
      }
      index = end;
      preludeStart = end + 1;
    }
  }
}

class SheetBuilder {
  private anyElement = false;
  private readonly maps = { byType: new Map<string, Compound[]>(), byClass: new Map<string, Compound[]>(), byId: new Map<string, Compound[]>(), byAttribute: new Map<string, Compound[]>() };
  /** Keys past MAX_RULES_PER_KEY: their one entry tests the key alone (a coarser match, more elements read both ways). */
  private readonly saturated = new Set<Compound[]>();

  add(selectorList: string): void {
    for (const selector of splitOutside(selectorList, ',')) {
      if (this.anyElement) return;
      const compound = subjectCompound(selector);
      const filed = compound === undefined ? undefined : filedUnder(compound, this.maps);
      if (compound === undefined || filed === undefined) {
        this.anyElement = true;
        return;
      }
      const [map, key] = filed;
      const list = map.get(key) ?? [];
      map.set(key, list);
      if (this.saturated.has(list)) continue;
      if (list.length < MAX_RULES_PER_KEY) list.push(compound);
      else {
        list.splice(0, list.length, keyOnly(compound));
        this.saturated.add(list);
      }
    }
  }

  finish(): HidingSheet | undefined {
    const { byType, byClass, byId, byAttribute } = this.maps;
    if (!this.anyElement && byType.size + byClass.size + byId.size + byAttribute.size === 0) return undefined;
    return { anyElement: this.anyElement, byType, byClass, byId, byAttribute };
  }
}

type SheetMaps = SheetBuilder['maps'];

/** The map and key a compound is looked up by: its first id, else class, else attribute, else type; undefined: it tests none of them. */
function filedUnder(compound: Compound, maps: SheetMaps): [Map<string, Compound[]>, string] | undefined {
  if (compound.ids[0] !== undefined) return [maps.byId, compound.ids[0]];
  if (compound.classes[0] !== undefined) return [maps.byClass, compound.classes[0]];
  if (compound.attributes[0] !== undefined) return [maps.byAttribute, compound.attributes[0].name];
  return compound.type === undefined ? undefined : [maps.byType, compound.type];
}

/** The compound with only the test it is filed under. */
function keyOnly(compound: Compound): Compound {
  if (compound.ids[0] !== undefined) return { classes: [], ids: [compound.ids[0]], attributes: [] };
  if (compound.classes[0] !== undefined) return { classes: [compound.classes[0]], ids: [], attributes: [] };
  if (compound.attributes[0] !== undefined) return { classes: [], ids: [], attributes: [{ name: compound.attributes[0].name }] };
  return { ...(compound.type === undefined ? {} : { type: compound.type }), classes: [], ids: [], attributes: [] };
}

/** Parts of `text` split at `separator` outside brackets, parentheses and quotes. */
function splitOutside(text: string, separator: string | RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '\\') index = escapeEnd(text, index) - 1;
    else if (quote !== '') quote = char === quote ? '' : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth += 1;
    else if ((char === ']' || char === ')') && depth > 0) depth -= 1;
    else if (depth === 0 && (typeof separator === 'string' ? char === separator : separator.test(char))) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Where a CSS escape at `index` (a `\`) ends: 1–6 hex digits and the one white space that ends them (`#\31 23` is `#123`), or one character. */
function escapeEnd(text: string, index: number): number {
  const hex = /^[0-9a-fA-F]{1,6}[ \t\n\r\f]?/.exec(text.slice(index + 1, index + 8));
  return index + 1 + (hex === null ? 1 : hex[0].length);
}

const COMBINATOR = /[\s>+~]/;
const IDENT = String.raw`(?:[-_a-zA-Z0-9\u00a0-\uffff]|\\[0-9a-fA-F]{1,6}[ \t\n\r\f]?|\\[\s\S])+`;
const SIMPLE = new RegExp(String.raw`^(?:(\*|${IDENT})|#(${IDENT})|\.(${IDENT})|\[\s*(${IDENT})\s*(?:([~|^$*]?=)\s*("(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|${IDENT})\s*([iIsS])?\s*)?\]|::?(${IDENT})(\((?:[^()]|\([^()]*\))*\))?)`);

/** The last compound of a complex selector, as tests of one element; undefined when tki cannot read it. */
function subjectCompound(selector: string): Compound | undefined {
  const parts = splitOutside(selector.trim(), COMBINATOR).filter((part) => part !== '');
  let rest = parts[parts.length - 1];
  if (rest === undefined || rest === '') return undefined;
  let type: string | undefined;
  const classes: string[] = [];
  const ids: string[] = [];
  const attributes: AttributeTest[] = [];
  while (rest !== '') {
    const match = SIMPLE.exec(rest);
    if (match === null) return undefined;
    const [all, name, id, className, attribute, operator, value, flag] = match;
    if (name !== undefined) type = name === '*' ? undefined : unescaped(name).toLowerCase();
    else if (id !== undefined) ids.push(unescaped(id));
    else if (className !== undefined) classes.push(unescaped(className));
    else if (attribute !== undefined) attributes.push({ name: unescaped(attribute).toLowerCase(), ...(operator === undefined ? {} : { operator, value: unquoted(value ?? ''), caseless: flag?.toLowerCase() === 'i' }) });
    // A pseudo-class or pseudo-element: taken to hold (fail closed).
    rest = rest.slice(all.length);
  }
  return { ...(type === undefined ? {} : { type }), classes, ids, attributes };
}

function unquoted(value: string): string {
  return unescaped(value.startsWith('"') || value.startsWith("'") ? value.slice(1, -1) : value);
}

/** Whether a rule of the sheet may match the element this start tag opens. */
export function sheetMatches(sheet: HidingSheet, tag: BrowserTag): boolean {
  if (sheet.anyElement) return true;
  const classes = classesOf(tag);
  // A tag with more classes or attributes than this is matched by any rule filed under them (fail closed, bounded work per tag).
  if (classes.length > MAX_KEYS_PER_TAG && sheet.byClass.size > 0) return true;
  if (tag.attributes.size > MAX_KEYS_PER_TAG && sheet.byAttribute.size > 0) return true;
  const candidates: (readonly Compound[] | undefined)[] = [sheet.byType.get(tag.name)];
  const id = tag.attributes.get('id');
  if (id !== undefined) candidates.push(sheet.byId.get(id));
  for (const className of classes) candidates.push(sheet.byClass.get(className));
  for (const name of tag.attributes.keys()) candidates.push(sheet.byAttribute.get(name));
  return candidates.some((list) => list?.some((compound) => compoundMatches(compound, tag, classes)) === true);
}

function classesOf(tag: BrowserTag): readonly string[] {
  const value = tag.attributes.get('class');
  return value === undefined ? [] : value.split(/[\t\n\f\r ]+/).filter((name) => name !== '');
}

function compoundMatches(compound: Compound, tag: BrowserTag, classes: readonly string[]): boolean {
  if (compound.type !== undefined && compound.type !== tag.name) return false;
  if (compound.ids.some((id) => tag.attributes.get('id') !== id)) return false;
  if (compound.classes.some((name) => !classes.includes(name))) return false;
  return compound.attributes.every((test) => attributeMatches(test, tag.attributes.get(test.name)));
}

function attributeMatches(test: AttributeTest, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (test.operator === undefined || test.value === undefined) return true;
  const [have, want] = test.caseless === true ? [actual.toLowerCase(), test.value.toLowerCase()] : [actual, test.value];
  switch (test.operator) {
    case '=':
      return have === want;
    case '~=':
      return want !== '' && have.split(/[\t\n\f\r ]+/).includes(want);
    case '|=':
      return have === want || have.startsWith(`${want}-`);
    case '^=':
      return want !== '' && have.startsWith(want);
    case '$=':
      return want !== '' && have.endsWith(want);
    case '*=':
      return want !== '' && have.includes(want);
    default:
      return true;
  }
}
