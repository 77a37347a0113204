// Policy *file* parsing (policy/parse.ts) is a second entry on purpose: it loads the TypeScript
// compiler for error positions, and the inspector, which imports these tables, must not carry it.
// The policy's zod schema (policy/schema.ts) is a third: a run on the defaults never loads zod.
export { ACTIONS, ACTION_NAMES, ALLOWED_ACTIONS_EXPORT, capabilitiesGrantedBy, isAction, type Action } from './actions.js';
export { BUILTIN_MEMBER_ROWS, BUILTIN_MODULE_ROWS, type MemberRow, type ModuleRow } from './builtins.js';
export { CAPABILITIES, CAPABILITY_NAMES, isCapability, type Capability } from './capabilities.js';
export {
  builtinRow,
  canonicalBuiltin,
  classifyModule,
  globalCapabilities,
  globalValueCapabilities,
  grantedCapabilities,
  hasGlobalMemberRows,
  isInspectorFile,
  memberCapabilities,
  hasBuiltinMemberRow,
  processMemberCapabilities,
  processMemberWriteCapabilities,
  type ModuleClassification,
  type ModuleKind,
} from './capability-map.js';
export {
  RECOMMENDED_POLICY,
  STRICT_POLICY,
  type Grant,
  type PolicyConfig,
  type PolicyConfigInput,
} from './config.js';
export { globToRegExp, matchesAnyGlob } from './glob.js';
export {
  DEFAULT_OPEN_FLAG,
  DEFAULT_OPEN_FLAGS,
  OPEN_CONSTANT_SOURCES,
  OPEN_MODE_ROWS,
  READ_ONLY_FLAG_STRINGS,
  READ_ONLY_OPEN_CONSTANTS,
  isOpenConstantSource,
  openModeCapabilities,
  openModeRow,
  type FlagsPosition,
  type OpenFlags,
  type OpenModeRow,
} from './open-modes.js';
export {
  GLOBAL_OBJECT_MEMBERS,
  GLOBAL_OBJECT_NAMES,
  GLOBAL_ROWS,
  GLOBAL_TYPE_ROWS,
  LOADER_BOOKKEEPING_MEMBERS,
  LOADER_NAMES,
  LOADER_RECORD_WRITABLE_MEMBERS,
  LOADER_SEARCH_ARRAYS,
  NON_MUTATING_ARRAY_METHODS,
  PROCESS_MEMBER_ROWS,
  PROCESS_PURE_MEMBERS,
  PROCESS_SUBMEMBER_ROWS,
  SCRIPT_ELEMENT,
  type GlobalRow,
  type ProcessSubmemberRow,
  type GlobalTypeRow,
} from './globals.js';
export { pseudoFileCapabilities, type PathShape } from './pseudo-files.js';
export { PACKAGE_ROWS, packageNameOf, type PackageRow } from './packages.js';
export {
  FORBIDDEN_VERDICT_TOKENS,
  GLOBAL_DENIAL_PATTERNS,
  SCOPED_DENIAL_WORDING,
  SQL_STATEMENT_PATTERNS,
  forbiddenVerdictToken,
  hasGlobalDenialWording,
  looksLikeSql,
  scopeDenialWording,
} from './text-rules.js';
