/**
 * Session 17, precision class 1 (choice 73): a flag-sensitive fs member stored in a local that is not
 * exported is judged at each call of the local by its flags, as a direct call of the member is
 * (resolve's `readFileSync = opts.readFileSync || fs.readFileSync; readFileSync(pkgfile)`). Every other
 * use of the local (handed on, exported, `.call`, stored again and called with a write flag, a flag
 * the syntax cannot evaluate) still counts as read and write.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/** tsc's helper, as lib/cjs/ejs.js spells it. */
const IMPORT_DEFAULT = 'var __importDefault = (this && this.__importDefault) || function (mod) {\n    return (mod && mod.__esModule) ? mod : { "default": mod };\n};\n';

const capabilities = (text: string, file = 'lib/a.js'): string[] => {
  const facts = analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

describe('a read member stored in a local and called with a path alone or a read flag', () => {
  it.each([
    [
      "resolve's `opts.readFileSync || fs.readFileSync`, called with a path, an encoding and { flag: 'r' }",
      "const fs = require('fs');\nmodule.exports = (opts, f) => { var readFileSync = opts.readFileSync || fs.readFileSync; return readFileSync(f) + readFileSync(f, 'utf8') + readFileSync(f, { flag: 'r' }); };",
    ],
    ["the callback API, `readFile(file, cb)`", "const load = require('fs').readFile;\nmodule.exports = (f, cb) => load(f, cb);"],
    ['an imported member stored again', "import { readFileSync } from 'node:fs';\nconst load = readFileSync;\nexport const read = (f) => load(f, 'utf8');"],
    ["TypeScript's interop view (`fs_1.default.readFileSync`)", `${IMPORT_DEFAULT}var fs_1 = __importDefault(require('fs'));\nconst loader = fs_1.default.readFileSync;\nexports.read = (f) => loader(f);`],
    ['a chain of locals, each called with no flag', "const fs = require('fs');\nconst load = fs.readFileSync;\nconst again = load;\nexports.read = (f) => again(f);"],
  ])('%s reads only', (_name, text) => {
    expect(capabilities(text)).toEqual(['FILES_READ']);
  });

  it('a parameter of the same name is not the stored member', () => {
    const text = "const fs = require('fs');\nconst load = fs.readFileSync;\nexports.read = (f) => load(f);\nexports.other = (load) => load('x', { flag: 'w' });";
    expect(capabilities(text)).toEqual(['FILES_READ']);
  });
});

describe('the evasions next to it are still caught', () => {
  it.each([
    ['handed on to a callback', "const fs = require('fs');\nmodule.exports = (opts, f) => { var readFileSync = opts.readFileSync || fs.readFileSync; return opts.readPackageSync(readFileSync, f); };"],
    ['called with a flag from a parameter', "const fs = require('fs');\nmodule.exports = (opts, f, flag) => { var readFileSync = opts.readFileSync || fs.readFileSync; return readFileSync(f, { flag }); };"],
    ['exported as the declaration', "import fs from 'node:fs';\nexport const load = fs.readFileSync;"],
    ['exported by name', "import fs from 'node:fs';\nconst load = fs.readFileSync;\nexport { load };"],
    ['stored on module.exports', "const fs = require('fs');\nconst load = fs.readFileSync;\nmodule.exports = { load };"],
    ['assigned to exports', "const fs = require('fs');\nconst load = fs.readFileSync;\nexports.load = load;"],
    ['called through `.call` with a write flag', "const fs = require('fs');\nconst load = fs.readFileSync;\nload('x');\nload.call(null, 'x', { flag: 'w' });"],
    ['called with spread arguments', "const fs = require('fs');\nconst load = fs.readFileSync;\nload(...['x', { flag: 'w' }]);"],
    ['put in an array', "const fs = require('fs');\nconst load = fs.readFileSync;\nconst all = [load];\nall[0]('x', { flag: 'w' });"],
  ])('%s: read and write', (_name, text) => {
    expect(capabilities(text)).toEqual(['FILES_READ', 'FILES_WRITE']);
  });

  it.each([
    ['aliased again and called with a write flag', "const fs = require('fs');\nconst load = fs.readFileSync;\nconst again = load;\nagain('x', { flag: 'w' });"],
    ["called with an append flag ('a')", "const fs = require('fs');\nconst load = fs.readFileSync;\nload('x', { flag: 'a' });"],
  ])('%s: the write is seen at the call', (_name, text) => {
    expect(capabilities(text)).toContain('FILES_WRITE');
  });

  it('a computed key the syntax cannot read takes the whole module', () => {
    const text = "const fs = require('fs');\nmodule.exports = (name) => { const load = fs[name]; return load('x'); };";
    expect(capabilities(text)).toEqual(expect.arrayContaining(['FILES_READ', 'FILES_WRITE']));
  });

  it('a write member stored beside it keeps its own judgment', () => {
    const text = "const fs = require('fs');\nmodule.exports = (opts, f) => { const op = opts.read ? fs.readFileSync : fs.writeFileSync; return op(f); };";
    expect(capabilities(text)).toContain('FILES_WRITE');
  });
});
