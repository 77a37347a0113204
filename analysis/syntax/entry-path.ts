import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constInitializer } from './entry-path-consts.js';
import { builtinMemberOf, builtinModuleOf } from './entry-path-modules.js';
import { requireFunction } from './module-loads.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * A value the evaluator proved: a file path, a URL, or a specifier `require.resolve` was given.
 * `anchored`: it derives from the module's own location (`__dirname`, `import.meta.url`, …), so
 * it names a file of the program; a string that does not is relative to the working directory.
 */
export interface PathValue {
  readonly form: 'path' | 'url' | 'specifier';
  readonly text: string;
  readonly anchored: boolean;
}

/** What the evaluator needs from the walk: the module's file, its scope, the nodes around the expression. */
export interface PathContext {
  readonly fileName: string;
  readonly scope: Scope;
  readonly ancestors: readonly ts.Node[];
}

/** `const` → `const` chains are followed this deep. */
const MAX_DEPTH = 8;

/**
 * The one evaluator of "a path relative to this module" (Worker entries, Node child entries,
 * `createRequire` bases): string literals and templates, `+`, `__dirname`/`__filename`,
 * `import.meta.dirname`/`filename`/`url`, `path.join`/`path.resolve`, `new URL(rel, base)` with
 * URL semantics (`'jobs/x.cjs'` against the file URL is a sibling folder), `fileURLToPath`,
 * `pathToFileURL`, `.href`, `require.resolve('…')`, and `const`s of those. Values are computed
 * concretely from the module's real path, so `..`, percent-encoding and trailing slashes mean
 * what they mean to Node. Undefined: not provable from the syntax.
 */
export function evaluatePath(expression: ts.Expression, context: PathContext, depth = 0): PathValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipOuter(expression);
  const next = (part: ts.Expression): PathValue | undefined => evaluatePath(part, context, depth + 1);
  if (ts.isStringLiteralLike(inner)) return { form: inner.text.startsWith('file:') ? 'url' : 'path', text: inner.text, anchored: false };
  if (ts.isIdentifier(inner)) return identifierValue(inner, context, depth);
  if (ts.isPropertyAccessExpression(inner)) return memberValue(inner, context, next);
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) return concatenate([next(inner.left), next(inner.right)]);
  if (ts.isTemplateExpression(inner)) {
    const parts: Array<PathValue | undefined> = [literal(inner.head.text)];
    for (const span of inner.templateSpans) parts.push(next(span.expression), literal(span.literal.text));
    return concatenate(parts);
  }
  if (ts.isNewExpression(inner) && isUrlConstructor(inner.expression, context)) return urlValue(inner.arguments ?? [], next);
  if (ts.isCallExpression(inner)) return callValue(inner, context, next);
  return undefined;
}

function literal(text: string): PathValue {
  return { form: 'path', text, anchored: false };
}

/** A piece of a string built by concatenation: literal text, or an expression to evaluate. */
export type PathPart = string | ts.Expression;

/** The value of pieces joined together (a command-line word, a `--require=…` value), by the rules of `+`. */
export function evaluateParts(parts: readonly PathPart[], context: PathContext): PathValue | undefined {
  return concatenate(parts.map((part) => (typeof part === 'string' ? literal(part) : evaluatePath(part, context, 1))));
}

/** `URL` is the global (unshadowed) or node:url's. */
function isUrlConstructor(callee: ts.Expression, context: PathContext): boolean {
  const inner = skipOuter(callee);
  if (ts.isIdentifier(inner) && inner.text === 'URL' && context.scope.lookup('URL') === undefined) return true;
  const member = builtinMemberOf(inner, context);
  return member?.specifier === 'node:url' && member.member === 'URL';
}

/**
 * The function of node:path or node:url a callee is (`path.join`, `require('path').join`,
 * `path.posix.join`, `join` imported from node:path, `url.fileURLToPath`): a look-alike of the
 * project (`mine.join`) computes something else, so it is not evaluated.
 */
function pathFunction(callee: ts.Expression, context: PathContext): string | undefined {
  const inner = skipOuter(callee);
  const member = builtinMemberOf(inner, context);
  if (member?.member === null) return undefined;
  if (member !== undefined) return member.specifier === 'node:path' || member.specifier === 'node:path/posix' || member.specifier === 'node:url' ? member.member : undefined;
  // `path.posix.join`: the posix namespace of node:path (on Windows `path` itself is win32, but entries here are module-relative).
  if ((ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) && ts.isPropertyAccessExpression(skipOuter(inner.expression))) {
    const namespace = skipOuter(inner.expression) as ts.PropertyAccessExpression;
    if (namespace.name.text === 'posix' && builtinModuleOf(namespace.expression, context) === 'node:path') return ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
  }
  return undefined;
}

