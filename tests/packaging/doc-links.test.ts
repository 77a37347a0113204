import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../eslint-plugin-tki/rules/index.js';
import { DOCS_BASE_URL } from '../../eslint-plugin-tki/util/index.js';
import { PACKAGES } from '../../scripts/pack/packages.js';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  license: string;
};
/** `git+https://github.com/o/r.git` -> `https://github.com/o/r`: every web address of tki derives from it. */
const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

const markdownIn = (directory: string): string[] => readdirSync(path.join(root, directory)).filter((name) => name.endsWith('.md')).map((name) => path.join(directory, name));
const PRODUCT_DOCS = ['README.md', ...markdownIn('docs'), ...markdownIn('docs/rules')];
const PACKAGE_READMES = PACKAGES.map((spec) => spec.readme);

function linksOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

/** A repository address names a file or folder that exists on the default branch, or the issues. */
function repositoryTarget(link: string): string | undefined {
  const match = new RegExp(`^${repository.replace(/[.]/g, '\\.')}/(?:blob|tree)/main/([^#]+)`).exec(link);
  return match?.[1];
}

describe('documentation links', () => {
  it('package.json: homepage and bugs derive from repository', () => {
    expect(repository).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    expect(manifest.homepage).toBe(`${repository}#readme`);
    expect(manifest.bugs.url).toBe(`${repository}/issues`);
    expect(manifest.license).toBe('Apache-2.0');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
  });

  it('product docs link only to files of this repository or to its repository address', () => {
    const broken: string[] = [];
    for (const file of PRODUCT_DOCS) {
      for (const link of linksOf(file)) {
        if (link.startsWith('#')) continue;
        const target = /^[a-z]+:/.test(link) ? repositoryTarget(link) : path.join(path.dirname(file), link.replace(/#.*$/, ''));
        if (target === undefined || !existsSync(path.join(root, target))) broken.push(`${file}: ${link}`);
      }
      // Internal material (the spec, the brief) is never a product doc's reference.
      if (/\.\.\/shared|\/work\//.test(readFileSync(path.join(root, file), 'utf8'))) broken.push(`${file}: points outside the repository`);
    }
    expect(broken).toEqual([]);
  });

  it("a package's README links only to its repository address (a relative link would not resolve on npm)", () => {
    const broken: string[] = [];
    for (const file of PACKAGE_READMES) {
      for (const link of linksOf(file)) {
        const target = repositoryTarget(link);
        if (target === undefined || !existsSync(path.join(root, target))) broken.push(`${file}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
    expect(PACKAGE_READMES.every((file) => linksOf(file).length > 0)).toBe(true);
  });

  it("every rule's docs URL is a page of the repository", () => {
    expect(DOCS_BASE_URL).toBe(`${repository}/blob/main/docs/rules`);
    for (const [name, rule] of Object.entries(rules)) {
      const url = (rule.meta.docs as { url?: string } | undefined)?.url ?? '';
      expect(url).toBe(`${DOCS_BASE_URL}/${name}.md`);
      expect(existsSync(path.join(root, repositoryTarget(url) ?? 'missing'))).toBe(true);
    }
  });
});
