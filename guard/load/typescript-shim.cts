// Loaded by require(), never by the ESM translator (see typescript-hook.ts): exported as one value.
import ts = require('typescript');

export = ts;
