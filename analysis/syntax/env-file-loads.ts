import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { declarationOf } from './entry-path-consts.js';
import { evaluateParts, moduleSpecifierOf, type PathPart, type PathValue } from './entry-path.js';
import { againstWorkingDirectory, pathContext } from './entry-path-follow.js';
import { placedEnvFileOf } from './env-file-references.js';
import { seenOptions } from './launch-options.js';
import { valueMayReachStarter } from './launch-settings-reach.js';
import { isProcessMember } from './module-loads.js';
import { constantString } from './constants.js';
import { excerpt, literalString, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * An env file loaded into the process (`process.loadEnvFile()`, `util.parseEnv(text)` written into
 * `process.env`, dotenv's `config()` or `import 'dotenv/config'`) may set `NODE_OPTIONS`, and a
 * Node child started afterwards inherits it: `--require`/`--import` there preload any file in
 * the child (Node-proven in tests/analysis/entries/env-file-loads.test.ts). The guard does not
 * read env files, so a Node child started by a file that loads one is UNANALYZED at the start,
 * and the witness names the load. Read per file here; a load in another module reaches the child
 * through the guard, which joins each file's envWrite with the others' envChildren
 * (guard/search/env-children.ts, choice 97). A computed key stays per file.
 */

/** Packages whose loading reads an env file into `process.env` (their `config()`, their `/config` entry). */
const ENV_FILE_PACKAGES = /^(dotenv|dotenv-flow|dotenv-safe|dotenv-extended|@dotenvx\/dotenvx)(\/config)?$/;

/** Members that load or parse an env file: `process.loadEnvFile`, `util.parseEnv`. */
const ENV_FILE_MEMBERS = new Set(['loadEnvFile', 'parseEnv']);

interface EnvFileLoad {
  readonly name: string;
  readonly line: number;
  /** A write into `process.env` whose key does not fold (choice 87), rather than an env file. */
  readonly computedKey?: true;
}

const loads = new WeakMap<ts.SourceFile, EnvFileLoad | null>();

/** The first env-file load of the file, found once per parse; only a file that spells one of the names is read. */
function envFileLoadIn(sourceFile: ts.SourceFile, walker?: Walker): EnvFileLoad | undefined {
  let found = loads.get(sourceFile);
  if (found === undefined) {
    // A computed key needs no name spelled out: every file that starts a child (the only caller) is read for one.
    found = scan(sourceFile, walker) ?? null;
    loads.set(sourceFile, found);
  }
  return found ?? undefined;
}

function scan(sourceFile: ts.SourceFile, walker: Walker | undefined): EnvFileLoad | undefined {
  const stack: ts.Node[] = [sourceFile];
  const at = (node: ts.Node, name: string): EnvFileLoad => ({ name, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 });
  const visit = (node: ts.Node): EnvFileLoad | undefined => {
    stack.push(node);
    const found = loadAt(node, stack, sourceFile, at, walker) ?? ts.forEachChild(node, visit);
    stack.pop();
    return found;
  };
  return ts.forEachChild(sourceFile, visit);
}

function loadAt(node: ts.Node, stack: readonly ts.Node[], sourceFile: ts.SourceFile, at: (node: ts.Node, name: string) => EnvFileLoad, walker: Walker | undefined): EnvFileLoad | undefined {
  const computed = walker === undefined ? undefined : computedKeyWrite(node, walker);
  if (computed !== undefined) return { ...at(node, excerpt(computed.getText(sourceFile), 40)), computedKey: true };
  // `import 'dotenv/config'`, `import dotenv from 'dotenv'`, `require('dotenv')`, `import('dotenv/config')`.
  const specifier = ts.isImportDeclaration(node) || ts.isExportDeclaration(node) ? literalString(node.moduleSpecifier) : ts.isCallExpression(node) && (isRequireName(node.expression) || node.expression.kind === ts.SyntaxKind.ImportKeyword) ? literalString(node.arguments[0]) : undefined;
  if (specifier !== undefined && ENV_FILE_PACKAGES.test(specifier)) return at(node, `'${specifier}'`);
  // `const { loadEnvFile } = process`, `import { parseEnv } from 'node:util'`.
  if ((ts.isBindingElement(node) || ts.isImportSpecifier(node)) && ENV_FILE_MEMBERS.has((node.propertyName ?? node.name).getText(sourceFile))) return at(node, (node.propertyName ?? node.name).getText(sourceFile));
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return undefined;
  const name = ts.isPropertyAccessExpression(node) ? node.name.text : literalString(node.argumentExpression);
  if (name === undefined || !ENV_FILE_MEMBERS.has(name) || isLocalObject(node.expression, stack)) return undefined;
  // `util.parseEnv(text)` only returns the variables: a result only read (counted, printed) reaches no environment.
  if (name === 'parseEnv' && walker !== undefined && isOnlyRead(node, stack, walker)) return undefined;
  // A placed file is an `env-file` reference the guard reads (env-file-references.ts, choice 97).
  const call = stack[stack.length - 2];
  if (name === 'loadEnvFile' && walker !== undefined && call !== undefined && ts.isCallExpression(call) && call.expression === node && placedEnvFileOf(walker, call) !== undefined) return undefined;
  return at(node, `${excerpt(node.expression.getText(sourceFile), 24)}.${name}`);
}

/** The call of `parseEnv` whose result can reach neither `process.env` nor a starter (launch-settings-reach.ts). */
function isOnlyRead(member: ts.Node, stack: readonly ts.Node[], walker: Walker): boolean {
  const index = stack.length - 2;
  const call = stack[index];
  if (call === undefined || !ts.isCallExpression(call) || call.expression !== member) return false;
  return !valueMayReachStarter(stack, index, { walker, depth: 0, keptOnThis: false });
}

/**
 * `process.env[key] = v` (any writing operator) or `Reflect.set(process.env, key, v)` where the key
 * does not fold to a constant (constants.ts, choice 77): it may be `NODE_OPTIONS` or another name
 * Node reads at startup (choice 87). A folded key is judged where it is written
 * (launch-settings.ts); read from the scope of the child's start here, a key held in a `const` out of its sight fails closed.
 */
function computedKeyWrite(node: ts.Node, walker: Walker): ts.Expression | undefined {
  const scope = walker.scope;
  const isEnv = (expression: ts.Expression): boolean => isProcessMember(expression, 'env', scope, GLOBAL_OBJECT_NAMES);
  const unfolded = (key: ts.Expression | undefined): boolean => key !== undefined && !ts.isSpreadElement(key) && constantString(key, scope) === undefined;
  if (ts.isBinaryExpression(node) && WRITING_OPERATORS.has(node.operatorToken.kind)) {
    const target = skipOuter(node.left);
    return ts.isElementAccessExpression(target) && isEnv(target.expression) && unfolded(target.argumentExpression) ? target : undefined;
  }
  if (!ts.isCallExpression(node) || node.arguments.length < 2) return undefined;
  const callee = skipOuter(node.expression);
  const [holder, key] = node.arguments;
  const isReflectSet = ts.isPropertyAccessExpression(callee) && callee.name.text === 'set' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Reflect' && scope.lookup('Reflect') === undefined;
  return isReflectSet && holder !== undefined && isEnv(holder) && unfolded(key) ? node : undefined;
}

/** Operators that store into their left side. */
const WRITING_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken]);

