import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPolicyError, formatPolicyErrors, parsePolicyText } from '../../policy/parse.js';

const errorOf = (text: string) => {
  const result = parsePolicyText(text, 'tki.policy.json');
  if (result.ok) throw new Error('expected a policy error');
  return result.error;
};

describe('parsePolicyText', () => {
  it("accepts this project's own policy", () => {
    const file = path.resolve(import.meta.dirname, '../../tki.policy.json');
    const result = parsePolicyText(readFileSync(file, 'utf8'), file);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.policy.packages.deny).toBe('unlisted');
  });

  it('locates broken JSON', () => {
    const error = errorOf('{\n  "packages": {\n    "deny": "known",,\n  }\n}');
    expect(error.code).toBe('policy/invalid_json');
    expect(error.line).toBe(3);
  });

  it('locates a capability outside the enum', () => {
    const text = ['{', '  "grants": [', '    {', '      "files": ["a/**"],', '      "capabilities": ["TELEPORT"],', '      "reason": "a long enough reason"', '    }', '  ]', '}'].join('\n');
    const error = errorOf(text);
    expect(error.code).toBe('policy/invalid_value');
    expect([error.line, error.column]).toEqual([5, 24]);
    expect(error.message).toContain('grants.0.capabilities.0');
  });

  it('rejects unknown keys where they are', () => {
    const error = errorOf('{\n  "packages": { "deny": "known" },\n  "grnats": []\n}');
    expect(error.code).toBe('policy/invalid_value');
    expect([error.line, error.column]).toEqual([3, 3]);
    expect(error.message).toMatch(/grnats/);
  });

  it('requires a reason a reviewer can read, located on the reason', () => {
    const error = errorOf('{\n  "grants": [\n    { "files": ["a/**"], "capabilities": ["EXEC"], "reason": "x" }\n  ]\n}');
    expect(error.line).toBe(3);
    expect(error.message).toContain('grants.0.reason');
  });

  it('locates each trailing comma, which TypeScript tolerates and JSON does not', () => {
    const result = parsePolicyText('{\n  "packages": { "deny": "known", },\n  "ignore": ["a",]\n}', 'p.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.line, error.column, error.message])).toEqual([
      [2, 32, 'trailing comma (JSON allows none)'],
      [3, 17, 'trailing comma (JSON allows none)'],
    ]);
  });

  it('lists every schema error in text order, one line each', () => {
    const text = '{\n  "grnats": [],\n  "packages": { "deny": "x" },\n  "grants": [{ "files": [], "capabilities": ["TELEPORT"], "reason": "x" }]\n}';
    const result = parsePolicyText(text, 'p.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => `${error.line}:${error.column}`)).toEqual(['2:3', '3:25', '4:25', '4:46', '4:69']);
    expect(formatPolicyErrors(result.errors).split('\n')).toHaveLength(5);
    expect(result.error).toBe(result.errors[0]);
  });

  it('renders file:line:col', () => {
    expect(formatPolicyError({ code: 'policy/invalid_value', file: 'p.json', line: 4, column: 2, message: 'bad' })).toBe('p.json:4:2: invalid tki policy: bad');
  });
});
