export { createResolver, type ResolverOptions } from './resolver.js';
export { createFileProbe, type FileProbe } from './file-probe.js';
export { CJS_EXTENSIONS, CJS_EXTENSIONS_TYPE_STRIPPING, cjsResolve } from './node-cjs.js';
export { esmResolve } from './node-esm.js';
export { conditionSets, type NodeResult } from './node-shared.js';
export { exportsResolve, importsResolve, patternKeyCompare } from './package-targets.js';
export type { Loader, Resolution, ResolvedTarget, Resolver } from './types.js';
