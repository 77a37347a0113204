import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { fileOf } from './interop-index.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/** A function whose whole body is `return holder.require(name)`: the parameter places of both. */
interface RequireWrapper {
  readonly holder: number;
  readonly name: number;
}

// A file whose text never spells `.require(` declares no wrapper: it is never scanned.
const MARKER = /\.require\s*\(/;
const wrappersByFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, RequireWrapper>>();

/**
 * `function dynamicRequire(mod, request) { return mod.require(request) }` (source-map-support,
 * bundler-proof loaders): a call `dynamicRequire(module, 'module')` is `module.require('module')`.
 * Only a name declared once in the file, by a function declaration of exactly that shape, and
 * bound to it where it is called. Returns the argument holding the loader and the one naming the
 * module, or undefined when `call` is no call of such a wrapper.
 */
export function requireWrapperArguments(call: ts.CallExpression, scope: Scope): { holder: ts.Expression; name: ts.Expression | undefined } | undefined {
  const callee = skipOuter(call.expression);
  if (!tsv.isIdentifier(callee) || scope.lookup(callee.text)?.kind !== 'function') return undefined;
  const sourceFile = fileOf(scope);
  if (sourceFile === undefined) return undefined;
  let wrappers = wrappersByFile.get(sourceFile);
  if (wrappers === undefined) wrappersByFile.set(sourceFile, (wrappers = scanWrappers(sourceFile)));
  const wrapper = wrappers.get(callee.text);
  const holder = wrapper === undefined ? undefined : call.arguments[wrapper.holder];
  if (wrapper === undefined || holder === undefined || call.arguments.some((argument) => tsv.isSpreadElement(argument))) return undefined;
  return { holder, name: call.arguments[wrapper.name] };
}

function scanWrappers(sourceFile: ts.SourceFile): ReadonlyMap<string, RequireWrapper> {
  const wrappers = new Map<string, RequireWrapper>();
  if (!MARKER.test(sourceFile.text)) return wrappers;
  const declared = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (tsv.isFunctionDeclaration(node) && node.name !== undefined) {
      const name = node.name.text;
      declared.set(name, (declared.get(name) ?? 0) + 1);
      const wrapper = wrapperShape(node);
      if (wrapper !== undefined) wrappers.set(name, wrapper);
    }
    tsv.forEachChild(node, visit);
  };
  tsv.forEachChild(sourceFile, visit);
  // A name declared twice (or once as a wrapper, once otherwise) may be either function at a call: none is followed.
  for (const name of [...wrappers.keys()]) if (declared.get(name) !== 1) wrappers.delete(name);
  return wrappers;
}

function wrapperShape(declaration: ts.FunctionDeclaration): RequireWrapper | undefined {
  const statements = declaration.body?.statements;
  const only = statements?.length === 1 ? statements[0] : undefined;
  if (only === undefined || !tsv.isReturnStatement(only) || only.expression === undefined) return undefined;
  const call = skipOuter(only.expression);
  if (!tsv.isCallExpression(call) || call.arguments.length !== 1) return undefined;
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) || callee.name.text !== 'require') return undefined;
  const holder = parameterIndex(declaration, skipOuter(callee.expression));
  const name = parameterIndex(declaration, skipOuter(call.arguments[0] as ts.Expression));
  return holder === undefined || name === undefined ? undefined : { holder, name };
}

function parameterIndex(declaration: ts.FunctionDeclaration, expression: ts.Expression): number | undefined {
  if (!tsv.isIdentifier(expression)) return undefined;
  const index = declaration.parameters.findIndex((parameter) => tsv.isIdentifier(parameter.name) && parameter.name.text === expression.text && parameter.dotDotDotToken === undefined);
  return index < 0 ? undefined : index;
}
