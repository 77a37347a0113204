import { INSPECTOR_POLICY, at, ruleTester, ruleUnderTest, withPolicy } from '../rule-tester.js';

const inspector = withPolicy(INSPECTOR_POLICY);
const toolGrant = withPolicy({ inspectorFiles: ['src/**'], grants: [{ files: ['tools/**', 'src/**'], capabilities: ['FILES_READ'], reason: 'build tooling reads the repository' }] });

ruleTester().run('allowed-actions', ruleUnderTest('allowed-actions'), {
  valid: [
    {
      code: "import { readFile } from 'node:fs/promises';\nexport const allowedActions = ['READ_PACKET_ITEM'] as const;\nexport const read = (file: string) => readFile(file, 'utf8');",
      filename: at('src/io/packet-reader.ts'),
      ...inspector,
    },
    {
      code: "import { writeFile, rename } from 'node:fs/promises';\nexport const allowedActions = ['WRITE_LOCAL_REPORT'] as const;\nawait writeFile('a.tmp', 'x');\nawait rename('a.tmp', 'a');",
      filename: at('src/io/report-writer.ts'),
      ...inspector,
    },
    { code: "export const allowedActions = ['READ_PACKET_ITEM', 'WRITE_LOCAL_REPORT'] as const;", filename: at('src/edge.ts'), ...inspector },
    { code: "import { readFileSync } from 'node:fs';\nreadFileSync('package.json');", filename: at('tools/read.ts'), ...toolGrant },
    { code: "import { constants } from 'node:fs';\nexport const mode = constants.R_OK;", filename: at('src/mode.ts'), ...inspector },
    // An import nothing uses reaches nothing (docs/choices.md 34).
    { code: "import { readFileSync } from 'node:fs';", filename: at('src/parse.ts'), ...inspector },
  ],
  invalid: [
    {
      code: "import { readFileSync } from 'node:fs';\nexport const text = readFileSync('a', 'utf8');",
      filename: at('src/parse.ts'),
      ...inspector,
      errors: [{ messageId: 'fileAccess', data: { name: 'readFileSync', verb: 'reads', capability: 'FILES_READ', action: 'READ_PACKET_ITEM' }, line: 2, column: 21 }],
    },
    {
      code: "import * as fs from 'node:fs';\nexport const allowedActions = ['READ_PACKET_ITEM'] as const;\nfs.readFileSync('a');\nfs.writeFileSync('b', 'x');",
      filename: at('src/io/packet-reader.ts'),
      ...inspector,
      errors: [{ messageId: 'fileAccess', data: { name: 'fs.writeFileSync', verb: 'writes', capability: 'FILES_WRITE', action: 'WRITE_LOCAL_REPORT' }, line: 4, column: 1 }],
    },
    {
      code: "export const allowedActions = ['READ_PACKET_ITEM', 'OPEN_SOCKET'] as const;",
      filename: at('src/edge.ts'),
      ...inspector,
      errors: [{ messageId: 'unknownAction', data: { action: 'OPEN_SOCKET', universe: 'READ_PACKET_ITEM, WRITE_LOCAL_REPORT' }, line: 1, column: 52 }],
    },
    {
      code: "export let allowedActions = ['READ_PACKET_ITEM'];",
      filename: at('src/edge.ts'),
      ...inspector,
      errors: [{ messageId: 'invalidDeclaration', data: { problem: 'it is not `const`; it lacks `as const`' }, line: 1, column: 12 }],
    },
    {
      // A malformed declaration grants nothing: the read is still a finding.
      code: "import { readFileSync } from 'node:fs';\nconst allowedActions = ['READ_PACKET_ITEM'] as const;\nreadFileSync('a');",
      filename: at('src/edge.ts'),
      ...inspector,
      errors: [
        { messageId: 'invalidDeclaration', line: 2, column: 7 },
        { messageId: 'fileAccess', line: 3, column: 1 },
      ],
    },
    {
      // Inspector files get capabilities only from declared actions, never from a path grant.
      code: "import { readFileSync } from 'node:fs';\nreadFileSync('a');",
      filename: at('src/parse.ts'),
      ...toolGrant,
      errors: [{ messageId: 'fileAccess', line: 2, column: 1 }],
    },
  ],
});

// Open modes: a direct call of a flag-sensitive fs member is judged by its flags (policy/open-modes.ts).
const reader = { filename: at('src/io/packet-reader.ts'), ...inspector };
const READS = "export const allowedActions = ['READ_PACKET_ITEM'] as const;\n";
const writes = (name: string, line: number, column: number) => ({
  messageId: 'fileAccess' as const,
  data: { name, verb: 'writes', capability: 'FILES_WRITE', action: 'WRITE_LOCAL_REPORT' },
  line,
  column,
});

