import { renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingKeys, guardDirectory } from './helpers.js';

/** `--deps`: a dependency's shipped JavaScript that reaches the network is a finding in its importer. */
describe('--deps', () => {
  const directory = copyFixture('deps-network');
  renameSync(path.join(directory, 'packages'), path.join(directory, 'node_modules'));

  it('is off by default: the package itself is unknown to the recommended policy, so nothing is reported', async () => {
    const run = await guardDirectory(directory);
    expect(run.result.findings).toEqual([]);
  });

  it('follows the node export condition into the package and reports the importer with the path', async () => {
    const run = await guardDirectory(directory, { deps: true });
    expect(findingKeys(run)).toEqual(['src/app.ts:1 transitive-capability NETWORK']);
    expect(run.result.findings[0]?.witness).toEqual([
      'src/app.ts',
      'node_modules/fake-http-helper/lib/node.js',
      'node_modules/fake-http-helper/lib/transport.js',
      'https.get',
    ]);
    expect(run.result.modules.map((module) => module.file)).toEqual(['src/app.ts']);
  });
});
