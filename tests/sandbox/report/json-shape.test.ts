import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureJsonShape } from '../../../sandbox/report/json-shape.js';

const WIDE = { maxValues: Number.MAX_SAFE_INTEGER, maxDepth: 64 };

/** The reference: values and nesting of the parsed document, counted on the parsed value. */
function parsedShape(value: unknown, depth = 0): { values: number; depth: number } {
  if (value === null || typeof value !== 'object') return { values: 1, depth };
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return children.reduce<{ values: number; depth: number }>((total, child) => {
    const shape = parsedShape(child, depth + 1);
    return { values: total.values + shape.values, depth: Math.max(total.depth, shape.depth) };
  }, { values: 1, depth: depth + 1 });
}

function measure(text: string, bounds = WIDE): ReturnType<typeof measureJsonShape> {
  return measureJsonShape(Buffer.from(text, 'utf8'), bounds);
}

describe('measureJsonShape counts what JSON.parse would build, without parsing', () => {
  it('hand-picked documents: strings holding brackets, commas, colons and escaped quotes count as one value', () => {
    for (const text of ['0', '"a"', '[]', '{}', '[[],{}]', ' { "a" : [ 1 , 2 , [ ] ] , "b" : { } } ', '{"a,b:[":"\\"],{:","c":["\\\\",",","\\\\\\"]"]}', '[{},{},{}]', '{"k":"\\u0050KT"}']) {
      const expected = parsedShape(JSON.parse(text));
      expect(measure(text), text).toEqual({ ok: true, values: expected.values, depth: expected.depth });
    }
  });

  it('property: any JSON value, with or without whitespace', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const expected = parsedShape(value);
        const shape = measure(text);
        return shape.ok && shape.values === expected.values && shape.depth === expected.depth;
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the first value over maxValues and the first container over maxDepth', () => {
    expect(measure(`[${'{},'.repeat(99)}{}]`, { maxValues: 100, maxDepth: 4 })).toEqual({ ok: false, bound: 'maxValues', atByte: 297 });
    expect(measure(`[${'{},'.repeat(98)}{}]`, { maxValues: 100, maxDepth: 4 })).toEqual({ ok: true, values: 100, depth: 2 });
    expect(measure('[[[[[0]]]]]', { maxValues: 100, maxDepth: 4 })).toEqual({ ok: false, bound: 'maxDepth', atByte: 4 });
  });
});
