import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { BOOLEAN_OPTIONS, CHECK_OPTIONS, CONDITION_OPTIONS, PRINTS_BEFORE_PRELOADS, RESOLUTION_OPTIONS, RESOLVED_CONDITIONS, resolutionVariableOf, DISCOVERING_OPTIONS, ENV_FILE_OPTIONS, EVAL_OPTIONS, isInertEvalCode, NO_PROGRAM_OPTIONS, OPTIONS_WITH_VALUE, PRELOAD_OPTIONS, STDIN_CODE_OPTIONS } from './child-entries-options.js';
import { constInitializer } from './entry-path-consts.js';
import { evaluatePath, evaluateParts, type PathPart, type PathValue } from './entry-path.js';
import { isProcessMember } from './module-loads.js';
import { excerpt, skipOuter } from './syntax.js';
import { constantKey } from './constants.js';
import { markFollowedSetting, seenOptions } from './launch-options.js';
import { partsOf } from './entry-command-parts.js';
import { mutationOf, replayedArguments } from './launch-mutations.js';
import type { Walker } from './walker.js';
import { followEntryValue, followPreload, pathContext } from './entry-path-follow.js';
import { followEnvFileOption } from './env-file-loads.js';

/** One argument of a Node command line: the pieces it is built from, and where it is written. */
export interface NodeArgument {
  readonly node: ts.Node;
  readonly parts: readonly PathPart[];
}

/** An argument the syntax cannot see (a spread, `execArgv: flags`): nothing after it is known. */
export const UNKNOWN_ARGUMENT = 'unknown';
export type ArgumentList = ReadonlyArray<NodeArgument | typeof UNKNOWN_ARGUMENT>;

export { partsOf } from './entry-command-parts.js';

/**
 * `[a, b, ...rest]` (or a `const` holding it) as Node arguments; anything else is unknown. What
 * the parent passes on of its own (`process.execArgv`, a spread of it, `.filter`/`.slice` of it)
 * adds no entry of this module.
 */
export function argumentsOf(list: ts.Expression | undefined, walker: Walker): ArgumentList {
  let inner = list === undefined ? undefined : skipOuter(list);
  let elements: readonly ts.Expression[] | undefined;
  if (inner !== undefined && ts.isIdentifier(inner)) {
    const name = inner.text;
    const held = constInitializer(inner, walker.ancestors);
    inner = held === undefined ? undefined : skipOuter(held);
    // `const args = [clean]; args.unshift('-r', pre)`: the array is what those statements leave, or unknown (launch-mutations.ts).
    if (inner !== undefined && ts.isArrayLiteralExpression(inner)) {
      elements = replayedArguments(name, inner, walker);
      if (elements === undefined) return [UNKNOWN_ARGUMENT];
    } else if (inner !== undefined && mutationOf(name, 'arguments', walker) !== undefined) return [UNKNOWN_ARGUMENT];
  }
  if (inner !== undefined && isInheritedSetting(inner, walker)) return [];
  if (inner === undefined || !ts.isArrayLiteralExpression(inner)) return [UNKNOWN_ARGUMENT];
  const args: Array<NodeArgument | typeof UNKNOWN_ARGUMENT> = [];
  for (const element of elements ?? inner.elements) {
    if (!ts.isSpreadElement(element)) args.push({ node: element, parts: partsOf(element) });
    else if (!isInheritedSetting(element.expression, walker)) args.push(UNKNOWN_ARGUMENT);
  }
  return args;
}

/**
 * The parent's own launch settings, passed on: `process.execArgv` (whole, an element, a
 * `.filter`/`.slice` of it) and `process.env.NODE_OPTIONS` (also `?? ''`). They were the
 * parent's command line, not code of this module.
 */
