import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';

/** Timers that compile a string first argument. */
export const TIMERS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate']);

/** Built-in constructors: each is a function, so `Object.constructor` is `Function`. */
export const GLOBAL_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'WeakRef', 'Date', 'RegExp', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ArrayBuffer', 'DataView', 'Proxy',
  'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'Event', 'EventTarget', 'Buffer',
]);

/**
 * Values the platform defines under a global name (ECMAScript's and Node 20's), one per process: a
 * written value rooted at one of them means the same wherever the write sits (shared-stores.ts).
 * A fixed list, not the analyzing process's own global object, so the answer does not depend on
 * the Node version that runs the guard.
 */
export const PLATFORM_GLOBAL_VALUES: ReadonlySet<string> = new Set([
  ...GLOBAL_CONSTRUCTORS,
  'globalThis', 'global', 'process', 'console', 'Math', 'JSON', 'Reflect', 'Atomics', 'Intl', 'WebAssembly', 'Function',
  'eval', 'Iterator', 'SharedArrayBuffer', 'Uint8ClampedArray', 'BigInt64Array', 'BigUint64Array', 'AggregateError',
  'EvalError', 'ReferenceError', 'URIError', 'FinalizationRegistry', 'crypto', 'performance', 'navigator', 'fetch',
  'queueMicrotask', 'structuredClone', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
  'clearImmediate', 'atob', 'btoa', 'Blob', 'File', 'FormData', 'Headers', 'Request', 'Response', 'MessageChannel',
  'MessagePort', 'MessageEvent', 'BroadcastChannel', 'AbortSignal', 'DOMException', 'Crypto', 'CryptoKey', 'SubtleCrypto',
  'CustomEvent', 'ReadableStream', 'WritableStream', 'TransformStream', 'CompressionStream', 'DecompressionStream',
  'TextEncoderStream', 'TextDecoderStream', 'Performance', 'PerformanceEntry', 'PerformanceObserver', 'WebSocket',
]);

/** Assignments that can store 0 into `process.exitCode`. */
export const EXIT_CODE_ASSIGNMENTS: ReadonlySet<ts.SyntaxKind> = new Set([
  tsv.SyntaxKind.EqualsToken,
  tsv.SyntaxKind.QuestionQuestionEqualsToken,
  tsv.SyntaxKind.BarBarEqualsToken,
]);

function isScopeContainerKind(node: ts.Node): boolean {
  return (
    tsv.isBlock(node) ||
    tsv.isModuleBlock(node) ||
    tsv.isCaseBlock(node) ||
    tsv.isFunctionLike(node) ||
    tsv.isForStatement(node) ||
    tsv.isForInStatement(node) ||
    tsv.isForOfStatement(node) ||
    tsv.isCatchClause(node) ||
    tsv.isClassLike(node)
  );
}

/**
 * Answers of a predicate that reads nothing but `node.kind`, for every kind, computed once by
 * asking the predicate itself: a lookup instead of a chain of calls on every node of the walk.
 */
export function kindTable(predicate: (node: ts.Node) => boolean): (node: ts.Node) => boolean {
  const table: boolean[] = [];
  for (let kind = 0; kind < tsv.SyntaxKind.Count; kind += 1) table.push(predicate({ kind } as ts.Node));
  return (node) => table[node.kind] === true;
}

export const isScopeContainer = kindTable(isScopeContainerKind);

/** False for identifiers that name something rather than refer to a value (keys, declarations, labels). */
export function isValueReference(identifier: ts.Identifier, parent: ts.Node): boolean {
  // A switch on the parent's kind: this runs for every identifier of the walk.
  switch (parent.kind) {
    case tsv.SyntaxKind.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).expression === identifier;
    case tsv.SyntaxKind.BindingElement:
      return (parent as ts.BindingElement).initializer === identifier;
    case tsv.SyntaxKind.ImportSpecifier:
    case tsv.SyntaxKind.ExportSpecifier:
    case tsv.SyntaxKind.ImportClause:
    case tsv.SyntaxKind.NamespaceImport:
    case tsv.SyntaxKind.NamespaceExport:
    case tsv.SyntaxKind.LabeledStatement:
    case tsv.SyntaxKind.BreakStatement:
    case tsv.SyntaxKind.ContinueStatement:
    case tsv.SyntaxKind.MetaProperty:
    case tsv.SyntaxKind.JsxAttribute:
    // `<net:connect />`, `xlink:href`: a namespaced JSX name is the string "net:connect", never a binding.
    case tsv.SyntaxKind.JsxNamespacedName:
      return false;
    case tsv.SyntaxKind.JsxOpeningElement:
    case tsv.SyntaxKind.JsxSelfClosingElement:
    case tsv.SyntaxKind.JsxClosingElement:
      if (/^[a-z]/.test(identifier.text)) return false;
      break;
    case tsv.SyntaxKind.ShorthandPropertyAssignment:
      return true;
  }
  const named = parent as ts.Node & { name?: ts.Node };
  return named.name !== identifier;
}

/** What `this` is where it is written: a class (static members), an instance, or unknown (plain functions). */
export type ThisOwner = 'class' | 'instance' | 'function' | 'file';

function isStatic(node: ts.Node): boolean {
  return tsv.canHaveModifiers(node) && (tsv.getModifiers(node) ?? []).some((modifier) => modifier.kind === tsv.SyntaxKind.StaticKeyword);
}

/**
 * The nearest enclosing node that binds `this` (and `arguments`), read from the walk's ancestor
 * stack: arrows inherit both, so they are skipped.
 */
export function thisOwner(ancestors: readonly ts.Node[]): ThisOwner {
  for (let index = ancestors.length - 1; index >= 0; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (tsv.isArrowFunction(node)) continue;
    if (tsv.isClassStaticBlockDeclaration(node)) return 'class';
    if (tsv.isConstructorDeclaration(node)) return 'instance';
    if (tsv.isMethodDeclaration(node) || tsv.isGetAccessorDeclaration(node) || tsv.isSetAccessorDeclaration(node) || tsv.isPropertyDeclaration(node)) {
      return isStatic(node) ? 'class' : 'instance';
    }
    if (tsv.isFunctionLike(node)) return 'function';
  }
  return 'file';
}
