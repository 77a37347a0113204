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
  ],
  invalid: [
    {
      code: "import { readFileSync } from 'node:fs';",
      filename: at('src/parse.ts'),
      ...inspector,
      errors: [{ messageId: 'fileAccess', data: { name: 'readFileSync', verb: 'reads', capability: 'FILES_READ', action: 'READ_PACKET_ITEM' }, line: 1, column: 10 }],
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
        { messageId: 'fileAccess', line: 1, column: 10 },
        { messageId: 'invalidDeclaration', line: 2, column: 7 },
      ],
    },
    {
      // Inspector files get capabilities only from declared actions, never from a path grant.
      code: "import { readFileSync } from 'node:fs';\nreadFileSync('a');",
      filename: at('src/parse.ts'),
      ...toolGrant,
      errors: [{ messageId: 'fileAccess', line: 1, column: 10 }],
    },
  ],
});
