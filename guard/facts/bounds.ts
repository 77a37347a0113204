/**
 * The facts cache keeps, per file, the strings another module's analysis may need: exported
 * string constants and string arguments of imported helpers. The search reads them only as module
 * names (`require(NAME)`, `load('child_process')`, guard/search/direct.ts) and passes over a
 * relative one (a local file is followed by the graph, not classified). So a string is kept as
 * far as it can name a package or a builtin: a relative one as `.` alone (it still shadows a
 * re-export of the same name), any other cut to MODULE_NAME_BOUND characters. A builtin name and
 * an npm package name (at most 214 characters) fit in full, so a cut name is classified as the
 * same package. A bundle embedded as an exported string (effect's Swagger UI page, megabytes) no
 * longer rides along in the cache that every warm run reads.
 */
export const MODULE_NAME_BOUND = 512;

export function asModuleName(value: string): string {
  if (value.startsWith('.')) return '.';
  return value.length <= MODULE_NAME_BOUND ? value : `${value.slice(0, MODULE_NAME_BOUND)}…`;
}
