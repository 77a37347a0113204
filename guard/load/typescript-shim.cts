// Required by the bin (guard/cli.ts) before anything else loads TypeScript: exported as one value.
// TypeScript itself comes through V8's code cache when one is available (guard/cache/typescript-code-cache.cts).
import codeCache = require('../cache/typescript-code-cache.cjs');

export = codeCache.loadTypeScript();