export function isInheritedSetting(expression: ts.Expression, walker: Walker): boolean {
  const inner = skipOuter(expression);
  const isProcess = (node: ts.Expression, member: string): boolean => isProcessMember(node, member, walker.scope, GLOBAL_OBJECT_NAMES);
  if (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || inner.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return isInheritedSetting(inner.left, walker) && ts.isStringLiteralLike(skipOuter(inner.right));
  }
  if (isProcess(inner, 'execArgv')) return true;
  if (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && ['filter', 'slice'].includes(inner.expression.name.text)) return isProcess(inner.expression.expression, 'execArgv');
  if (!ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) return false;
  const key = constantKey(inner, walker.scope);
  if (key === 'NODE_OPTIONS') return isProcess(inner.expression, 'env');
  return ts.isElementAccessExpression(inner) && isProcess(inner.expression, 'execArgv');
}

/** The `cwd` of a child's options, when the syntax can evaluate it. */
export function workingDirectoryOf(walker: Walker, options: ts.Expression | undefined): PathValue | undefined {
  const cwd = seenOptions(options, walker.ancestors).properties.get('cwd');
  return cwd === undefined ? undefined : evaluatePath(cwd.value, pathContext(walker));
}

/** The whole text of an argument when it is plain text (a literal, a template of constants); undefined when any piece is computed. */
function plainText(argument: NodeArgument, walker: Walker): string | undefined {
  const value = evaluateParts(argument.parts, pathContext(walker));
  if (value !== undefined && !value.anchored && value.form === 'path') return value.text;
  const [first] = argument.parts;
  // `--require=${file}`: the option is plain even where its value is not.
  return typeof first === 'string' && first.startsWith('-') && first.includes('=') ? first : undefined;
}

/** A word made of text and the parent's own settings (`${process.env.NODE_OPTIONS ?? ''}`), or one that evaluates to a path: no option hides in it. */
function isReadableWord(argument: NodeArgument, walker: Walker): boolean {
  if (evaluateParts(argument.parts, pathContext(walker)) !== undefined) return true;
  return argument.parts.every((part) => typeof part === 'string' || isInheritedSetting(part, walker));
}

/** The value written after `=` in `--option=value`. */
function inlineValue(argument: NodeArgument): readonly PathPart[] {
  const [first, ...rest] = argument.parts;
  return typeof first === 'string' ? [first.slice(first.indexOf('=') + 1), ...rest] : rest;
}

/** A value Node reads as a path: a path-like word (`./x`, `dir/x`, `x.js`), not a number or a name. */
function looksLikePath(text: string): boolean {
  return /[/\\]/.test(text) || /\.[cm]?[jt]sx?$/i.test(text) || text.startsWith('file:');
}

/**
 * Reads a Node command line (`node [options] entry [args]`, `execArgv`, `NODE_OPTIONS`) as Node
 * does: each preload (`-r`/`--require`/`--import`/`--loader`, also written `--import=x`) is an
 * entry, and with `expectsEntry` so is the first argument that is not an option. What cannot be
 * read fails closed: a spread, an argument that cannot be evaluated, an unknown option followed
 * by a path-like word (its value or the entry?), `--test`/`--run` (files Node finds itself).
 */
export function followNodeArguments(walker: Walker, at: ts.Node, label: string, args: ArgumentList, expectsEntry: boolean, cwd?: PathValue): void {
  // `node --require PRE --version` prints and exits before any preload: preloads (and the entry) are judged once the line is known to run them.
  const loads: Array<() => void> = [];
  const printsOnly = readNodeArguments(walker, at, label, args, expectsEntry, loads, cwd);
  if (!printsOnly) for (const follow of loads) follow();
}

