/**
 * Session 15's classes of disagreement from fixtures/precision (issue #10, class 5), each as the
 * smallest code that shows it, with the evasions next to each precision rule that must stay findings.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const capabilities = (text: string): string[] => {
  const facts = analyzeSourceFile(parseSourceText('lib/a.js', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.js' });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

describe('a module binding made by its assignments (source-map-support)', () => {
  it.each([
    [
      'declared bare, loaded in a try, reset to null (source-map-support)',
      "var fs;\ntry {\n  fs = require('fs');\n  if (!fs.existsSync || !fs.readFileSync) fs = null;\n} catch (err) {}\nmodule.exports = fs && fs.existsSync('x') && fs.readFileSync('x', 'utf8');",
    ],
    ['a `let` initialized to null, loaded in a function', "let fs = null;\nfunction load() { fs = require('node:fs'); }\nmodule.exports = () => { load(); return fs.readFileSync('x'); };"],
    ['loaded lazily with `||=`', "var fs;\nmodule.exports = (p) => { fs ||= require('fs'); return fs.statSync(p); };"],
    ['reset to undefined and void 0', "var fs = undefined;\ntry { fs = require('fs'); } catch (e) { fs = void 0; }\nmodule.exports = fs.readdirSync('.');"],
  ])('%s reads only', (_name, text) => {
    expect(capabilities(text)).toEqual(['FILES_READ']);
  });

  it('a module binding written with null is no use of the whole module', () => {
    expect(capabilities("var fs = require('fs');\nif (!fs.readFileSync) fs = null;\nmodule.exports = fs.readFileSync('x');")).toEqual(['FILES_READ']);
  });

  it.each([
    ['the same name also assigned a computed `require(x)`', "var fs;\ntry { fs = require('fs'); } catch (e) { fs = require(name); }\nfs.readFileSync('x');", 'UNANALYZED'],
    ['the same name also assigned another builtin', "var fs;\nif (a) fs = require('fs'); else fs = require('child_process');\nfs.exec('x');", 'EXEC'],
    ['the same name also assigned a value from elsewhere', "var fs;\nfs = require('fs');\nfunction set(x) { fs = x; }\nmodule.exports = set;\nfs.writeFileSync('x', 'y');", 'FILES_WRITE'],
    ['a write only loads, but the variable is handed on whole', "var fs;\nfs = require('fs');\nmodule.exports = fs;", 'FILES_WRITE'],
    ['a parameter of the same name is another value', "function f(fs) { var fs; fs = require('fs'); return fs; }\nmodule.exports = f;", 'FILES_WRITE'],
    ['a destructuring write of the same name', "var fs;\nfs = require('fs');\n[fs] = [other];\nfs.readFileSync('x');", 'FILES_WRITE'],
  ])('%s stays a finding', (_name, text, capability) => {
    expect(capabilities(text)).toContain(capability);
  });

  it('a same-named variable elsewhere written with anything else makes the name plain everywhere', () => {
    // Over-approximated by name: the second function's `fs` is another binding, but the rule gives up on both.
    const text = "function a() { var fs; fs = require('fs'); return fs.readFileSync('x'); }\nfunction b() { var fs; fs = make(); return fs; }";
    expect(capabilities(text)).toContain('FILES_WRITE');
  });
});
