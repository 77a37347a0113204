import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Issue #10, determinism: the checker's types are shared by every file of a program (`typeof execSync`,
 * `Record<string, unknown>`), and the editor lints files in its own order. A judgement memoized for one
 * file (`execSync` cast whole to `unknown`, the flow check's own question) must not answer another
 * file's nested position (the same pair of types inside a `Record`), nor a walk cut off by the depth limit.
 * Each file is judged in a fresh program alone and after every other file; the answers must be the same.
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/*.ts'], capabilities: ['EXEC'], reason: 'the providers hold it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\n";

const FILES: Record<string, string> = {
  'a-whole.ts': `${EXEC}export const out: unknown = execSync;`,
  'a-whole-cast.ts': `${EXEC}export const out = execSync as unknown;`,
  'a-whole-object.ts': `${EXEC}export const out: object = execSync;`,
  'b-record-value.ts': `${EXEC}const table: Record<string, typeof execSync> = { run: execSync };\nexport const loose: Record<string, unknown> = table;`,
  'b-map-of-set.ts': `${EXEC}const m = new Map<string, Set<typeof execSync>>([['k', new Set([execSync])]]);\nexport const out: Map<string, Set<unknown>> = m;`,
  'b-returned-function.ts': `${EXEC}const make = () => execSync;\nexport const out: () => unknown = make;`,
  'b-deep.ts': `${EXEC}const deep = { a: { b: { run: execSync } } };\nexport const out: { a: { b: { run: object } } } = deep;`,
};

const messages = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

const together = typedProject(FILES);
afterAll(() => together.dispose());

describe('typed hand-off judgements do not depend on the order files are judged in', () => {
  // Judged first, in table order: every later file meets the memoized answers of the earlier ones.
  const afterOthers = new Map(Object.keys(FILES).map((file) => [file, messages(together.typed(file, GRANTED))]));

  it.each(Object.keys(FILES))('%s: the same findings alone in its program as after the others', (file) => {
    const alone = typedProject({ [file]: FILES[file]! });
    try {
      const first = messages(alone.typed(file, GRANTED));
      expect(first.join('\n')).toMatch(/reaches EXEC/);
      expect(afterOthers.get(file)).toEqual(first);
    } finally {
      alone.dispose();
    }
  });
});
