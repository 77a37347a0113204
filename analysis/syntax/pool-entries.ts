import ts from '../../policy/typescript.cjs';
import { declarationOf } from './entry-path-consts.js';
import { namedMemberOf, namedModuleOf, type NameContext } from './entry-path-modules.js';
import { seenOptions } from './launch-options.js';
import { excerpt, skipOuter } from './syntax.js';
import { mayNameBuiltin } from './text-mentions.js';
import type { Walker } from './walker.js';
import { followProgramEntry } from './worker-entries.js';

/** Where a pool takes the file its workers run: an option of an options object, or a positional argument. */
type EntryPlace = { readonly option: string; readonly at: number } | { readonly argument: number };

/** A constructor or function of a pool package (`member` null: the module itself, or its default export). */
interface PoolStart {
  readonly member: string | null;
  readonly entry: EntryPlace;
}

/**
 * Worker-pool packages that start threads or processes running a file named by the caller: the
 * file is code of the program, as a `new Worker(file)` entry is (worker-entries.ts). The package's
 * own code is a dependency (`--deps`); without this table the file it runs is never reached.
 * piscina and tinypool also take a `filename` per task (`pool.run(task, { filename })`).
 */
const POOLS = new Map<string, readonly PoolStart[]>([
  ['piscina', [{ member: null, entry: { option: 'filename', at: 0 } }, { member: 'Piscina', entry: { option: 'filename', at: 0 } }]],
  ['tinypool', [{ member: null, entry: { option: 'filename', at: 0 } }, { member: 'Tinypool', entry: { option: 'filename', at: 0 } }]],
  ['workerpool', [{ member: 'pool', entry: { argument: 0 } }]],
  [
    'poolifier',
    [
      { member: 'FixedThreadPool', entry: { argument: 1 } },
      { member: 'FixedClusterPool', entry: { argument: 1 } },
      { member: 'DynamicThreadPool', entry: { argument: 2 } },
      { member: 'DynamicClusterPool', entry: { argument: 2 } },
    ],
  ],
]);

/** Pools whose tasks may name their own file (`run(task, { filename })`). */
const PER_TASK_FILE = new Set(['piscina', 'tinypool']);

const poolName = (specifier: string): string | undefined => (POOLS.has(specifier) ? specifier : undefined);

function mayUsePools(sourceFile: ts.SourceFile): boolean {
  for (const name of POOLS.keys()) if (mayNameBuiltin(sourceFile, name)) return true;
  return false;
}

/** The pool start a callee is: `new Piscina(…)`, `new (require('piscina'))(…)`, `workerpool.pool(…)`, `new FixedThreadPool(…)`. */
function poolStartOf(callee: ts.Expression, context: NameContext): { readonly pool: string; readonly start: PoolStart } | undefined {
  const member = namedMemberOf(callee, context, poolName);
  const pool = member?.specifier ?? namedModuleOf(callee, context, poolName);
  if (pool === undefined) return undefined;
  const key = member === undefined ? null : member.member;
  const start = POOLS.get(pool)?.find((candidate) => candidate.member === key);
  return start === undefined ? undefined : { pool, start };
}

/**
 * A pool started with a file (`new Piscina({ filename })`, `workerpool.pool(file)`), or a task of
 * one given its own file (`pool.run(task, { filename })`): the file is an edge, or UNANALYZED where
 * the syntax cannot place it or cannot see the options whole.
 */
export function judgePoolEntries(walker: Walker, call: ts.CallExpression | ts.NewExpression): void {
  if (!mayUsePools(walker.sourceFile)) return;
  const context = { scope: walker.scope, ancestors: walker.ancestors };
  const args = call.arguments ?? [];
  const found = poolStartOf(call.expression, context);
  if (found !== undefined) return followPoolEntry(walker, call, found.pool, found.start.entry, args);
  if (!ts.isCallExpression(call)) return;
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'run') return;
  const pool = poolConstructed(callee.expression, walker);
  if (pool !== undefined && PER_TASK_FILE.has(pool)) followPoolEntry(walker, call, pool, { option: 'filename', at: 1 }, args);
}

/** The pool package a `const` was constructed from (`const pool = new Piscina(…)`). */
function poolConstructed(receiver: ts.Expression, walker: Walker): string | undefined {
  const inner = skipOuter(receiver);
  if (!ts.isIdentifier(inner)) return undefined;
  const declared = declarationOf(inner, walker.ancestors);
  const initializer = declared?.kind === 'const' && declared.key === undefined ? skipOuter(declared.initializer) : undefined;
  if (initializer === undefined || !ts.isNewExpression(initializer)) return undefined;
  return poolStartOf(initializer.expression, { scope: walker.scope, ancestors: walker.ancestors })?.pool;
}

function followPoolEntry(walker: Walker, call: ts.CallExpression | ts.NewExpression, pool: string, place: EntryPlace, args: readonly ts.Expression[]): void {
  const label = `${pool} ${call.expression.getText(walker.sourceFile)}`;
  if (args.some((argument) => ts.isSpreadElement(argument))) return walker.report.unanalyzed(call, excerpt(label), 'a worker pool whose arguments are not written out: the file its workers run is not known');
  if ('argument' in place) {
    const entry = args[place.argument];
    // Without a file, workerpool runs functions sent to it (code of this file); an options object takes the file's place.
    if (entry === undefined || ts.isObjectLiteralExpression(skipOuter(entry))) return;
    return followProgramEntry(walker, entry, label);
  }
  const options = args[place.at];
  if (options === undefined) return;
  const seen = seenOptions(options, walker.ancestors);
  const file = seen.properties.get(place.option);
  if (file !== undefined) return followProgramEntry(walker, file.value, label);
  if (seen.unseen !== undefined) walker.report.unanalyzed(seen.unseen, excerpt(`${label} options`), `worker pool options the syntax cannot see whole: a \`${place.option}\` among them names the file the workers run`);
}