/** followNodeArguments' reading; true when an option makes Node print and exit before it loads anything. */
function readNodeArguments(walker: Walker, at: ts.Node, label: string, args: ArgumentList, expectsEntry: boolean, loads: Array<() => void>, cwd?: PathValue): boolean {
  const unanalyzed = (node: ts.Node, why: string): false => {
    walker.report.unanalyzed(node, excerpt(label), why);
    return false;
  };
  const evaluate = (parts: readonly PathPart[]): PathValue | undefined => evaluateParts(parts, pathContext(walker));
  // `node --check f` parses the entry and runs nothing of it; its preloads still run (Node 20).
  let runsEntry = expectsEntry;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    if (argument === undefined || argument === UNKNOWN_ARGUMENT) return unanalyzed(at, 'a Node command line the syntax cannot see whole (its entry file or a preload among it)');
    const text = plainText(argument, walker);
    if (text === '--') {
      const entry = args[index + 1];
      if (!runsEntry) return false;
      if (entry === undefined || entry === UNKNOWN_ARGUMENT) return unanalyzed(at, 'a Node child whose entry file is not written out');
      const value = evaluate(entry.parts);
      loads.push(() => followEntryValue(walker, entry.node, value, label, 'require', cwd));
      return false;
    }
    if (text === undefined || !text.startsWith('-')) {
      // `execArgv: [flag]`, `NODE_OPTIONS: flags`: a word the syntax cannot read may be `--require=…`.
      if (!expectsEntry && text === undefined && !isReadableWord(argument, walker)) return unanalyzed(argument.node, 'a Node option the syntax cannot read (it may preload a file)');
      if (!expectsEntry) continue;
      if (!runsEntry) return false;
      const value = evaluate(argument.parts);
      loads.push(() => followEntryValue(walker, argument.node, value, label, 'require', cwd));
      return false;
    }
    const equals = text.indexOf('=');
    const option = equals < 0 ? text : text.slice(0, equals);
    if (CHECK_OPTIONS.has(option)) runsEntry = false;
    if (EVAL_OPTIONS.has(option)) {
      const following = args[index + 1];
      const code = equals >= 0 ? text.slice(equals + 1) : following === undefined || following === UNKNOWN_ARGUMENT ? undefined : plainText(following, walker);
      // `node -p 1 --require PRE`: options after the code are still Node's (up to the first argument, the script's).
      if (code !== undefined && isInertEvalCode(code)) {
        runsEntry = false;
        if (equals < 0) index++;
        continue;
      }
      return unanalyzed(argument.node, `\`${option}\` runs code written on the command line: the guard does not analyze it (it may load any file)`);
    }
    if (NO_PROGRAM_OPTIONS.has(option)) return PRINTS_BEFORE_PRELOADS.has(option);
    if (STDIN_CODE_OPTIONS.has(option)) {
      if (!runsEntry) return false;
      return unanalyzed(argument.node, `\`${option}\` runs code read from standard input: the guard does not analyze it (it may load any file)`);
    }
    if (DISCOVERING_OPTIONS.has(option)) return unanalyzed(argument.node, `\`${option}\` runs files Node finds by itself, not files the syntax can name`);
    if (ENV_FILE_OPTIONS.has(option)) {
      // The entry after it is still followed; the file is read by the guard where the syntax places it (env-file-loads.ts).
      const file = args[index + 1];
      followEnvFileOption(walker, argument.node, option, equals >= 0 ? inlineValue(argument) : file === undefined || file === UNKNOWN_ARGUMENT ? undefined : file.parts, cwd);
      if (equals < 0) index++;
      continue;
    }
    const next = args[index + 1];
    if (RESOLUTION_OPTIONS.has(option) || CONDITION_OPTIONS.has(option)) {
      // The entry after it is still followed; what its modules load is found another way (choice 87).
      const value = equals >= 0 ? text.slice(equals + 1) : OPTIONS_WITH_VALUE.has(option) && next !== undefined && next !== UNKNOWN_ARGUMENT ? plainText(next, walker) : undefined;
      const unmodeled = !CONDITION_OPTIONS.has(option) || value === undefined || !RESOLVED_CONDITIONS.has(value);
      if (unmodeled) unanalyzed(argument.node, `\`${option}\` makes the child resolve its modules otherwise than the project does (choice 87): the files it loads are not the ones the guard analyzed`);
      // Its value (if any) is skipped as any option's is, below.
    }
    const preload = PRELOAD_OPTIONS.get(option);
    if (preload !== undefined) {
      if (equals >= 0) {
        const value = evaluate(inlineValue(argument));
        loads.push(() => followPreload(walker, argument.node, value, `${label} ${option}`, preload, cwd));
        continue;
      }
      index++;
      if (next === undefined || next === UNKNOWN_ARGUMENT) return unanalyzed(argument.node, 'a preloaded module that is not written out');
      const value = evaluate(next.parts);
      loads.push(() => followPreload(walker, next.node, value, `${label} ${option}`, preload, cwd));
      continue;
    }
    if (equals >= 0 || BOOLEAN_OPTIONS.has(option) || option.startsWith('--no-') || next === undefined) continue;
    if (OPTIONS_WITH_VALUE.has(option) || next === UNKNOWN_ARGUMENT) {
      index++;
      continue;
    }
    // An option Node does not document (a V8 flag): `--flag value` or `--flag entry`?
    const nextText = plainText(next, walker);
    if (nextText !== undefined && !looksLikePath(nextText)) {
      index++;
      continue;
    }
    if (nextText !== undefined || evaluate(next.parts)?.anchored !== true) return unanalyzed(next.node, `after \`${option}\`, Node's value or the entry file: the syntax cannot tell which`);
    // A file of the program is never a flag's value: it is the entry, handled by the next turn.
  }
  if (runsEntry) unanalyzed(at, 'a Node child whose entry file is not written out');
  return false;
}

