import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText, type JsxSettings } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 20 (`jsx20-mid-file-pragma`, `jsx20-trailing-comment-pragma`): TypeScript reads `@jsx`
 * only from the comments before the first token, so a pragma anywhere else leaves tsconfig's factory the
 * one every element calls (choice 97). The guard dropped the setting for a pragma in any comment.
 */
const capabilitiesOf = (text: string, jsx?: JsxSettings): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText('lib/a.tsx', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.tsx', ...(jsx === undefined ? {} : { jsx }) }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

const U = "const u = { url: 'http://127.0.0.1:59999/' };\n";
const H = 'const h = (..._parts: unknown[]): null => null;\n';
const FETCH = { factory: 'fetch' };

describe('a pragma TypeScript ignores leaves the tsconfig factory in force', () => {
  it.each([
    ['the row: a block pragma after the first statement', `${U}${H}/** @jsx h */\nexport const e = <u.url />;`],
    ['the row: a line pragma at the end', `${U}${H}export const e = <u.url />;\n// @jsx h`],
    ['a pragma inside a function body', `${U}function f() {\n  /** @jsx h */\n  return <u.url />;\n}\nexport { f, h };`],
    ['a leading pragma whose word is no entity name (`h-x`)', `/** @jsx h-x */\n${U}${H}export const e = [h, <u.url />];`],
    ['a second leading `@jsx` after a first that does not parse', `// @jsx 1h\n// @jsx h\n${U}${H}export const e = <u.url />;`],
    ['a line comment whose pragma does not start it', `// see @jsx h\n${U}${H}export const e = <u.url />;`],
  ])('%s', (_name, code) => expect(capabilitiesOf(code, FETCH)).toEqual(['NETWORK']));
});

describe('a pragma TypeScript reads still overrides the setting', () => {
  it.each([
    ['a leading block pragma', `/** @jsx h */\n${U}${H}export const e = <u.url />;`],
    ['a leading line pragma, upper case', `// @JSX h\n${U}${H}export const e = <u.url />;`],
    ['a leading pragma after a shebang and another comment', `#!/usr/bin/env node\n// header\n/* @jsx h */\n${U}${H}export const e = <u.url />;`],
    ['a leading pragma naming a member (`h.el`)', `/** @jsx h.el */\n${U}const h = { el: (..._parts: unknown[]): null => null };\nexport const e = <u.url />;`],
  ])('%s', (_name, code) => expect(capabilitiesOf(code, FETCH)).toEqual([]));
});

describe('a pragma anywhere still names a factory (Babel reads every comment)', () => {
  it('a later `@jsx fetch` under a local setting is still judged', () => {
    expect(capabilitiesOf(`${H}export const e = <b />;\n// @jsx fetch`, { factory: 'h' })).toEqual(['NETWORK']);
  });
});