/** `a + b` and templates: the first piece may be anchored, every later one must be plain text. */
function concatenate(parts: ReadonlyArray<PathValue | undefined>): PathValue | undefined {
  const nonEmpty = parts.filter((part) => part === undefined || part.text !== '' || part.anchored);
  const [first, ...rest] = nonEmpty;
  if (first === undefined || rest.some((part) => part === undefined || part.anchored || part.form === 'specifier')) return undefined;
  if (first.form === 'specifier') return undefined;
  const text = first.text + rest.map((part) => part?.text ?? '').join('');
  return { form: first.form === 'url' || text.startsWith('file:') ? 'url' : 'path', text, anchored: first.anchored };
}

function identifierValue(identifier: ts.Identifier, context: PathContext, depth: number): PathValue | undefined {
  const binding = context.scope.lookup(identifier.text);
  if (binding === undefined) {
    if (identifier.text === '__dirname') return { form: 'path', text: path.posix.dirname(context.fileName), anchored: true };
    if (identifier.text === '__filename') return { form: 'path', text: context.fileName, anchored: true };
    return undefined;
  }
  const initializer = constInitializer(identifier, context.ancestors);
  return initializer === undefined ? undefined : evaluatePath(initializer, context, depth + 1);
}

/** `import.meta.dirname` / `filename` / `url`, and `.href` of a URL value. */
function memberValue(access: ts.PropertyAccessExpression, context: PathContext, next: (part: ts.Expression) => PathValue | undefined): PathValue | undefined {
  const name = access.name.text;
  if (ts.isMetaProperty(access.expression) && access.expression.keywordToken === ts.SyntaxKind.ImportKeyword) {
    if (name === 'dirname') return { form: 'path', text: path.posix.dirname(context.fileName), anchored: true };
    if (name === 'filename') return { form: 'path', text: context.fileName, anchored: true };
    if (name === 'url') return { form: 'url', text: pathToFileURL(context.fileName).href, anchored: true };
    return undefined;
  }
  if (name !== 'href' && name !== 'pathname') return undefined;
  const base = next(access.expression);
  if (base?.form !== 'url') return undefined;
  if (name === 'href') return base;
  // `.pathname` keeps percent-escapes: a string Node then reads literally (`a%20b.cjs`, not `a b.cjs`).
  return base.text.startsWith('file:') ? tryValue(() => ({ form: 'path', text: new URL(base.text).pathname, anchored: base.anchored })) : undefined;
}

/** `new URL(relative, base)`: WHATWG URL resolution, as Node does it. */
function urlValue(args: readonly ts.Expression[], next: (part: ts.Expression) => PathValue | undefined): PathValue | undefined {
  const [relativeNode, baseNode] = args;
  const relative = relativeNode === undefined ? undefined : next(relativeNode);
  if (relative === undefined || relative.anchored || relative.form === 'specifier') {
    // `new URL(import.meta.url)` is the module's own URL.
    return baseNode === undefined && relative?.form === 'url' ? relative : undefined;
  }
  const base = baseNode === undefined ? undefined : next(baseNode);
  if (baseNode !== undefined && base?.form !== 'url') return undefined;
  try {
    return { form: 'url', text: new URL(relative.text, base?.text).href, anchored: base?.anchored ?? false };
  } catch {
    return undefined;
  }
}

function callValue(call: ts.CallExpression, context: PathContext, next: (part: ts.Expression) => PathValue | undefined): PathValue | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'resolve' && requireFunction(callee.expression, context.scope, GLOBAL_OBJECT_NAMES) === 'require') {
    return requireResolveValue(call.arguments, context, next);
  }
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'resolve' && ts.isMetaProperty(callee.expression) && callee.expression.keywordToken === ts.SyntaxKind.ImportKeyword) {
    return importMetaResolveValue(call.arguments[0], context);
  }
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString' && call.arguments.length === 0) {
    const base = next(callee.expression);
    return base?.form === 'url' ? base : undefined;
  }
  const name = pathFunction(callee, context);
  if (name === undefined) return undefined;
  const args = call.arguments.map((argument) => next(argument));
  const [first] = args;
  if (name === 'fileURLToPath' && first?.form === 'url') return tryValue(() => ({ form: 'path', text: fileURLToPath(first.text), anchored: first.anchored }));
  if (name === 'pathToFileURL' && first?.form === 'path' && path.posix.isAbsolute(first.text)) return { form: 'url', text: pathToFileURL(first.text).href, anchored: first.anchored };
  if (name === 'dirname' && first?.form === 'path' && args.length === 1) return { form: 'path', text: path.posix.dirname(first.text), anchored: first.anchored };
  if ((name !== 'join' && name !== 'resolve') || args.length === 0) return undefined;
  const paths: PathValue[] = [];
  for (const value of args) {
    if (value?.form !== 'path') return undefined;
    paths.push(value);
  }
  if (name === 'join') return { form: 'path', text: path.posix.join(...paths.map((value) => value.text)), anchored: paths[0]?.anchored ?? false };
  // `path.resolve` starts from the last absolute argument; without one, from the working directory.
  const start = paths.findLastIndex((value) => path.posix.isAbsolute(value.text));
  if (start < 0) return undefined;
  return { form: 'path', text: path.posix.resolve(...paths.slice(start).map((value) => value.text)), anchored: paths[start]?.anchored ?? false };
}

