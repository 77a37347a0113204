import ts from './typescript.cjs';
import type { z } from 'zod';
import type { PolicyConfig } from './config.js';
import { policyConfigSchema } from './schema.js';

/** A policy problem, located in its file. Errors are data; the caller renders them. */
export interface PolicyError {
  readonly code: 'policy/invalid_json' | 'policy/invalid_value';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** `error` is the first of `errors`, which lists every problem in the file in text order. */
export type PolicyResult = { ok: true; policy: PolicyConfig } | { ok: false; error: PolicyError; errors: readonly PolicyError[] };

export function formatPolicyError(error: PolicyError): string {
  return `${error.file}:${error.line}:${error.column}: invalid tki policy: ${error.message}`;
}

/** One line per problem. */
export function formatPolicyErrors(errors: readonly PolicyError[]): string {
  return errors.map(formatPolicyError).join('\n');
}

function failed(errors: readonly PolicyError[]): PolicyResult {
  const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, error: sorted[0] as PolicyError, errors: sorted };
}

/** Parse and validate a policy file's text. Pure: the caller reads the file. */
export function parsePolicyText(withMark: string, file: string): PolicyResult {
  // A byte-order mark (Windows editors write one) is not part of the JSON; tsconfig allows it too.
  const text = withMark.startsWith('\uFEFF') ? withMark.slice(1) : withMark;
  const source = ts.parseJsonText(file, text);
  const at = (position: number, code: PolicyError['code'], message: string): PolicyError => {
    const { line, character } = source.getLineAndCharacterOfPosition(position);
    return { code, file, line: line + 1, column: character + 1, message };
  };
  const diagnostics = (source as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  // TypeScript's JSON reader tolerates trailing commas and comments; JSON (and so tki) does not.
  const syntax = [
    ...diagnostics.map((diagnostic) => at(diagnostic.start ?? 0, 'policy/invalid_json', ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '))),
    ...trailingCommas(source).map((position) => at(position, 'policy/invalid_json', 'trailing comma (JSON allows none)')),
    // JSON.parse keeps the last of two equal keys; a reviewer reads the first one too.
    ...duplicateKeys(source).map(({ position, key }) => at(position, 'policy/invalid_json', `duplicate key "${key}" (JSON.parse would keep only the last)`)),
  ];
  if (syntax.length > 0) return failed(syntax);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Comments and the like: V8 names the offset in most messages.
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    return failed([at(offset === undefined ? 0 : Number(offset), 'policy/invalid_json', message)]);
  }
  const parsed = policyConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return failed(
    parsed.error.issues.map((issue: z.core.$ZodIssue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      // An unknown key is reported on the key itself, not on the object that holds it.
      const located = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0] as string] : issue.path;
      return at(positionOfPath(source, located, issue.code === 'unrecognized_keys'), 'policy/invalid_value', `${where}${issue.message}`);
    }),
  );
}

/** Positions of the trailing commas in every object and array of the document. */
function trailingCommas(source: ts.JsonSourceFile): number[] {
  const positions: number[] = [];
  const visit = (node: ts.Node): void => {
    const list = ts.isObjectLiteralExpression(node) ? node.properties : ts.isArrayLiteralExpression(node) ? node.elements : undefined;
    if (list?.hasTrailingComma === true) positions.push(list.end - 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return positions;
}

/** Every key that repeats an earlier key of the same object, at the repeat. */
function duplicateKeys(source: ts.JsonSourceFile): { position: number; key: string }[] {
  const found: { position: number; key: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const seen = new Set<string>();
      for (const property of node.properties) {
        if (property.name === undefined || !(ts.isStringLiteral(property.name) || ts.isIdentifier(property.name))) continue;
        const key = property.name.text;
        if (seen.has(key)) found.push({ position: property.getStart(source), key });
        seen.add(key);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The text position of the deepest node along a JSON path that exists. */
function positionOfPath(source: ts.JsonSourceFile, path: readonly PropertyKey[], atKey = false): number {
  let node: ts.Node | undefined = source.statements[0]?.expression;
  let position = node?.getStart(source) ?? 0;
  for (const [index, key] of path.entries()) {
    if (node === undefined) break;
    let next: ts.Node | undefined;
    if (ts.isObjectLiteralExpression(node)) {
      const property = node.properties.find((candidate) => candidate.name !== undefined && ts.isStringLiteral(candidate.name) && candidate.name.text === String(key));
      next = property !== undefined && ts.isPropertyAssignment(property) ? property.initializer : undefined;
      if (property !== undefined) position = property.getStart(source);
    } else if (ts.isArrayLiteralExpression(node) && typeof key === 'number') {
      next = node.elements[key];
    }
    node = next;
    if (node !== undefined && !(atKey && index === path.length - 1)) position = node.getStart(source);
  }
  return position;
}
