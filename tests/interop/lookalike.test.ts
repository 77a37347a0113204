import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { typedProject } from '../analysis/typed-program.js';
import { compileAll, type Compiled } from './compile.js';

/**
 * Fail closed: a helper that is not exactly what a compiler emits is an unknown function, and the
 * module handed to it is reached whole (for `fs`: FILES_READ + FILES_WRITE), even when it has the
 * compiler's name. Each case edits real compiler output of the read-only library; the untouched
 * output is FILES_READ only (tests/interop/compiled.test.ts), so each case can only pass because
 * the edit removed the precision.
 */
const compiled = await compileAll();
const reached = (text: string): readonly string[] => analyzeSourceFile(parseSourceText('lib/reader.cjs', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/reader.cjs' }).reached;

function output(build: string, library = 'reader'): Compiled {
  const found = compiled.find((entry) => entry.build === build && entry.library === library);
  if (found === undefined) throw new Error(`no output for ${build} ${library}`);
  return found;
}

/** Replace exactly one occurrence; a pattern that is not there is a broken test, not a pass. */
function edit(text: string, from: string | RegExp, to: string): string {
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`the edit ${String(from)} changed nothing`);
  return edited;
}

const TSC = 'tsc 6.0.3 esModuleInterop';
const TSC_OLD = 'tsc 5.6.3 esModuleInterop';
const TSLIB = 'tsc 6.0.3 importHelpers (tslib)';
const ESBUILD = 'esbuild 0.28.2 bundle .mjs';
const ROLLUP = 'rollup 4.69.3 interop default';
const WEBPACK_DEV = 'webpack 5.113.0 development CommonJS source';
const WEBPACK_ESM = 'webpack 5.113.0 development ES module source';
const WEBPACK_PROD = 'webpack 5.113.0 production ES module source';

const LOOKALIKES: ReadonlyArray<readonly [string, () => string]> = [
  ['tsc __importStar with one token changed', () => edit(output(TSC).text, 'if (k[i] !== "default")', 'if (k[i] !== "defaults")')],
  ['tsc 5.6 __importStar with one token changed', () => edit(output(TSC_OLD).text, 'if (k !== "default"', 'if (k !== "defaults"')],
  ['tsc __createBinding (which __importStar calls) changed', () => edit(output(TSC).text, 'o[k2] = m[k];', 'o[k2] = m[k]; m.writeFileSync;')],
  ['tsc helper preempted: `exports.__importStar` set before the guarded helper', () => edit(output(TSC).text, '"use strict";', '"use strict";\nexports.__importStar = function (m) { return m; };')],
  ['tsc helper written later', () => `${output(TSC).text}\n__importStar = function (m) { return m; };\n`],
  ['tsc helper name declared again in a function', () => `${output(TSC).text}\nfunction again() { var __importStar = (m) => m; return __importStar(require("fs")); }\n`],
  ['`Object` shadowed in the file', () => `${output(TSC).text}\nfunction shadow() { var Object = {}; return Object; }\n`],
  ['tsc helper called inside `with`', () => `${output(TSC).text}\nwith (Math) { const viaWith = __importStar(require("fs")); viaWith.readFileSync("x"); }\n`],
  ['tslib namespace written later', () => `${edit(output(TSLIB).text, 'const tslib_1 = require("tslib");', 'var tslib_1 = require("tslib");')}\ntslib_1 = { __importStar: (m) => m };\n`],
  ['"tslib" that is a local file', () => edit(output(TSLIB).text, 'require("tslib")', 'require("./tslib")')],
  ['esbuild __copyProps (which __toESM calls) changed', () => edit(output(ESBUILD).text, 'key !== except', 'key != except')],
  ['esbuild __toESM with one token changed', () => edit(output(ESBUILD).text, 'enumerable: true }) : target', 'enumerable: false }) : target')],
  ['rollup _interopNamespaceDefault changed', () => edit(output(ROLLUP).text, 'n.default = e;', 'n.default = e; n.extra = e;')],
  ['webpack external factory that does more than require', () => edit(output(WEBPACK_DEV).text, 'module.exports = require("fs");', 'module.exports = require("fs");\nmodule.exports.extra = 1;')],
  ['webpack runtime handed on as a value', () => `${edit(output(WEBPACK_DEV).text, 'let __webpack_exports__ = {};', 'let __webpack_exports__ = {};\nglobalThis.load = __webpack_require__;')}`],
  ['webpack module table exposed (`__webpack_require__.m`)', () => edit(output(WEBPACK_DEV).text, 'let __webpack_exports__ = {};', '__webpack_require__.m = __webpack_modules__;\nlet __webpack_exports__ = {};')],
  ['webpack runtime with one token changed', () => edit(output(WEBPACK_DEV).text, 'return cachedModule.exports;', 'return cachedModule.exports || 0;')],
  ['webpack id computed at run time', () => edit(output(WEBPACK_DEV).text, 'let __webpack_exports__ = {};', 'let __webpack_exports__ = {};\n__webpack_require__(String.fromCharCode(102, 115));')],
  ['webpack default getter `.n` changed', () => edit(output(WEBPACK_PROD).text, '() => (module);', '() => (module.default || module);')],
  ['webpack `.d` (which `.n` calls) set twice', () => edit(output(WEBPACK_PROD).text, '// ESM COMPAT FLAG', '__webpack_require__.d = (target, definition) => definition.a;\n// ESM COMPAT FLAG')],
];

describe('look-alike helpers fail closed (the whole module)', () => {
  it.each(LOOKALIKES)('%s', (_, make) => {
    expect(reached(make())).toEqual(['FILES_READ', 'FILES_WRITE']);
  });

  it('a user function named `__importStar` with its own body', () => {
    const text = ['function __importStar(m) { return { read: m.readFileSync, stash: m }; }', 'const fs = __importStar(require("fs"));', 'module.exports = (p) => fs.read(p);'].join('\n');
    expect(reached(text)).toEqual(['FILES_READ', 'FILES_WRITE']);
  });

  it('every look-alike is fail-closed in typed mode too', () => {
    const project = typedProject(Object.fromEntries(LOOKALIKES.map(([, make], index) => [`lookalike-${index}.cjs`, make()])));
    try {
      for (const [name, , index] of LOOKALIKES.map(([label, make], position) => [label, make, position] as const)) {
        // Typed mode may add UNANALYZED: a module namespace stored on an `any`-typed object is a
        // capability handed to an untyped slot (analysis/typed/untyped-escapes.ts), which is fail-closed too.
        expect(project.typed(`lookalike-${index}.cjs`).reached.filter((capability) => capability !== 'UNANALYZED'), name).toEqual(['FILES_READ', 'FILES_WRITE']);
      }
    } finally {
      project.dispose();
    }
  });

  it('the untouched outputs these cases edit are FILES_READ only', () => {
    for (const build of [TSC, TSC_OLD, TSLIB, ESBUILD, ROLLUP, WEBPACK_DEV, WEBPACK_ESM, WEBPACK_PROD]) expect(reached(output(build).text), build).toEqual(['FILES_READ']);
  });
});

describe('tslib, however the helper is reached', () => {
  const FORMS: ReadonlyArray<readonly [string, string]> = [
    ['tslib_1.__importStar(require("fs"))', 'const tslib_1 = require("tslib");\nconst fs = tslib_1.__importStar(require("fs"));'],
    ['(0, tslib_1.__importStar)(require("fs"))', 'const tslib_1 = require("tslib");\nconst fs = (0, tslib_1.__importStar)(require("fs"));'],
    ['tslib.__importStar(require("fs")) with import * as tslib', 'import * as tslib from "tslib";\nconst fs = tslib.__importStar(require("fs"));'],
    ['tslib["__importDefault"](require("fs")).default', 'const tslib = require("tslib");\nconst fs = tslib["__importDefault"](require("fs")).default;'],
    ['import { __importStar } from "tslib"', 'import { __importStar } from "tslib";\nconst fs = __importStar(require("fs"));'],
    ['const { __importStar: star } = require("tslib")', 'const { __importStar: star } = require("tslib");\nconst fs = star(require("fs"));'],
  ];

  it.each(FORMS)('%s keeps fs.readFileSync a read', (_, prelude) => {
    expect(reached(`${prelude}\nmodule.exports = (p) => fs.readFileSync(p);\n`)).toEqual(['FILES_READ']);
  });

  it.each(FORMS)('%s still sees fs.writeFileSync', (_, prelude) => {
    expect(reached(`${prelude}\nmodule.exports = (p) => fs.writeFileSync(p, "x");\n`)).toEqual(['FILES_WRITE']);
  });

  it('a tslib member that is not a wrapper hands the module on whole', () => {
    expect(reached('const tslib_1 = require("tslib");\nconst fs = tslib_1.__exportStar(require("fs"), exports);\n')).toEqual(['FILES_READ', 'FILES_WRITE']);
  });
});

describe('compiled default imports keep the exit-zero check', () => {
  it('`process_1.default.exit(0)` through tslib is still an exit 0', () => {
    const text = 'const tslib_1 = require("tslib");\nconst process_1 = tslib_1.__importDefault(require("process"));\nprocess_1.default.exit(0);\n';
    const facts = analyzeSourceFile(parseSourceText('lib/cli.cjs', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/cli.cjs' });
    expect(facts.findings.map((finding) => finding.ruleId)).toContain('no-exit-zero');
  });
});
