import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES, SCRIPT_ELEMENT } from '../../policy/index.js';
import { constantString } from './constants.js';
import { globalName } from './module-loads.js';
import { skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * `document.createElement('script')` (policy/globals.ts, SCRIPT_ELEMENT): the page runs the text or
 * URL the element is given. Without types, the tag must be a constant and the receiver the global
 * `document` (`React.createElement('script')` makes no DOM element). With types, the element type the
 * call returns decides, whatever document made it and however the tag was computed.
 */
export function judgeScriptElement(walker: Walker, call: ts.CallExpression): void {
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) || !(SCRIPT_ELEMENT.factories as readonly string[]).includes(callee.name.text)) return;
  const typed = walker.types?.libraryTypeName(call);
  const byType = typed !== undefined && (SCRIPT_ELEMENT.types as readonly string[]).includes(typed);
  const tag = call.arguments[callee.name.text === 'createElementNS' ? 1 : 0];
  const byTag = tag !== undefined && constantString(tag, walker.scope)?.toLowerCase() === SCRIPT_ELEMENT.tag && globalName(callee.expression, walker.scope, GLOBAL_OBJECT_NAMES) === 'document';
  if (byType || byTag) walker.report.reach(SCRIPT_ELEMENT.capabilities, call, `${callee.name.text}('${SCRIPT_ELEMENT.tag}')`, 'global');
}
