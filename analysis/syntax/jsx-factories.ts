import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import type { Binding } from './scope.js';
import type { JsxSettings } from './types.js';
import type { Walker } from './walker.js';

/**
 * Classic JSX compiles every element to a call of the factory (`<a />` is `h('a', null)`) and every
 * fragment to the factory called with the fragment factory (`<></>` is `h(Frag, null)`). The file
 * names them in `@jsx X` / `@jsxFrag X` pragma comments or the project in `jsxFactory` /
 * `jsxFragmentFactory`: a binding named there is used by the JSX, written nowhere else in the code
 * (docs/choices.md 69); a global named there is called with the element's tag and props
 * (`jsxFactory: "fetch"` makes `<u.url />` a `fetch(u.url, null)`: choice 83). The caller hands the
 * tsconfig's settings in (AnalyzeOptions.jsx); a file with JSX and no pragma nor setting for a factory
 * it uses may hand any of its bindings to the JSX: every import counts as used.
 */
export interface JsxFactories {
  /** The first name of each pragma's entity (`net` of `@jsxFrag net.connect`). */
  readonly names: ReadonlySet<string>;
  /** The file's JSX uses a factory no pragma names (the project's setting): any binding may be it. */
  readonly anyBinding: boolean;
}

const NONE: JsxFactories = { names: new Set(), anyBinding: false };
const factoriesByFile = new WeakMap<ts.SourceFile, JsxFactories>();
/** The project's settings each file is analyzed under (one walk of a file reads them from several places). */
const settingsByFile = new WeakMap<ts.SourceFile, JsxSettings>();

/** The tsconfig's factories for `file`'s coming walk; a change of settings forgets what was read under the old ones. */
export function useProjectJsx(file: ts.SourceFile, settings: JsxSettings = {}): void {
  const before = settingsByFile.get(file);
  if (before !== undefined && before.factory === settings.factory && before.fragmentFactory === settings.fragmentFactory) return;
  settingsByFile.set(file, settings);
  factoriesByFile.delete(file);
}

/**
 * `@jsx h`, `@jsxFrag Frag` in any comment (Babel reads every comment): read from the whole text but the
 * file's string, template, regular expression and JSX text literals, so a pragma in any comment is never
 * missed and a string that reads `@jsx fetch` is no pragma (red team round 18); `@jsxImportSource` and
 * `@jsxRuntime` name no binding. Each name counts as a factory; only a pragma TypeScript honours
 * (leadingPragmaOverrides) drops the project's setting.
 */
const PRAGMA = /@jsx(frag)?\s+([A-Za-z_$][\w$]*)/gi;

/**
 * TypeScript's own rule (parser `processCommentPragmas`, checker `getJsxFactoryEntity`): pragmas are read
 * from the comments before the first token only (after a `#!` line); a `//` comment is one when it starts
 * `//` or `///`, spaces and `@name`, a block comment at any `@name`; the name is matched case-insensitively;
 * the first `@jsx` (and the first `@jsxFrag`) counts, and its first word must parse as an entity name
 * (`h`, `a.b`), else the compiler option stays. A pragma anywhere else (`/** @jsx h *\/` after the first
 * statement, `// @jsx h` at the end) leaves tsconfig's `fetch` the factory (red team round 20, choice 97).
 */
const SINGLE_LINE_PRAGMA = /^\/\/\/?\s*@([^\s:]+)((?:[^\S\r\n]|:).*)?$/m;
const ENTITY_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

interface LeadingPragmas {
  /** The first `@jsx` / `@jsxFrag` TypeScript reads names a valid entity: it replaces the project's setting. */
  readonly factory: boolean;
  readonly fragmentFactory: boolean;
  /** A pragma TypeScript reads names something this reading cannot parse (not ASCII): any binding may be it. */
  readonly unreadable: boolean;
}

function leadingPragmaOverrides(file: ts.SourceFile): LeadingPragmas {
  const first = new Map<string, string>();
  const note = (name: string, args: string | undefined): void => {
    const key = name.toLowerCase();
    if ((key === 'jsx' || key === 'jsxfrag') && !first.has(key)) first.set(key, (args ?? '').trim().split(/\s+/)[0] ?? '');
  };
  for (const range of tsv.getLeadingCommentRanges(file.text, 0) ?? []) {
    const comment = file.text.slice(range.pos, range.end);
    if (range.kind === tsv.SyntaxKind.SingleLineCommentTrivia) {
      const match = SINGLE_LINE_PRAGMA.exec(comment);
      if (match !== null) note(match[1] as string, match[2]);
    } else for (const match of comment.matchAll(/@(\S+)(\s+(?:\S.*)?)?$/gm)) note(match[1] as string, match[2]);
  }
  const honoured = (key: string): boolean => ENTITY_NAME.test(first.get(key) ?? '');
  // An argument outside ASCII may still be an identifier to TypeScript: this reading cannot tell.
  const unreadable = [...first.values()].some((arg) => /[^\x00-\x7f]/.test(arg));
  return { factory: honoured('jsx'), fragmentFactory: honoured('jsxfrag'), unreadable };
}

/** Every JSX element or fragment closes with `/>` or `</`: a file with neither has none, and needs no walk. */
const MAY_HOLD_JSX = /\/>|<\//;

