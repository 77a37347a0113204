import path from 'node:path';
import ts from 'typescript';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { commandWords, followNodeArguments, type NodeArgument } from './child-entries-args.js';
import { evaluateParts, type PathPart } from './entry-path.js';
import { isProcessMember } from './module-loads.js';
import { constantKey } from './constants.js';
import { excerpt, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';
import { pathContext } from './worker-entries.js';

/** Shell operators that end one command and start the next (`npm test && node x.js`). */
const SEPARATORS = /[;&|()\n]/;
/** Text the shell expands before running (`$VAR`, `$(…)`, backquotes): the words are not known. */
const EXPANSIONS = /[$`]/;

/** `process.execPath`, `process.argv0`, `process.argv[0]`, or a literal `node` / `…/node` / `node.exe`. */
export function isNodeCommand(command: ts.Expression, scope: Walker['scope']): boolean {
  const inner = skipOuter(command);
  if (isProcessMember(inner, 'execPath', scope, GLOBAL_OBJECT_NAMES) || isProcessMember(inner, 'argv0', scope, GLOBAL_OBJECT_NAMES)) return true;
  if (ts.isElementAccessExpression(inner) && constantKey(inner, scope) === '0' && isProcessMember(inner.expression, 'argv', scope, GLOBAL_OBJECT_NAMES)) return true;
  return ts.isStringLiteralLike(inner) && isNodeName(inner.text);
}

function isNodeName(text: string): boolean {
  return /^node(\.exe)?$/i.test(path.posix.basename(text.replaceAll('\\', '/')));
}

/** A command word that starts Node: its text is `node`, or it is `process.execPath` (quoted or not). */
function startsNode(word: NodeArgument, walker: Walker): boolean {
  const [only] = word.parts;
  if (word.parts.length === 1 && only !== undefined && typeof only !== 'string') return isNodeCommand(only, walker.scope);
  const value = evaluateParts(word.parts, pathContext(walker));
  return value !== undefined && !value.anchored && isNodeName(value.text);
}

/**
 * A command line a shell runs (`exec('node ./x.js')`, `spawn(cmd, { shell: true })`): each
 * command of it that starts Node is read as Node's command line (child-entries-args.ts), with a
 * `NODE_OPTIONS=…` prefix read as Node options. Other programs are the EXEC grant's business.
 * A Node command whose words the shell expands (`$FILE`, `$(…)`) fails closed.
 */
export function followCommandLine(walker: Walker, at: ts.Node, parts: readonly PathPart[], label: string, extra: readonly NodeArgument[] = []): void {
  const literalText = parts.filter((part) => typeof part === 'string').join('');
  const commands: NodeArgument[][] = [[]];
  for (const part of parts) {
    if (typeof part !== 'string') {
      commands.at(-1)?.push({ node: at, parts: [part] });
      continue;
    }
    const pieces = part.split(SEPARATORS);
    pieces.forEach((piece, index) => {
      if (index > 0) commands.push([]);
      commands.at(-1)?.push({ node: at, parts: [piece] });
    });
  }
  const last = commands.at(-1);
  if (last !== undefined) last.push(...extra.map((word) => ({ node: word.node, parts: [' ', ...word.parts, ' '] })));
  for (const pieces of commands) {
    const words = commandWords(pieces.flatMap((piece) => piece.parts), at).map((word) => ({ node: word.node, parts: word.parts }));
    let start = 0;
    const environment: NodeArgument[] = [];
    while (start < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(String(words[start]?.parts[0] ?? ''))) {
      const word = words[start];
      if (word !== undefined && String(word.parts[0]).startsWith('NODE_OPTIONS=')) environment.push(word);
      start++;
    }
    const command = words[start];
    if (command === undefined || !startsNode(command, walker)) continue;
    if (EXPANSIONS.test(literalText)) {
      walker.report.unanalyzed(at, excerpt(label), 'a Node command line the shell expands before it runs: the entry file is not known');
      continue;
    }
    for (const assignment of environment) {
      const [first, ...rest] = assignment.parts;
      followNodeArguments(walker, at, `${label} NODE_OPTIONS`, commandWords([String(first).slice('NODE_OPTIONS='.length), ...rest], at), false);
    }
    followNodeArguments(walker, at, label, words.slice(start + 1), true);
  }
}