/**
 * The options of a Node child or Worker that load code: `execArgv` (its preloads), and for a
 * child process `env.NODE_OPTIONS` (`{ env: { ...process.env, NODE_OPTIONS: '-r x' } }`). Options
 * are read through `const`s and spreads (launch-options.ts); where they are not seen whole, or
 * an `env` is not, UNANALYZED: a preload may hide there. A relative preload is read against the
 * child's `cwd`. The inherited `process.env` is the parent's own business (docs/caveats.md), and
 * a `NODE_OPTIONS` written into it is followed where it is written (launch-settings.ts).
 */
export function followLaunchOptions(walker: Walker, options: ts.Expression, label: string, isChildProcess = false): void {
  const seen = seenOptions(options, walker.ancestors, undefined, (name) => mutationOf(name.text, 'options', walker));
  if (seen.unseen !== undefined) walker.report.unanalyzed(seen.unseen, excerpt(`${label} options`), 'options the syntax cannot see whole: an `execArgv` or `env.NODE_OPTIONS` among them may preload any file');
  // A Worker has no working directory of its own: its relative preloads are the process's.
  const cwd = isChildProcess ? workingDirectoryOf(walker, options) : undefined;
  const execArgv = seen.properties.get('execArgv');
  if (execArgv !== undefined) {
    markFollowedSetting(execArgv.node);
    followNodeArguments(walker, execArgv.node, `${label} execArgv`, argumentsOf(execArgv.value, walker), false, cwd);
  }
  const env = seen.properties.get('env');
  if (env !== undefined && isChildProcess) followEnvironment(walker, env.value, label, cwd);
}

/** A child's `env`: its `NODE_OPTIONS` read as Node options; an environment not seen whole fails closed. */
export function followEnvironment(walker: Walker, environment: ts.Expression, label: string, cwd?: PathValue): void {
  const seen = seenOptions(environment, walker.ancestors, (spread) => isProcessObjectMember(spread, 'env', walker), (name) => mutationOf(name.text, 'environment', walker));
  if (seen.unseen !== undefined && !isProcessObjectMember(environment, 'env', walker)) {
    walker.report.unanalyzed(seen.unseen, excerpt(`${label} env`), 'an environment the syntax cannot see whole: a `NODE_OPTIONS` in it may preload any file');
  }
  judgeResolutionVariables(walker, seen.properties, label);
  const nodeOptions = seen.properties.get('NODE_OPTIONS');
  if (nodeOptions === undefined) return;
  markFollowedSetting(nodeOptions.node);
  followNodeOptionsText(walker, nodeOptions.node, nodeOptions.value, `${label} NODE_OPTIONS`, cwd);
}

