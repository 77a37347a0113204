import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileProbe } from '../../guard/resolve/file-probe.js';
import { createResolver } from '../../guard/resolve/index.js';
import { findingKeys, guardDirectory } from '../guard/helpers.js';

/**
 * Resolutions saved by one run are reused by the next only while every observation they followed
 * from still holds: a file added where Node would now look, or a changed package.json, is seen.
 */
function project(files: Record<string, string>): { directory: string; cache: string } {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-saved-resolutions-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  return { directory, cache: path.join(directory, '.tki-cache') };
}

// EXEC through the resolved file (child_process handed on as a whole value is also UNANALYZED since session 10: not what these tests count).
const transitive = (keys: readonly string[]): string[] => keys.filter((key) => key.startsWith('a.js:') && key.endsWith('transitive-capability EXEC'));
const savedAt = (cache: string): bigint => statSync(path.join(cache, 'resolutions.json'), { bigint: true }).mtimeNs;

describe('saved resolutions', () => {
  it('are reused while nothing they depend on changed, and dropped when a file appears where Node looks first', async () => {
    const { directory, cache } = project({ 'a.js': "const x = require('./x');\nmodule.exports = x;\n", 'x.json': '{}\n', 'unrelated.js': 'module.exports = 1;\n' });
    const run = (): ReturnType<typeof guardDirectory> => guardDirectory(directory, { cache: true, cacheLocation: cache, depcruise: false });
    expect(transitive(findingKeys(await run()))).toEqual([]);
    const first = savedAt(cache);
    // An unrelated edit: the saved resolutions stand, nothing is written again.
    writeFileSync(path.join(directory, 'unrelated.js'), 'module.exports = 2;\n');
    await run();
    expect(savedAt(cache)).toBe(first);
    // `require('./x')` now loads x.js (tried before x.json): the warm run must follow it.
    writeFileSync(path.join(directory, 'x.js'), "module.exports = require('node:child_process');\n");
    expect(transitive(findingKeys(await run()))).toHaveLength(1);
    expect(savedAt(cache)).not.toBe(first);
  });

  it('follow a package.json whose main changed', async () => {
    const { directory, cache } = project({
      'a.js': "module.exports = require('./lib');\n",
      'lib/package.json': '{ "main": "one.js" }\n',
      'lib/one.js': 'module.exports = 1;\n',
      'lib/two.js': "module.exports = require('node:child_process');\n",
    });
    const run = (): ReturnType<typeof guardDirectory> => guardDirectory(directory, { cache: true, cacheLocation: cache, depcruise: false });
    expect(transitive(findingKeys(await run()))).toEqual([]);
    writeFileSync(path.join(directory, 'lib/package.json'), '{ "main": "two.js" }\n');
    expect(transitive(findingKeys(await run()))).toHaveLength(1);
  });
});

describe('a file probe replaying observations', () => {
  it('matches while the names tried keep their kinds, whatever else the folder gains', () => {
    const { directory } = project({ 'a.js': "require('./b');\n", 'b.js': '' });
    const probe = createFileProbe();
    createResolver({ tsconfig: null, probe }).resolve('./b', path.join(directory, 'a.js'), 'require');
    const observations = probe.observations();
    writeFileSync(path.join(directory, 'noise.txt'), '');
    expect(createFileProbe().replay(observations)).toBe(true);
    // A `b` folder changes an answer CommonJS asked for (`./b` exactly, before `b.js`): the saved answers no longer stand.
    mkdirSync(path.join(directory, 'b'));
    expect(createFileProbe().replay(observations)).toBe(false);
  });
});
