/**
 * The guard's version, part of the cache key: a new version never reads facts an older one
 * wrote. A test keeps it equal to package.json's version; bump FACTS_FORMAT when ModuleFacts changes,
 * or when the detector judges the same text differently (3: fs calls judged by their open flags;
 * 4: module values followed through compiled interop helpers, analysis/syntax/interop.ts;
 * 5: binding uses from the detector's one walk, strings bounded (guard/facts/bounds.ts), worker entries as edges;
 * 6: sloppy-mode `this` as the global object, run-time keys on functions, stores on shared prototypes;
 * 7: an entry's `marked` flag also covers `eslint-disable` comments naming tki rules, guard/suppress/eslint-disable.ts;
 * 8: builtin members only tested, tsc's compiled `import()`, script elements, builtin members replaced;
 * 9: programs started by a path as `spawned-executable` edges, guard/resolve/spawned-executable.ts;
 * 10: session 15's rules: builtins held by assignment or handed to local functions, structural interop helpers,
 *     global stores of plain data, hooks of `instanceof`/`==`, `env -S` parsed as GNU env, builtin patches program-wide;
 * 12: standard streams taken apart are NETWORK, JSX factory names are uses, namespaced JSX names are none,
 *     writer calls recognized in one place (legacy definers borrowed, setters); a flag-sensitive fs member stored in
 *     an unexported local is judged at each call of the local (analysis/syntax/stored-open-members.ts); every global
 *     value and what `module`/`require` reach beyond own exports are shared stores; the shell reader follows exported
 *     NODE_OPTIONS, `sh -c` options and `case` in `$( )`; `path.posix` by every spelling (session 17);
 * 13: a class paired with the construct signatures it is built through, a standard stream taken apart out of a
 *     container (choice 76); the shell reader follows dash for `/bin/sh` (no brace expansion, no `$'…'`) and bash
 *     elsewhere, assignments only for an unquoted `NAME=`, the line's functions shadow programs, traps set and reset
 *     at once, `command -v` to /dev/null (choice 78) (session 18);
 *     findings the whole program may withdraw (`unless`, `reachedUnless`) and constant list exports (choice 79);
 *     the constant folder evaluates pure String/Array/JSON/Object/URI builtins (module names included) unless the
 *     file loads another module, and their replacement is UNANALYZED (analysis/syntax/folded-builtins.ts, fix18f).
 * 14: a standard stream's `connect`/`__proto__` only tested or discarded takes nothing apart (session 18).
 * 15: a child's resolution settings (conditions, NODE_PATH, symlinks) are UNANALYZED, computed process.env keys folded,
 *     `--env-file` an `env-file` reference the guard reads (session 19, choice 87).
 *     and every shell assignment of NODE_OPTIONS, the line's own shell, start-up and script files, awk/perl/python/sed
 *     scripts read for what they start (choice 86, session 19).
 *     and a capability handed to a project signature is paired with the implementations followed back from the call,
 *     and fails closed where none can be found (choice 84, session 19).
 *     and shared stores read every carrier and keeping call, and a `let` once assigned a shared object (choice 85, session 19).
 *     and a standard stream bound by any pattern, parameter or catch clause, stored into an object or made its prototype,
 *     and `console._stdout`/`process.openStdin` (choice 83); tsconfig JSX factories; object literals folded in order
 *     for open flags (session 19, fix19s).
 * 16: a standard stream followed through methods that return it, listeners' `this`, class fields, `yield`, callbacks,
 *     receivers that keep it, `emit`, functions run with it and globals read back by name; a container's own class
 *     and prototype take nothing apart (session 20, fix20s, choice 89).
 *     Also: a here-document or here-string sourced through its descriptor is read as a shell line; make, git aliases, just,
 *     task… and any `. FILE` fail closed; shell definitions scoped to their subshell, groups and `if true`; traps
 *     ignored or ended by `exec`; aliases bash never expands; BASH_ENV in a shell child's env option (choice 90, fix20l).
 *     Also: the builtin calls the constant folder evaluated (`foldedCalls`), UNANALYZED when the program loads a module
 *     the guard does not read (choice 91, session 20).
 * 17: a JSX pragma overrides tsconfig's factory only where TypeScript reads it; `export * from 'node:process'` is
 *     UNANALYZED; a fresh helper on `Module.prototype` reaches nothing; `process.loadEnvFile(placed)` is an
 *     `env-file` reference; a file's env-file load and the Node children it starts are facts the guard joins
 *     across linked modules (`envWrite`, `envChildren`) (session 20, fix20j, choice 97).
 */
export const GUARD_VERSION = '0.1.0';
export const FACTS_FORMAT = 17;