function isRequireName(callee: ts.Expression): boolean {
  const inner = skipOuter(callee);
  return ts.isIdentifier(inner) && inner.text === 'require';
}

/** `config.loadEnvFile()` where `config` is an object, a function or a class of this file: its own method. */
function isLocalObject(base: ts.Expression, stack: readonly ts.Node[]): boolean {
  const inner = skipOuter(base);
  if (!ts.isIdentifier(inner)) return false;
  const declared = declarationOf(inner, stack);
  if (declared?.kind === 'declared') return true;
  return declared?.kind === 'const' && declared.key === undefined && ts.isObjectLiteralExpression(skipOuter(declared.initializer));
}

/**
 * `node --env-file=x`: the file's variables are the child's environment before its options are
 * read. A file placed beside the program's code (relative to the module, or to a `cwd` the syntax
 * proves) is an `env-file` reference the guard reads (guard/resolve/env-file.ts, choice 87): a file
 * that sets none of the variables it judges changes nothing. A file the syntax cannot place is
 * UNANALYZED here: a `NODE_OPTIONS` line there preloads any file.
 */
export function followEnvFileOption(walker: Walker, node: ts.Node, option: string, parts: readonly PathPart[] | undefined, cwd: PathValue | undefined): void {
  const written = parts === undefined ? undefined : evaluateParts(parts, pathContext(walker));
  const value = againstWorkingDirectory(written, cwd);
  const specifier = value?.anchored === true && value.form === 'path' ? moduleSpecifierOf(value, pathContext(walker).fileName) : undefined;
  if (specifier !== undefined) return walker.addReference(specifier, 'env-file', false, node);
  walker.report.unanalyzed(node, excerpt(option), `\`${option}\` reads Node's environment from a file the syntax cannot place: a \`NODE_OPTIONS\` line there preloads any file`);
}

