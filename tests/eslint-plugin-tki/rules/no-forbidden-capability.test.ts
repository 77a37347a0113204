import { at, ruleTester, ruleUnderTest, withPolicy } from '../rule-tester.js';

const strict = withPolicy({ packages: { deny: 'unlisted', allow: ['zod'] } });
const networkGrant = withPolicy({ grants: [{ files: ['server/**'], capabilities: ['NETWORK'], reason: 'the HTTP edge of the service' }] });

ruleTester().run('no-forbidden-capability', ruleUnderTest('no-forbidden-capability'), {
  valid: [
    { code: "import path from 'node:path';\npath.join('a');", filename: at('lib/a.ts') },
    { code: "import { createHash } from 'node:crypto';\ncreateHash('sha256');", filename: at('lib/a.ts') },
    { code: "import type { ChildProcess } from 'node:child_process';\nexport type C = ChildProcess;", filename: at('lib/a.ts') },
    { code: "import { readThing } from './fs.js';\nreadThing();", filename: at('lib/a.ts') },
    { code: "export function get(fetch: (url: string) => string) { return fetch('x'); }", filename: at('lib/a.ts') },
    { code: "const config = { env: 'prod' };\nexport const mode = config.env;", filename: at('lib/a.ts') },
    { code: "export const onNode = typeof process !== 'undefined';", filename: at('lib/a.ts') },
    // A file-local alias of `process` that nothing reads hands nothing on (docs/choices.md 57).
    { code: 'const proc = process;', filename: at('lib/a.ts') },
    { code: "import { z } from 'zod';\nz.string();", filename: at('lib/a.ts'), ...strict },
    { code: "import net from 'node:net';\nnet.connect(80);", filename: at('server/listen.ts'), ...networkGrant },
    { code: "import lodash from 'lodash';\nlodash.noop();", filename: at('lib/a.ts') },
  ],
  invalid: [
    {
      // A binding nothing uses reaches nothing (choice 34, one rule for every builtin since round 15): this one is called.
      code: "import { exec } from 'node:child_process';\nexec('ls');",
      filename: at('lib/a.ts'),
      errors: [{ messageId: 'memberCapability', data: { name: 'exec', capability: 'EXEC' }, line: 1, column: 10 }],
    },
    {
      code: "const cp = require('child_process');\ncp.execSync('ls');",
      filename: at('lib/a.ts'),
      errors: [{ messageId: 'memberCapability', line: 2, column: 1 }],
    },
    {
      // The alias itself hands the loader on (UNANALYZED); its literal call is still followed.
      code: "const load = require;\nload('node:dgram');",
      filename: at('lib/a.ts'),
      errors: [
        { messageId: 'unanalyzed', line: 1, column: 14 },
        { messageId: 'moduleCapability', line: 2, column: 1 },
      ],
    },
    {
      code: "export const body = await fetch('https://example.org');",
      filename: at('lib/a.ts'),
      errors: [{ messageId: 'globalCapability', data: { name: 'fetch', capability: 'NETWORK' }, line: 1, column: 27 }],
    },
    {
      code: 'export const token = process.env.TOKEN;',
      filename: at('lib/a.ts'),
      errors: [{ messageId: 'memberCapability', data: { name: 'process.env', capability: 'ENV' }, line: 1, column: 22 }],
    },
    {
      code: "import lodash from 'lodash';",
      filename: at('lib/a.ts'),
      ...strict,
      errors: [{ messageId: 'unknownPackage', data: { specifier: 'lodash' }, line: 1, column: 20 }],
    },
    {
      // A constant key is folded: this is `globalThis.fetch`.
      code: "const key = 'fetch';\nexport const get = globalThis[key];",
      filename: at('lib/a.ts'),
      errors: [{ messageId: 'globalCapability', data: { name: 'fetch', capability: 'NETWORK' }, line: 2, column: 20 }],
    },
    {
      code: 'export const get = (key: string) => globalThis[key as never];',
      filename: at('lib/a.ts'),
      errors: [{ messageId: 'unanalyzed', line: 1, column: 37 }],
    },
    {
      // An alias handed on (exported) is UNANALYZED; one nothing reads reaches nothing (docs/choices.md 57).
      code: 'const proc = process;\nexport default proc;',
      filename: at('lib/a.ts'),
      errors: [{ messageId: 'unanalyzed', line: 1, column: 14 }],
    },
    {
      code: "import pg from 'pg';",
      filename: at('lib/a.ts'),
      errors: [
        { messageId: 'moduleCapability', data: { specifier: 'pg', capability: 'DATABASE', why: 'a known capability package' }, line: 1, column: 16 },
        { messageId: 'moduleCapability', data: { specifier: 'pg', capability: 'NETWORK', why: 'a known capability package' }, line: 1, column: 16 },
      ],
    },
    {
      // node:net has pure members (`isIP`, `BlockList`), so its default binding is judged per member used.
      code: "import net from 'node:net';\nnet.connect(80);",
      filename: at('client/connect.ts'),
      ...networkGrant,
      errors: [{ messageId: 'memberCapability', data: { name: 'net.connect', capability: 'NETWORK' }, line: 2, column: 1 }],
    },
  ],
});
