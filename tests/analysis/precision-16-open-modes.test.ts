/**
 * Session 16, sonic-boom's class: an open whose flags are all write-only ('w', 'a', O_WRONLY|O_CREAT)
 * reaches FILES_WRITE alone; a flag that can read ('+', O_RDWR, an unknown constant, unevaluable) still
 * counts as read and write.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const capabilities = (text: string): string[] => {
  const facts = analyzeSourceFile(parseSourceText('lib/a.js', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.js' });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

describe('write-only open modes (sonic-boom)', () => {
  it.each([
    ["sonic-boom's `append ? 'a' : 'w'`", "const fs = require('fs');\nmodule.exports = (file, append) => { const flags = append ? 'a' : 'w'; return fs.openSync(file, flags); };"],
    ["an exclusive create 'wx'", "const fs = require('fs');\nfs.open('x', 'wx', () => {});"],
    ["a synchronous append 'as'", "const { openSync } = require('node:fs');\nopenSync('x', 'as');"],
    ['O_WRONLY | O_CREAT | O_APPEND', "const fs = require('fs');\nfs.openSync('x', fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_APPEND);"],
  ])('%s writes only', (_name, text) => {
    expect(capabilities(text)).toEqual(['FILES_WRITE']);
  });

  it.each([
    ["'a+' reads too", "const fs = require('fs');\nfs.openSync('x', 'a+');"],
    ["one choice of a ternary reads ('r')", "const fs = require('fs');\nmodule.exports = (f, w) => fs.openSync(f, w ? 'w' : 'r');"],
    ['O_RDWR', "const fs = require('fs');\nfs.openSync('x', fs.constants.O_RDWR | fs.constants.O_CREAT);"],
    ['O_WRONLY with an unknown constant', "const fs = require('fs');\nfs.openSync('x', fs.constants.O_WRONLY | fs.constants.O_TMPFILE);"],
    ['flags from a parameter', "const fs = require('fs');\nmodule.exports = (f, flags) => fs.openSync(f, flags);"],
  ])('%s still counts as FILES_READ', (_name, text) => {
    expect(capabilities(text)).toEqual(['FILES_READ', 'FILES_WRITE']);
  });
});
