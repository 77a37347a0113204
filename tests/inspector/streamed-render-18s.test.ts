import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectToResult, renderReport } from '../../src/index.js';
import { buildReport } from '../../src/report/build.js';
import { serializeReportJson } from '../../src/report/serialize.js';
import { EmittedStrings, lintEmittedStrings } from '../../src/text/wording-lint.js';

/**
 * Session 18: a report the wording lint finds nothing in is rendered a claim at a time (each record
 * built, its strings gathered for the lint, serialized, none kept); the lint's one question is asked
 * of all the strings gathered. The bytes must be those of the whole report built and linted as
 * before, and the lint's answer must not depend on the order the strings were gathered in.
 */
const FIXTURES = path.resolve('fixtures/packets');
const packets = readdirSync(FIXTURES).filter((name) => name !== 'README.md');

describe('report.json rendered a claim at a time', () => {
  it.each(packets)('%s: the bytes of the whole report, built and linted', (name) => {
    const result = inspectToResult(path.join(FIXTURES, name));
    const rendered = renderReport(result, name);
    if (!rendered.ok) throw new Error(rendered.error.code);
    const json = rendered.value.files.find((file) => file.name === 'report.json')?.bytes?.toString('utf8');
    const whole = lintEmittedStrings(buildReport(result));
    // A report with wording takes the whole-report path (its flags change the head): the JSON is its linted value's.
    if (whole.rewritten.length === 0 && whole.escapedQuotes.length === 0) expect(json).toBe(serializeReportJson(buildReport(result)));
    else expect(json).toBe(`${JSON.stringify(rendered.value.report)}\n`);
  });

  it('covers both paths among the fixtures', () => {
    const withWording = packets.filter((name) => {
      const whole = lintEmittedStrings(buildReport(inspectToResult(path.join(FIXTURES, name))));
      return whole.rewritten.length + whole.escapedQuotes.length > 0;
    });
    expect(withWording.length).toBeGreaterThan(0);
    expect(withWording.length).toBeLessThan(packets.length);
  });
});

function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = ['tools/canon.py', 'does not', ' exist', 'exists', 'no such file exists', '\\u{65}xist', '\u200f', '\u05e9\u05dc\u05d5\u05dd', 'n', "'t", ' ', 'nowhere', 'A b s e n t', '"', ',', 'everywhere', 'is absent'];

function seededStrings(random: () => number): string[] {
  return Array.from({ length: 1 + Math.floor(random() * 6) }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => PIECES[Math.floor(random() * PIECES.length)]).join(''));
}

describe('the lint over gathered strings', () => {
  it('answers the same whatever order the strings were gathered in (400 seeded sets, forward, backward, nested)', () => {
    const random = generator(18);
    let found = 0;
    for (let round = 0; round < 400; round += 1) {
      const strings = seededStrings(random);
      const forward = new EmittedStrings();
      for (const text of strings) forward.add(text);
      const expected = forward.needsLinting();
      found += expected ? 1 : 0;
      const backward = new EmittedStrings();
      for (const text of [...strings].reverse()) backward.add([text]);
      const nested = new EmittedStrings();
      nested.add({ a: [...strings].sort(), nested: [{ b: strings[0] }] });
      expect({ strings, answer: backward.needsLinting() }).toEqual({ strings, answer: expected });
      expect({ strings, answer: nested.needsLinting() }).toEqual({ strings, answer: expected });
    }
    // Both answers were met.
    expect(found).toBeGreaterThan(20);
    expect(found).toBeLessThan(380);
  });

  it('finds the wording of a string as written or with its escapes decoded, whatever else was gathered', () => {
    for (const wording of ['The file does not exist.', 'It \\u{64}oes not exist.', 'no such tool exists']) {
      const strings = new EmittedStrings();
      strings.add({ claims: [{ text: 'tools/canon.py exists.' }, { reasons: [wording] }], id: 'C1' });
      expect(strings.needsLinting()).toBe(true);
    }
    const clean = new EmittedStrings();
    clean.add(['tools/canon.py exists.', 'does', 'not exist']);
    expect(clean.needsLinting()).toBe(false);
  });
});