/** A child's `env` that sets `NODE_PATH` or `NODE_PRESERVE_SYMLINKS=1` (a value the syntax cannot read counts): UNANALYZED (choice 87). */
function judgeResolutionVariables(walker: Walker, properties: ReturnType<typeof seenOptions>['properties'], label: string): void {
  for (const [name, property] of properties) {
    const value = skipOuter(property.value);
    const text = ts.isStringLiteralLike(value) ? value.text : value.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isIdentifier(value) && value.text === 'undefined') ? '' : undefined;
    if (resolutionVariableOf(name, text) === undefined) continue;
    markFollowedSetting(property.node);
    walker.report.unanalyzed(property.node, excerpt(`${label} env.${name}`), resolutionVariableWhy(name));
  }
}

/**
 * The first word among `words` that assigns a resolution variable (`NODE_PATH=./lib`, as a shell
 * prefix, an `export` operand or an `env` operand), with a value that may change resolution.
 */
export function resolutionAssignmentIn(words: readonly NodeArgument[]): string | undefined {
  for (const word of words) {
    const [first] = word.parts;
    const match = typeof first === 'string' ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(first) : null;
    if (match === null) continue;
    const name = resolutionVariableOf(match[1] as string, word.parts.length === 1 ? (match[2] as string) : undefined);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Why a child given a resolution variable is UNANALYZED (choice 87). */
export function resolutionVariableWhy(name: string): string {
  return `\`${name}\` makes the Node child resolve its modules otherwise than the project does (choice 87): the files it loads are not the ones the guard analyzed`;
}

/** `NODE_OPTIONS` text as Node reads it: words of options, each preload an entry. */
export function followNodeOptionsText(walker: Walker, at: ts.Node, value: ts.Expression, label: string, cwd?: PathValue): void {
  // `const flags = '--require ./x.js'; … { NODE_OPTIONS: flags }`: the words of the text the `const` holds.
  let written = skipOuter(value);
  for (let depth = 0; ts.isIdentifier(written) && depth < 4; depth++) written = skipOuter(constInitializer(written, walker.ancestors) ?? written);
  followNodeArguments(walker, at, label, commandWords(partsOf(written), at), false, cwd);
}

function isProcessObjectMember(expression: ts.Expression, member: string, walker: Walker): boolean {
  return isProcessMember(expression, member, walker.scope, GLOBAL_OBJECT_NAMES);
}

/**
 * The words of a command line, split at blanks outside quotes as a shell does; a computed piece
 * joins the word it is written in (`node ${file}`). Quotes are removed.
 */
export function commandWords(parts: readonly PathPart[], node: ts.Node): NodeArgument[] {
  const words: NodeArgument[] = [];
  let current: PathPart[] = [];
  let quote: string | undefined;
  let started = false;
  const end = (): void => {
    if (started) words.push({ node, parts: current });
    current = [];
    started = false;
  };
  for (const part of parts) {
    if (typeof part !== 'string') {
      current.push(part);
      started = true;
      continue;
    }
    let text = '';
    for (const character of part) {
      if (quote !== undefined) {
        if (character === quote) quote = undefined;
        else text += character;
      } else if (character === '"' || character === "'") {
        quote = character;
        started = true;
      } else if (/\s/.test(character)) {
        if (text !== '') current.push(text);
        text = '';
        end();
      } else {
        text += character;
        started = true;
      }
    }
    if (text !== '') current.push(text);
  }
  end();
  return words;
}
