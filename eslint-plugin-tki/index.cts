// The CommonJS entry (`require('eslint-plugin-tki')`, eslint.config.cjs): Node >= 20.19 loads the
// ES module synchronously; this hands back its default export, so no `.default` is needed.
import esm = require('./index.js');

export = esm.default;
