// The CommonJS entry (`require('eslint-plugin-tki')`, eslint.config.cjs): Node >= 20.19 loads the
// ES module synchronously; this hands back its default export, so no `.default` is needed.
import type { TkiPlugin } from './index.js' with { 'resolution-mode': 'import' };
import esm = require('./index.js');

const plugin: TkiPlugin = esm.default;

export = plugin;
