import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/** Round 17 (fix17b): bindings the JSX factories use, and namespaced tags that use none (choice 69). */
const capabilitiesOf = (text: string, file = 'lib/a.tsx'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

type Row = readonly [string, string, readonly string[]];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));

const H = 'function h(tag: unknown, _props: unknown): unknown { return typeof tag === "function" ? tag() : tag; }\n';

describe('a binding named in a JSX pragma of a file with JSX is used by every element or fragment', () => {
  each([
    ['`@jsxFrag Frag` naming an imported member', `/** @jsx h */\n/** @jsxFrag Frag */\nimport { connect as Frag } from 'node:net';\n${H}export const e = <></>;`, ['NETWORK']],
    ['`@jsxFrag net.connect` naming a namespace', `/** @jsx h */\n/** @jsxFrag net.connect */\nimport * as net from 'node:net';\n${H}export const e = <></>;`, ['NETWORK']],
    ['`@jsx connect`: the element factory itself', "/** @jsx connect */\nimport { connect } from 'node:net';\nexport const e = <a />;", ['NETWORK']],
    ['`@jsx cp.execSync` naming a default import', "/** @jsx cp.execSync */\nimport cp from 'node:child_process';\nexport const e = <ls />;", ['EXEC']],
    ['`@jsx fetch` naming a global', '/** @jsx fetch */\nexport const e = <a />;', ['NETWORK']],
    ['a pragma in a line comment (Babel reads every comment)', `// @jsx h\n// @jsxFrag Frag\nimport { connect as Frag } from 'node:net';\n${H}export const e = <></>;`, ['NETWORK']],
    ['`@jsxfrag` spelled in lower case (TypeScript ignores the case)', `/** @jsx h */\n/** @jsxfrag Frag */\nimport { connect as Frag } from 'node:net';\n${H}export const e = <></>;`, ['NETWORK']],
    ['a `require` binding in the function holding the JSX (.jsx)', "/** @jsx net.connect */\nexport function f() { const net = require('node:net'); return <a />; }", ['NETWORK']],
  ] as Row[])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code, code.includes('require(') ? 'lib/a.jsx' : 'lib/a.tsx')).toEqual([...expected].sort()));
  each([
    ['elements and no `@jsx`: the project may name any import (`jsxFactory`)', "import { connect } from 'node:net';\nexport const e = <a />;", ['NETWORK']],
    ['a fragment and no `@jsxFrag`: the project may name any import (`jsxFragmentFactory`)', `/** @jsx h */\nimport * as net from 'node:net';\n${H}export const e = <></>;`, ['NETWORK']],
  ] as Row[])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

describe('JSX that names no binding keeps an unused import elided', () => {
  each([
    ['`<net:connect />` is the intrinsic tag "net:connect"', `/** @jsx h */\nimport * as net from 'node:net';\n${H}export const e = <net:connect />;`, []],
    ['`<net:connect></net:connect>` with a closing tag', `/** @jsx h */\nimport * as net from 'node:net';\n${H}export const e = <net:connect></net:connect>;`, []],
    ['a namespaced attribute (`xlink:href`)', `/** @jsx h */\nimport * as xlink from 'node:net';\n${H}export const e = <use xlink:href="#a" />;`, []],
    ['both pragmas name locals: an unused import stays elided', `/** @jsx h */\n/** @jsxFrag F */\nimport * as net from 'node:net';\nconst F = 'f';\n${H}export const e = <></>;`, []],
    ['a pragma in a file without JSX uses nothing', "/** @jsx connect */\nimport { connect } from 'node:net';\nexport type Run = typeof connect;", []],
    ['without a pragma, a builtin the file uses is judged by its uses, not as a whole', "import fs from 'node:fs';\nexport const e = <a />;\nexport const t = fs.readFileSync('x');", ['FILES_READ']],
    ['a lower-case intrinsic tag named like the import', `/** @jsx h */\nimport { connect } from 'node:net';\n${H}export const e = <connect />;`, []],
  ] as Row[])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});
