export { BASELINE_VERSION, DEFAULT_BASELINE_FILE, NO_CAPABILITY, entriesOf, serializeBaseline, type BaselineEntry, type BaselineFile } from './format.js';
export { loadBaseline } from './load.js';
export { baselineSchema } from './schema.js';
export { applyBaseline, baselineFor, prunedBaseline, type BaselineOutcome } from './apply.js';
export { judgeWithBaseline, type BaselineMode, type BaselineRequest } from './verdict.js';
