import { afterAll, describe, expect, it } from 'vitest';
import { CLASS_CASES } from './class-cases.js';
import { capabilitiesOf, typedProject } from './typed-program.js';

const rows = Object.entries(CLASS_CASES).flatMap(([group, cases]) => cases.map(([description, code, expected], index) => ({ file: `${group.toLowerCase()}-${index}.ts`, description, code, expected })));

describe('the typed classifier on the class snippets of #10 (the same rows as the syntactic detector)', () => {
  // Each snippet is its own module, so their top-level names do not collide.
  const project = typedProject(Object.fromEntries(rows.map((row) => [row.file, `${row.code}\nexport {};\n`])));
  afterAll(() => project.dispose());

  it.each(rows.map((row) => [`${row.file}: ${row.description}`, row] as const))('%s', (_name, row) => {
    expect(capabilitiesOf(project.typed(row.file))).toEqual([...row.expected].sort());
  });
});
