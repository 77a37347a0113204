import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { capabilitiesOf, typedProject } from './typed-program.js';

/**
 * Compiled `export *` facades an importer loads (red-team round 13, `grant13-rollup-export-star-facade`,
 * `grant13-tsc-facade-chain-6-deep`): rollup's and babel's copy of every key onto `exports`, a hand-written
 * `for…in` copy, and chains of tsc facades followed 4 deep past the first, UNANALYZED beyond (docs/choices.md 30).
 */
const LOAD = "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const facade: Record<string, unknown> = load(";
const TSC_STAR = 'var __exportStar = (this && this.__exportStar) || function(m, exports) {\n  for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) exports[p] = m[p];\n};\nObject.defineProperty(exports, "__esModule", { value: true });\n';
const ROLLUP = (specifier: string): string => `'use strict';\nvar node_module = require('${specifier}');\nObject.keys(node_module).forEach(function (k) {\n  if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) Object.defineProperty(exports, k, {\n    enumerable: true,\n    get: function () { return node_module[k]; }\n  });\n});\n`;
const BABEL = '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nvar _child = require("node:child_process");\nObject.keys(_child).forEach(function (key) {\n  if (key === "default" || key === "__esModule") return;\n  if (key in exports && exports[key] === _child[key]) return;\n  Object.defineProperty(exports, key, { enumerable: true, get: function () { return _child[key]; } });\n});\n';

/** A chain of `count` tsc facades, `chain-<name>-0.cjs` first, the last re-exporting `node:child_process`. */
function tscChain(name: string, count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index += 1) {
    const next = index === count - 1 ? 'node:child_process' : `./chain-${name}-${index + 1}.cjs`;
    files[`chain-${name}-${index}.cjs`] = `"use strict";\n${TSC_STAR}__exportStar(require("${next}"), exports);`;
  }
  return files;
}

const FACADES: Record<string, string> = {
  'rollup-facade.cjs': ROLLUP('node:child_process'),
  'rollup-pure-facade.cjs': ROLLUP('node:path'),
  'babel-facade.cjs': BABEL,
  'for-in-facade.cjs': '"use strict";\nconst child = require("node:child_process");\nfor (const key in child) module.exports[key] = child[key];\n',
  'inline-keys-facade.cjs': '"use strict";\nObject.keys(require("node:child_process")).forEach((key) => {\n  exports[key] = require("node:child_process")[key];\n});\n',
  'rollup-of-tsc-facade.cjs': ROLLUP('./chain-five-0.cjs'),
  'cycle-a.cjs': `"use strict";\n${TSC_STAR}__exportStar(require("./cycle-b.cjs"), exports);`,
  'cycle-b.cjs': `"use strict";\n${TSC_STAR}__exportStar(require("./cycle-a.cjs"), exports);\n__exportStar(require("node:child_process"), exports);`,
  'data-copy.cjs': '"use strict";\nvar settings = { retries: 3, command: "echo" };\nObject.keys(settings).forEach(function (k) {\n  Object.defineProperty(exports, k, { enumerable: true, get: function () { return settings[k]; } });\n});\n',
  ...tscChain('five', 5),
  ...tscChain('six', 6),
};

const EXEC_USERS: Record<string, string> = {
  'app-rollup.ts': `${LOAD}'./rollup-facade.cjs');`,
  'app-babel.ts': `${LOAD}'./babel-facade.cjs');`,
  'app-for-in.ts': `${LOAD}'./for-in-facade.cjs');`,
  'app-inline-keys.ts': `${LOAD}'./inline-keys-facade.cjs');`,
  'app-chain-five.ts': `${LOAD}'./chain-five-0.cjs');`,
  'app-cycle.ts': `${LOAD}'./cycle-a.cjs');`,
};

const UNANALYZED_USERS: Record<string, string> = {
  'app-chain-six.ts': `${LOAD}'./chain-six-0.cjs');`,
  'app-rollup-of-tsc.ts': `${LOAD}'./rollup-of-tsc-facade.cjs');`,
};

const CLEAN_USERS: Record<string, string> = {
  'app-rollup-pure.ts': `${LOAD}'./rollup-pure-facade.cjs');`,
  'app-data-copy.ts': `${LOAD}'./data-copy.cjs');`,
};

const project = typedProject({ ...FACADES, ...EXEC_USERS, ...UNANALYZED_USERS, ...CLEAN_USERS });
afterAll(() => project.dispose());

const messages = (facts: FileFacts): string => facts.findings.map((finding) => `${finding.capability ?? finding.ruleId}: ${finding.message}`).join('\n');

describe('facades that copy every key of a module, and deep facade chains', () => {
  it.each(Object.keys(EXEC_USERS))('%s reaches EXEC at its load of the facade', (file) => {
    expect(capabilitiesOf(project.typed(file))).toContain('EXEC');
  });

  it.each(Object.keys(UNANALYZED_USERS))('%s: a chain past the followed depth is UNANALYZED at the load, named as such', (file) => {
    const facts = project.typed(file);
    expect(capabilitiesOf(facts)).toContain('UNANALYZED');
    expect(messages(facts)).toMatch(/deeper than 4 facades/);
  });

  it.each(Object.keys(CLEAN_USERS))('%s reaches nothing (a pure module, or data copied onto exports)', (file) => {
    expect(capabilitiesOf(project.typed(file))).toEqual([]);
  });

  it('is a typed finding: the syntactic detector does not follow the load', () => {
    expect(capabilitiesOf(project.syntactic('app-rollup.ts'))).not.toContain('EXEC');
  });
});
