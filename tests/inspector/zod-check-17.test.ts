import { describe, expect, it } from 'vitest';
import { claimSchema } from '../../src/packet/schema.js';
import { compileValidity } from '../../src/zod-check.js';
import { z } from '../../src/zod.js';

/**
 * A strict object's compiled check counts its present fields against the object's own keys
 * (session 17: the for…in over every key of every item and claim was most of checking them,
 * interpreted inside the sandbox). That shortcut holds only for plain objects whose fields are not
 * also Object.prototype's names; anything else is looked at key by key, as zod does (for…in).
 * Each case is compared with zod's own answer.
 */
const claim = { claim_id: 'C1', text: 'The file tools/a.py exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/a.py', evidence_refs: ['item-1'] };

function agrees(schema: z.ZodType, value: unknown): boolean {
  const check = compileValidity(schema);
  expect(check).toBeDefined();
  const compiled = check?.(value);
  expect(compiled).toBe(schema.safeParse(value).success);
  return compiled === true;
}

describe('strict objects: own keys counted against present fields', () => {
  it('a plain object with exactly its fields, or with an optional one absent, is valid', () => {
    expect(agrees(claimSchema, claim)).toBe(true);
    const { subject: _subject, ...withoutSubject } = claim;
    expect(agrees(claimSchema, withoutSubject)).toBe(true);
  });

  it.each([
    ['an unknown own key', { ...claim, extra: 1 }],
    ['an unknown key in place of an absent optional field (same key count as all fields)', { ...Object.fromEntries(Object.entries(claim).filter(([key]) => key !== 'subject')), subjec: 'tools/a.py' }],
    ['an own __proto__ key from JSON.parse', JSON.parse(JSON.stringify(claim).replace('{', '{"__proto__":1,')) as unknown],
  ])('%s is refused', (_name, value) => {
    expect(agrees(claimSchema, value)).toBe(false);
  });

  it('an unknown key inherited from a non-plain prototype is refused, as zod refuses it', () => {
    const value: Record<string, unknown> = Object.create({ inherited: 1 }) as Record<string, unknown>;
    Object.assign(value, claim);
    expect(agrees(claimSchema, value)).toBe(false);
  });

  it('a field named like an Object.prototype member is present only when it is an own key', () => {
    // `toString` is inherited here and z.unknown() accepts it: the present count alone (2, as many
    // as the own keys `a` and `b`) would miss the unknown `b`.
    const schema = z.strictObject({ a: z.string(), toString: z.unknown() });
    expect(agrees(schema, { a: 'x', b: 'y' })).toBe(false);
    expect(agrees(schema, { a: 'x', toString: 'y' })).toBe(true);
  });
});
