// The one way tki's own modules load TypeScript's value: through require(), never through the ES
// module loader. Imported from an ES module, `typescript.js` (9 MB of CommonJS whose package.json
// has no "type") costs Node 20.19 and later a module-syntax detection parse and a CommonJS
// export-lexer pass over all of it before V8 compiles it: a third of the CPU a warm `tki-guard`
// run spends loading modules. A default import of this file gets `module.exports`, which is the
// same TypeScript instance every other require('typescript') in the process sees (typescript-eslint's,
// ts-morph's unless it ships its own). The tki-guard bin loads that instance first through V8's code
// cache (guard/cache/typescript-code-cache.cts), so this require finds it already loaded.
import ts = require('typescript');

export = ts;