export function jsxFactoriesOf(file: ts.SourceFile): JsxFactories {
  let factories = factoriesByFile.get(file);
  if (factories === undefined) factoriesByFile.set(file, (factories = scan(file)));
  return factories;
}

/** True when `name` may be a factory the file's JSX calls or hands on. */
export function isJsxFactoryName(file: ts.SourceFile, name: string): boolean {
  const factories = jsxFactoriesOf(file);
  return factories.anyBinding || factories.names.has(name);
}

function scan(file: ts.SourceFile): JsxFactories {
  if (file.languageVariant !== tsv.LanguageVariant.JSX || !MAY_HOLD_JSX.test(file.text)) return NONE;
  const found = { jsx: false, fragment: false };
  const visit = (node: ts.Node): void => {
    if (tsv.isJsxFragment(node)) found.fragment = found.jsx = true;
    else if (tsv.isJsxElement(node) || tsv.isJsxSelfClosingElement(node)) found.jsx = true;
    if (!found.fragment) tsv.forEachChild(node, visit);
  };
  tsv.forEachChild(file, visit);
  if (!found.jsx) return NONE;
  const names = new Set<string>();
  const literals = literalRanges(file);
  for (const match of file.text.matchAll(PRAGMA)) {
    if (!literals.some(([start, end]) => start <= match.index && match.index < end)) names.add(match[2] as string);
  }
  // A pragma overrides the project's setting for its file only where TypeScript reads it.
  const { factory, fragmentFactory, unreadable } = leadingPragmaOverrides(file);
  if (unreadable) return { names, anyBinding: true };
  const settings = settingsByFile.get(file) ?? {};
  const projectFactory = factory ? undefined : entityRoot(settings.factory);
  const projectFragment = fragmentFactory || !found.fragment ? undefined : entityRoot(settings.fragmentFactory);
  if (projectFactory !== undefined) names.add(projectFactory);
  if (projectFragment !== undefined) names.add(projectFragment);
  return { names, anyBinding: !(factory || projectFactory !== undefined) || (found.fragment && !(fragmentFactory || projectFragment !== undefined)) };
}

/** The compiler options' JSX factories (a tsconfig's, or one it extends), when they name any. */
export function jsxSettingsOf(options: ts.CompilerOptions): JsxSettings | undefined {
  const { jsxFactory: factory, jsxFragmentFactory: fragmentFactory } = options;
  if (factory === undefined && fragmentFactory === undefined) return undefined;
  return { ...(factory === undefined ? {} : { factory }), ...(fragmentFactory === undefined ? {} : { fragmentFactory }) };
}

/** `globalThis.fetch` → `globalThis`: the binding (or global) an entity name starts from. */
function entityRoot(entity: string | undefined): string | undefined {
  return entity === undefined ? undefined : /^\s*([A-Za-z_$][\w$]*)/.exec(entity)?.[1];
}

/** Where the file's literal text lies (`'…'`, `` `…` ``, `/…/`, JSX text): a pragma's words there are data. */
function literalRanges(file: ts.SourceFile): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  const visit = (node: ts.Node): void => {
    if (tsv.isStringLiteral(node) || tsv.isNoSubstitutionTemplateLiteral(node) || tsv.isTemplateLiteralToken(node) || tsv.isRegularExpressionLiteral(node) || tsv.isJsxText(node)) ranges.push([node.getStart(file), node.end]);
    else tsv.forEachChild(node, visit);
  };
  tsv.forEachChild(file, visit);
  return ranges;
}

/** Bindings already judged as a factory in a walk (the syntactic and the typed walk of one file each report): once, at the first JSX that uses it. */
const judged = new WeakMap<Walker, Set<Binding | string>>();

/**
 * At a JSX element or fragment: each binding a pragma names, as the scope there resolves it, is
 * used. A namespace or a default import (`import * as net`) is judged as the whole module, a
 * global (`@jsx fetch`) as the global handed on; a named import was judged at the import, which
 * counts it as used (tested-only.ts isUnreferenced). A factory no pragma names may be any binding:
 * the walk judges every builtin binding left unused as used when it leaves its scope (analyzer.ts),
 * so one used elsewhere is still judged by its uses.
 */
export function judgeJsxFactories(walker: Walker, jsx: ts.Node, useGlobal: (name: string, node: ts.Node) => void): void {
  const factories = jsxFactoriesOf(walker.sourceFile);
  if (factories.names.size === 0) return;
  let seen = judged.get(walker);
  if (seen === undefined) judged.set(walker, (seen = new Set()));
  for (const name of factories.names) {
    const binding = walker.scope.lookup(name);
    if (binding === undefined) {
      if (!seen.has(name)) useGlobal(name, jsx);
      seen.add(name);
    } else {
      useFactoryBinding(walker, binding, jsx, seen);
    }
  }
}

function useFactoryBinding(walker: Walker, binding: Binding, jsx: ts.Node, seen: Set<Binding | string>): void {
  if (seen.has(binding)) return;
  seen.add(binding);
  if (binding.kind === 'module') {
    binding.used = true;
    walker.reachModule(binding.specifier, jsx, 'named as a JSX factory');
  } else if (binding.kind === 'flag-sensitive') {
    binding.used = true;
    walker.reachMember(binding.specifier, binding.member, jsx);
  } else if (binding.kind === 'require') {
    walker.report.unanalyzed(jsx, 'JSX factory', 'an alias of `require` named as a JSX factory');
  }
}
