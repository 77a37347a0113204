import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../policy/index.js';
import { CAPABILITY_DOC_PATH, renderCapabilityDocs } from '../../scripts/gen-capability-docs.js';

describe('docs/capabilities.md', () => {
  it('is generated from the enum and the tables (run `npm run docs:capabilities` when this fails)', () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../..', CAPABILITY_DOC_PATH), 'utf8');
    expect(committed).toBe(renderCapabilityDocs());
  });

  it('carries every capability description', () => {
    const rendered = renderCapabilityDocs();
    for (const [name, description] of Object.entries(CAPABILITIES)) expect(rendered).toContain(`| \`${name}\` | ${description} |`);
  });
});
