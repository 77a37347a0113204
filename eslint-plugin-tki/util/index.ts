export { createRule, DOCS_BASE_URL, type TkiRuleDocs } from './create-rule.js';
export { reportFindings } from './report-findings.js';
export { relativePathOf, resolveSettings, type ResolvedSettings, type TkiSettings } from './settings.js';
export { sourceFileOf } from './source-file.js';