/**
 * A Node child started at `at` (fork, spawn of node, a shell line starting node, cluster.fork) by
 * a file that loads an env file: UNANALYZED, unless its options give it an environment of its own
 * without the parent's (`env: { PATH }`).
 */
export function judgeEnvFileBeforeChild(walker: Walker, at: ts.Node, label: string, options: ts.Expression | undefined): void {
  if (hasOwnEnvironment(walker, options)) return;
  const load = envFileLoadIn(walker.sourceFile, walker);
  if (load === undefined) {
    // Another module of the program may write the variable first (choice 97): only the guard sees them all.
    walker.report.envChildren.push({ name: excerpt(label), start: at.getStart(walker.sourceFile), end: at.getEnd() });
    return;
  }
  if (load.computedKey === true) {
    return walker.report.unanalyzed(at, excerpt(label), `this file writes \`process.env\` under a key the syntax cannot fold (${load.name}, line ${load.line}): it may be \`NODE_OPTIONS\` (a preload) or \`NODE_PATH\` in the Node child started here`);
  }
  walker.report.unanalyzed(at, excerpt(label), `this file loads an env file into the process (${load.name}, line ${load.line}): a \`NODE_OPTIONS\` line there preloads any file in the Node child started here, and the guard does not read env files`);
}

/** Words a file must spell to write a startup variable the scan can see (a cheap gate before a second walk). */
const ENV_WRITE_WORDS = /\benv\b|dotenv|loadEnvFile|parseEnv/;

/** The file's own startup-variable write, for the guard to apply to every Node child of the program (choice 97). */
export function startupEnvWriteOf(walker: Walker): string | undefined {
  if (!ENV_WRITE_WORDS.test(walker.sourceFile.text)) return undefined;
  const load = envFileLoadIn(walker.sourceFile, walker);
  // A computed key stays per file: folded only to one value, `['RT20', 'MODE'].join(c ? '_' : '-')` would be
  // judged as a startup variable in every child of the program (round 20's sibling look-alike).
  return load === undefined || load.computedKey === true ? undefined : `${load.name} (${walker.sourceFile.fileName.split('/').pop() ?? ''}, line ${load.line})`;
}

function hasOwnEnvironment(walker: Walker, options: ts.Expression | undefined): boolean {
  const env = seenOptions(options, walker.ancestors).properties.get('env');
  if (env === undefined) return false;
  const isProcessEnv = (expression: ts.Expression): boolean => isProcessMember(expression, 'env', walker.scope, GLOBAL_OBJECT_NAMES);
  if (isProcessEnv(env.value)) return false;
  let inherits = false;
  const seen = seenOptions(env.value, walker.ancestors, (spread) => {
    if (isProcessEnv(spread)) inherits = true;
    return false;
  });
  return !inherits && seen.unseen === undefined;
}