ruleTester().run('allowed-actions', ruleUnderTest('allowed-actions'), {
  valid: [
    {
      code:
        "import { closeSync, constants, createReadStream, fstatSync, openSync, readFileSync, readSync } from 'node:fs';\n" +
        READS +
        'const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;\n' +
        'export function read(file: string): void {\n' +
        '  const fd = openSync(file, OPEN_FLAGS);\n' +
        '  readFileSync(file, { flag: OPEN_FLAGS as unknown as string });\n' +
        "  createReadStream(file, 'utf8');\n" +
        '  readSync(fd, Buffer.alloc(fstatSync(fd).size));\n' +
        '  closeSync(fd);\n' +
        '}',
      ...reader,
    },
    { code: `import fs from 'node:fs';\n${READS}fs.openSync('p', fs.constants.O_RDONLY);`, ...reader },
    { code: `import * as fs from 'node:fs';\n${READS}fs.readFile('p', (error, data) => {});\nfs.open('p', 'rs', () => {});`, ...reader },
    { code: `import { open } from 'node:fs/promises';\n${READS}await open('p', 'r');`, ...reader },
    { code: `import { openSync } from 'node:fs';\n${READS}openSync('p');\nopenSync('p', undefined);\nopenSync('p', 0);`, ...reader },
    { code: `import { readFile } from 'node:fs/promises';\n${READS}await readFile('p', { encoding: 'utf8' });\nawait readFile('p', { flag: 'sr' });`, ...reader },
    { code: `const { openSync, constants } = require('node:fs');\n${READS}openSync('p', (constants.O_RDONLY | constants.O_DIRECTORY)!);`, ...reader },
    { code: `import { openSync } from 'node:fs';\nimport { O_RDONLY } from 'node:constants';\n${READS}const A = O_RDONLY;\nconst B = A;\nopenSync('p', B);`, ...reader },
    { code: `import { createReadStream } from 'node:fs';\n${READS}const flags = 'r';\ncreateReadStream('p', { flags });`, ...reader },
    // A local alias called with read-only flags reads (choices 73).
    { code: `import { openSync } from 'node:fs';\n${READS}const open = openSync;\nopen('p', 'r');`, ...reader },
  ],
  invalid: [
    { code: `import { readFileSync } from 'node:fs';\n${READS}readFileSync('p', { flag: 'w' });`, ...reader, errors: [writes('readFileSync', 3, 1)] },
    { code: `import { readFile } from 'node:fs';\n${READS}readFile('p', { flag: 'a+' }, () => {});`, ...reader, errors: [writes('readFile', 3, 1)] },
    { code: `import { createReadStream } from 'node:fs';\n${READS}createReadStream('p', { flags: 'w' });`, ...reader, errors: [writes('createReadStream', 3, 1)] },
    {
      code: `import { constants, openSync } from 'node:fs';\n${READS}openSync('p', constants.O_RDONLY | constants.O_CREAT);`,
      ...reader,
      errors: [writes('openSync', 3, 1)],
    },
    { code: `import * as fs from 'node:fs';\n${READS}export const open = (flags: string) => fs.openSync('p', flags);`, ...reader, errors: [writes('fs.openSync', 3, 40)] },
    { code: `import { open } from 'node:fs/promises';\n${READS}await open('p', 'w+');`, ...reader, errors: [writes('open', 3, 7)] },
    { code: `import { openSync } from 'node:fs';\n${READS}let flags = 'r';\nopenSync('p', flags);`, ...reader, errors: [writes('openSync', 4, 1)] },
    { code: `import { readFileSync } from 'node:fs';\n${READS}const options = { flag: 'r' };\nreadFileSync('p', options);`, ...reader, errors: [writes('readFileSync', 4, 1)] },
    { code: `import { readFileSync } from 'node:fs';\n${READS}declare const extra: object;\nreadFileSync('p', { flag: 'r', ...extra });`, ...reader, errors: [writes('readFileSync', 4, 1)] },
    { code: `import { openSync } from 'node:fs';\n${READS}declare const args: [string, string];\nopenSync(...args);`, ...reader, errors: [writes('openSync', 4, 1)] },
    // Any use but a direct call hides the flags; a local alias is judged at its own calls (choices 73).
    { code: `import { openSync } from 'node:fs';\n${READS}export const open = openSync;\nopen('p', 'r');`, ...reader, errors: [writes('openSync', 3, 21)] },
    { code: `import { openSync } from 'node:fs';\n${READS}const open = openSync;\nopen.call(null, 'p', 'r');`, ...reader, errors: [writes('openSync', 4, 1)] },
    { code: `import { openSync } from 'node:fs';\n${READS}const open = openSync;\nopen('p', 'w');`, ...reader, errors: [writes('openSync', 4, 1)] },
    { code: `import { openSync } from 'node:fs';\n${READS}openSync.call(null, 'p', 'r');`, ...reader, errors: [writes('openSync', 3, 1)] },
    { code: `import * as fs from 'node:fs';\n${READS}[].forEach(fs.openSync);`, ...reader, errors: [writes('fs.openSync', 3, 12)] },
    { code: `import { openSync } from 'node:fs';\n${READS}export { openSync };`, ...reader, errors: [writes('openSync', 3, 10)] },
    {
      // The const is read in its own scope: the inner `F` does not change what `H` holds.
      code: `import { openSync } from 'node:fs';\n${READS}const F = 'w';\nconst H = F;\nfunction f(): void {\n  const F = 'r';\n  openSync('p', H);\n}`,
      ...reader,
      errors: [writes('openSync', 7, 3)],
    },
  ],
});
