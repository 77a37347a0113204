import ts from 'typescript';
import type { z } from 'zod';
import { policyConfigSchema, type PolicyConfig } from './config.js';

/** A policy problem, located in its file. Errors are data; the caller renders them. */
export interface PolicyError {
  readonly code: 'policy/invalid_json' | 'policy/invalid_value';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type PolicyResult = { ok: true; policy: PolicyConfig } | { ok: false; error: PolicyError };

export function formatPolicyError(error: PolicyError): string {
  return `${error.file}:${error.line}:${error.column}: invalid tki policy: ${error.message}`;
}

/** Parse and validate a policy file's text. Pure: the caller reads the file. */
export function parsePolicyText(text: string, file: string): PolicyResult {
  const source = ts.parseJsonText(file, text);
  const diagnostics = (source as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first !== undefined) {
    const at = source.getLineAndCharacterOfPosition(first.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
    return { ok: false, error: { code: 'policy/invalid_json', file, line: at.line + 1, column: at.character + 1, message } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { code: 'policy/invalid_json', file, line: 1, column: 1, message: (error as Error).message } };
  }
  const parsed = policyConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const position = positionOfPath(source, issue.path);
  const at = source.getLineAndCharacterOfPosition(position);
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, error: { code: 'policy/invalid_value', file, line: at.line + 1, column: at.character + 1, message: `${where}${issue.message}` } };
}

/** The text position of the deepest node along a JSON path that exists. */
function positionOfPath(source: ts.JsonSourceFile, path: readonly PropertyKey[]): number {
  let node: ts.Node | undefined = source.statements[0]?.expression;
  let position = node?.getStart(source) ?? 0;
  for (const key of path) {
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
    if (node !== undefined) position = node.getStart(source);
  }
  return position;
}
