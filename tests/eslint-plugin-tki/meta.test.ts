import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../../eslint-plugin-tki/index.js';
import { DOCS_BASE_URL } from '../../eslint-plugin-tki/util/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const namesIn = (dir: string, suffix: string): string[] =>
  readdirSync(path.join(root, dir))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();

const ruleEntries = Object.entries(rules);

describe('rule files, ids, docs and tests agree', () => {
  it('rule file name = rule id = rule name = doc name = test name', () => {
    const ids = Object.keys(rules).sort();
    expect(namesIn('eslint-plugin-tki/rules', '.ts').filter((name) => name !== 'index')).toEqual(ids);
    expect(ruleEntries.map(([, rule]) => rule.name).sort()).toEqual(ids);
    expect(namesIn('docs/rules', '.md')).toEqual(ids);
    expect(namesIn('tests/eslint-plugin-tki/rules', '.test.ts')).toEqual(ids);
    expect(ids).toHaveLength(7);
  });

  it.each(ruleEntries)('%s has a doc with examples, options and when not to use it', (id, rule) => {
    const doc = readFileSync(path.join(root, 'docs/rules', `${id}.md`), 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    for (const heading of ['## Examples', '### Incorrect', '### Correct', '## Options', '## When not to use it']) expect(doc).toContain(heading);
    expect(doc.replace(/\s+/g, ' ')).toContain(rule.meta.docs?.description ?? 'a description');
    expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}/${id}.md`);
  });

  it.each(ruleEntries)('%s reports without autofix, with one-sentence messages', (_id, rule) => {
    expect(rule.meta.fixable).toBeUndefined();
    expect(rule.meta.hasSuggestions).toBeUndefined();
    expect(rule.meta.type).toBe('problem');
    for (const message of Object.values(rule.meta.messages as Record<string, string>)) {
      expect(message).toMatch(/\.$/);
      expect(message).not.toMatch(/\.\s+[A-Z]/);
    }
  });

  it('takes its options as JSON (no functions) so ESLint --concurrency can ship them to workers', () => {
    for (const [, rule] of ruleEntries) expect(JSON.parse(JSON.stringify(rule.meta.schema))).toEqual(rule.meta.schema);
    expect(JSON.parse(JSON.stringify(plugin.configs.strict.settings))).toEqual(plugin.configs.strict.settings);
  });
});

describe('configs are derived from meta.docs.recommended', () => {
  it('recommended holds exactly the rules marked recommended; strict holds every rule', () => {
    const marked = ruleEntries.filter(([, rule]) => rule.meta.docs?.recommended === 'recommended').map(([id]) => `tki/${id}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(marked.sort());
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(Object.keys(rules).map((id) => `tki/${id}`).sort());
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThan(ruleEntries.length);
  });

  it('refers to the plugin object itself', () => {
    expect(plugin.configs.recommended.plugins?.['tki']).toBe(plugin);
    expect(plugin.configs.strict.plugins?.['tki']).toBe(plugin);
  });

  it('denies known packages in recommended and every unlisted package in strict', () => {
    expect(plugin.configs.recommended.settings).toEqual({ tki: { findPolicy: 'recommended' } });
    expect(plugin.configs.strict.settings).toEqual({ tki: { findPolicy: 'strict' } });
  });

  it('marks the inspector-only rules as such', () => {
    const inspectorOnly = ruleEntries.filter(([, rule]) => rule.meta.docs?.inspectorOnly).map(([id]) => id).sort();
    expect(inspectorOnly).toEqual(['no-global-denial-wording', 'no-positive-verdict-token', 'no-raw-sql']);
  });
});