/**
 * `require.resolve('./x')` is the file `require('./x')` would load: a specifier relative to the
 * module. With `{ paths: [folder] }` Node starts from that folder instead (one folder the syntax
 * can place; several, or a bare name looked up from elsewhere, are not provable).
 */
function requireResolveValue(args: readonly ts.Expression[], context: PathContext, next: (part: ts.Expression) => PathValue | undefined): PathValue | undefined {
  const [argument, options] = args;
  const specifier = argument === undefined ? undefined : skipOuter(argument);
  if (specifier === undefined || !ts.isStringLiteralLike(specifier)) return undefined;
  const relative = /^\.{1,2}(\/|$)/.test(specifier.text);
  let folder = path.posix.dirname(context.fileName);
  if (options !== undefined) {
    const from = resolvePathsOption(options, next);
    if (from === undefined || !relative) return undefined;
    folder = from;
  }
  if (relative) return { form: 'path', text: path.posix.join(folder, specifier.text), anchored: true };
  return { form: 'specifier', text: specifier.text, anchored: true };
}

/** `import.meta.resolve('./x.mjs')`: the URL of that file next to the module (a bare name: the specifier). */
function importMetaResolveValue(argument: ts.Expression | undefined, context: PathContext): PathValue | undefined {
  const specifier = argument === undefined ? undefined : skipOuter(argument);
  if (specifier === undefined || !ts.isStringLiteralLike(specifier)) return undefined;
  if (!/^\.{1,2}(\/|$)/.test(specifier.text)) return { form: 'specifier', text: specifier.text, anchored: true };
  return tryValue(() => ({ form: 'url', text: new URL(specifier.text, pathToFileURL(context.fileName)).href, anchored: true }));
}

/** The one anchored folder of `{ paths: [folder] }`; an options object without `paths` is the module's own folder. */
function resolvePathsOption(options: ts.Expression, next: (part: ts.Expression) => PathValue | undefined): string | undefined {
  const literalOptions = skipOuter(options);
  if (!ts.isObjectLiteralExpression(literalOptions)) return undefined;
  if (literalOptions.properties.some((property) => !ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property))) return undefined;
  const paths = literalOptions.properties.find((property) => property.name !== undefined && ts.isIdentifier(property.name) && property.name.text === 'paths');
  if (paths === undefined || !ts.isPropertyAssignment(paths)) return undefined;
  const list = skipOuter(paths.initializer);
  const [only] = ts.isArrayLiteralExpression(list) && list.elements.length === 1 ? list.elements : [];
  const folder = only === undefined || ts.isSpreadElement(only) ? undefined : next(only);
  return folder?.form === 'path' && folder.anchored ? folder.text : undefined;
}

function tryValue(make: () => PathValue): PathValue | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/**
 * The module specifier, relative to the module, of the file a proved value names: `./jobs/x.cjs`,
 * `../shared/x.cjs`, or the bare name `require.resolve` was given. Undefined when the value is
 * not anchored at the module (a working-directory path) or is not a `file:` URL.
 */
export function moduleSpecifierOf(value: PathValue, fileName: string): string | undefined {
  if (value.form === 'specifier') return value.text;
  let absolute: string | undefined = value.form === 'path' ? value.text : undefined;
  if (value.form === 'url') absolute = value.text.startsWith('file:') ? tryValue(() => ({ form: 'path', text: fileURLToPath(value.text), anchored: true }))?.text : undefined;
  if (absolute === undefined || !path.posix.isAbsolute(absolute)) return undefined;
  // A plain absolute path string is the working directory's business (a browser: the page's).
  if (!value.anchored) return value.form === 'url' ? absolute : undefined;
  const relative = path.posix.relative(path.posix.dirname(fileName), absolute);
  if (relative === '') return undefined;
  return relative.startsWith('../') || relative === '..' ? relative : `./${relative}`;
}
