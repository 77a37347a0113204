import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { helperCandidates, namesToScan, tslibBindings, verifiedHelpers } from './interop-helpers.js';
import { isInsideWith, isUndeclaredGlobal, scanNames, soleDeclaration, type NameScan } from './interop-names.js';
import { TSLIB_WRAPPERS } from './interop-shapes.js';
import { WEBPACK_NAMES, findWebpackRuntime, moduleIdText, type WebpackRuntime } from './interop-webpack.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * What a file's interop code is, found once per file (interop.ts uses it to follow module values;
 * module-loads.ts asks it about webpack's `__webpack_require__`). It depends on no other part of
 * the detector, so the detector's files can all use it.
 */
interface InteropIndex {
  readonly scan: NameScan | undefined;
  /** Local names of verified wrappers declared by the file, and of tslib's wrappers it imports. */
  readonly wrappers: ReadonlySet<string>;
  /** Local names bound to the tslib package. */
  readonly tslibNamespaces: ReadonlySet<string>;
  readonly webpack: WebpackRuntime | undefined;
}

const NOTHING: InteropIndex = { scan: undefined, wrappers: new Set(), tslibNamespaces: new Set(), webpack: undefined };
// Text every file with a helper contains (`__importStar`, `__importDefault`, `__toESM`, `_interop`,
// `tslib`, `__webpack_require__`); a file without any is never scanned. One pattern reads the text
// once, where a search per marker read it six times.
const MARKERS = /_(?:_importStar|_importDefault|_toESM|interop|_webpack_require__)|tslib/;

const indexes = new WeakMap<ts.SourceFile, InteropIndex>();

/**
 * Called once per walk: the hooks find the file's helpers from any scope of it. The file is kept
 * on the walk's root scope, which dies with the walk. A module-level WeakMap from root scope to
 * file kept every tree alive through V8's minor GCs until the next full one (an entry's value
 * survives a scavenge even when its key is dead): each tree was copied again by every scavenge
 * and then promoted, 2.2× the parse's own scavenged bytes on the bench corpus (docs/benchmarks.md, session 15).
 */
export function registerInteropFile(rootScope: Scope, sourceFile: ts.SourceFile): void {
  rootScope.file = sourceFile;
}

export function fileOf(scope: Scope): ts.SourceFile | undefined {
  return scope.root.file;
}

/** True when the file has interop code at all (its index scanned it): the cheap test before anything else. */
export function hasInteropCode(scope: Scope): boolean {
  return indexOf(scope).scan !== undefined;
}

/** The last file's root scope and index: asked at every call, so the walk's own file answers without a lookup. */
let lastRoot: Scope | undefined;
let lastIndex: InteropIndex = NOTHING;

function indexOf(scope: Scope): InteropIndex {
  if (scope.root === lastRoot) return lastIndex;
  const sourceFile = fileOf(scope);
  if (sourceFile === undefined) return NOTHING;
  const index = indexOfFile(sourceFile);
  lastRoot = scope.root;
  lastIndex = index;
  return index;
}

function indexOfFile(sourceFile: ts.SourceFile): InteropIndex {
  let index = indexes.get(sourceFile);
  if (index === undefined) indexes.set(sourceFile, (index = buildIndex(sourceFile)));
  return index;
}

function buildIndex(sourceFile: ts.SourceFile): InteropIndex {
  if (!MARKERS.test(sourceFile.text)) return NOTHING;
  const candidates = helperCandidates(sourceFile);
  const tslib = tslibBindings(sourceFile);
  const scan = scanNames(sourceFile, new Set([...namesToScan(candidates, [...tslib.namespaces, ...tslib.wrappers]), ...WEBPACK_NAMES]));
  const once = (name: string): boolean => soleDeclaration(scan, name) !== undefined;
  const requireIsGlobal = isUndeclaredGlobal(scan, 'require');
  const wrappers = new Set([...verifiedHelpers(sourceFile, scan, candidates).keys(), ...(requireIsGlobal ? tslib.wrappers.filter(once) : [])]);
  const tslibNamespaces = new Set(requireIsGlobal ? tslib.namespaces.filter(once) : []);
  return { scan, wrappers, tslibNamespaces, webpack: findWebpackRuntime(sourceFile, scan) };
}

/** The callee of `call` is a verified wrapper: `__importStar`, `(0, tslib_1.__importStar)`, `_interopNamespaceDefault`. */
export function isWrapperCall(call: ts.CallExpression, scope: Scope): boolean {
  return isWrapperCallIn(call, indexOf(scope));
}

/** isWrapperCall for a caller without a scope (the typed escape finder): the call's own file is indexed. */
export function isVerifiedWrapperCall(call: ts.CallExpression): boolean {
  return isWrapperCallIn(call, indexOfFile(call.getSourceFile()));
}

function isWrapperCallIn(call: ts.CallExpression, index: InteropIndex): boolean {
  if (index.scan === undefined || isInsideWith(index.scan, call)) return false;
  const extra = call.arguments[1];
  // esbuild passes `1` as `isNodeMode`; nothing else takes a second argument.
  if (call.arguments.length > 2 || (extra !== undefined && !(tsv.isNumericLiteral(extra) && extra.text === '1'))) return false;
  const callee = skipOuter(call.expression);
  if (tsv.isIdentifier(callee)) return index.wrappers.has(callee.text);
  if (!tsv.isPropertyAccessExpression(callee) && !tsv.isElementAccessExpression(callee)) return false;
  const base = skipOuter(callee.expression);
  const member = tsv.isPropertyAccessExpression(callee) ? callee.name.text : tsv.isStringLiteral(callee.argumentExpression) ? callee.argumentExpression.text : undefined;
  if (tsv.isIdentifier(base) && index.tslibNamespaces.has(base.text)) return member !== undefined && TSLIB_WRAPPERS.has(member);
  // webpack's default-import getter: `__webpack_require__.n(fs_module)`.
  return tsv.isIdentifier(base) && base.text === '__webpack_require__' && member === 'n' && index.webpack?.getter === true && within(call, index.webpack.range);
}

const within = (node: ts.Node, range: readonly [number, number]): boolean => node.pos >= range[0] && node.end <= range[1];

/** A module load as module-loads.ts describes one (kept structural: that file imports this one). */
export interface WebpackLoad {
  readonly kind: 'require';
  readonly specifier: ts.Expression;
  readonly consumed: ReadonlySet<ts.Node>;
}

/** moduleLoadOf: `__webpack_require__("fs")` of a verified runtime loads what the external factory requires. */
export function webpackLoadOf(call: ts.CallExpression, scope: Scope): WebpackLoad | undefined {
  const callee = call.expression;
  if (!tsv.isIdentifier(callee) || callee.text !== '__webpack_require__' || call.arguments.length !== 1) return undefined;
  const webpack = indexOf(scope).webpack;
  const argument = call.arguments[0] as ts.Expression;
  const id = moduleIdText(argument);
  const specifier = webpack === undefined || id === undefined || tsv.isIdentifier(argument) || !within(call, webpack.range) ? undefined : webpack.externals.get(id);
  return specifier === undefined ? undefined : { kind: 'require', specifier, consumed: new Set([argument]) };
}

/** visitCall: the `require("fs")` of a verified external factory runs only through `__webpack_require__`. */
export function isWebpackExternalRequire(call: ts.CallExpression, scope: Scope): boolean {
  return tsv.isIdentifier(call.expression) && call.expression.text === 'require' && indexOf(scope).webpack?.externalRequires.has(call) === true;
}

/** `x.default` of a module binding is the module (compiled default imports): `process_1.default.exit` is `process.exit`. */
export function withoutModuleDefault(expression: ts.Expression, scope: Scope): ts.Expression {
  const inner = skipOuter(expression);
  const isDefault = (tsv.isPropertyAccessExpression(inner) && inner.name.text === 'default') || (tsv.isElementAccessExpression(inner) && tsv.isStringLiteral(inner.argumentExpression) && inner.argumentExpression.text === 'default');
  if (!isDefault) return expression;
  const base = skipOuter(inner.expression);
  return tsv.isIdentifier(base) && scope.lookup(base.text)?.kind === 'module' ? base : expression;
}
