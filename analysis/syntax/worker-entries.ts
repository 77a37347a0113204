import ts from 'typescript';
import type { ReferenceKind } from './types.js';
import { stringValue, skipOuter } from './syntax.js';

/**
 * The file a `new Worker(entry)` runs, when the syntax names it: the worker is code of the
 * program, so the guard must analyze it like an import, and what it reaches flows to the module
 * that starts it. As a module reference:
 * - `new URL('./jobs/run.cjs', import.meta.url)` is an ESM specifier relative to the module (the
 *   URL is resolved and percent-decoded as `import()` would): `dynamic-import`;
 * - `path.join(__dirname, 'worker.js')` loads as a main script does, by the CommonJS rules
 *   (extension search): `require`.
 * A bare string (`'./worker.js'`, `'/worker.js'`) is not followed: Node resolves it against the
 *   working directory and a browser against the page's URL, neither of which the syntax knows.
 *   The WORKER capability is reported at the call either way (docs/caveats.md, "Worker entries").
 */
export function workerEntry(entry: ts.Expression): { specifier: string; kind: ReferenceKind } | undefined {
  const inner = skipOuter(entry);
  if (ts.isNewExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'URL') {
    const [relative, base] = inner.arguments ?? [];
    const specifier = stringValue(relative);
    if (specifier === undefined || base === undefined || !isImportMetaUrl(skipOuter(base))) return undefined;
    return { specifier, kind: 'dynamic-import' };
  }
  const literal = stringValue(inner);
  if (literal !== undefined) return literal.startsWith('file:') ? { specifier: literal, kind: 'dynamic-import' } : undefined;
  const path = joinedWithDirname(inner);
  return path !== undefined && /^\.{1,2}\/|^\//.test(path) ? { specifier: path, kind: 'require' } : undefined;
}

function isImportMetaUrl(expression: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(expression) && expression.name.text === 'url' && ts.isMetaProperty(expression.expression) && expression.expression.keywordToken === ts.SyntaxKind.ImportKeyword;
}

/** `path.join(__dirname, 'a', 'b.js')` / `path.resolve(…)`: `./a/b.js`. */
function joinedWithDirname(expression: ts.Expression): string | undefined {
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return undefined;
  if (expression.expression.name.text !== 'join' && expression.expression.name.text !== 'resolve') return undefined;
  const [first, ...rest] = expression.arguments;
  if (first === undefined || !ts.isIdentifier(skipOuter(first)) || (skipOuter(first) as ts.Identifier).text !== '__dirname' || rest.length === 0) return undefined;
  const parts = rest.map((part) => stringValue(part));
  if (parts.some((part) => part === undefined)) return undefined;
  const joined = parts.join('/').replace(/^\.\//, '');
  return joined.startsWith('/') || joined.startsWith('../') ? joined : `./${joined}`;
}
