import ts from '../../policy/typescript.cjs';
import { constInitializer } from './entry-path-consts.js';
import { propertyNameText, skipOuter } from './syntax.js';

/** A property the syntax saw in a chain of options objects: where it is written and its value (a shorthand's value is its name). */
export interface SeenProperty {
  readonly node: ts.ObjectLiteralElementLike;
  readonly value: ts.Expression;
}

/**
 * Options as far as the syntax sees them (a child's, a Worker's, a pool's): each property by
 * name, the last written winning as in the object, and the first place where they are not seen
 * whole (`unseen`): a parameter, a call's result, a spread of either, a method, a computed key.
 */
export interface SeenOptions {
  readonly properties: ReadonlyMap<string, SeenProperty>;
  readonly unseen: ts.Node | undefined;
}

/** Where a `const` holding options is changed after its literal (launch-mutations.ts); undefined: never. */
export type ChangeFinder = (name: ts.Identifier) => ts.Node | undefined;

/** `const` → `const` chains and nested spreads are followed this deep. */
const MAX_DEPTH = 6;

/**
 * Reads options written out: an object literal, a `const` holding one (`const o = { execArgv };
 * fork(f, [], o)`), and spreads of those (`{ ...base, stdio }`). `undefined`/`null` is no
 * options. `inherited` names spreads that add nothing to follow (`...process.env` in an `env`:
 * the parent's own environment, docs/caveats.md).
 */
export function seenOptions(expression: ts.Expression | undefined, ancestors: readonly ts.Node[], inherited: (spread: ts.Expression) => boolean = () => false, changed: ChangeFinder = () => undefined): SeenOptions {
  const properties = new Map<string, SeenProperty>();
  let unseen: ts.Node | undefined;
  const read = (written: ts.Expression, depth: number): void => {
    let inner = skipOuter(written);
    if (ts.isIdentifier(inner) && inner.text === 'undefined') return;
    if (ts.isIdentifier(inner) && depth < MAX_DEPTH) {
      const initializer = constInitializer(inner, ancestors);
      // A `const` holds the same object, not the same contents: one changed after its literal is not seen whole.
      const change = initializer === undefined ? undefined : changed(inner);
      if (change !== undefined) {
        unseen ??= change;
        return;
      }
      if (initializer !== undefined) inner = skipOuter(initializer);
    }
    if (inner.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(inner)) return;
    if (!ts.isObjectLiteralExpression(inner) || depth > MAX_DEPTH) {
      unseen ??= written;
      return;
    }
    for (const property of inner.properties) {
      if (ts.isSpreadAssignment(property)) {
        if (!inherited(property.expression)) read(property.expression, depth + 1);
        continue;
      }
      const name = property.name === undefined ? null : propertyNameText(property.name);
      if (name === null || (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property))) {
        // A computed key or an accessor may be any option.
        unseen ??= property;
        continue;
      }
      properties.set(name, { node: property, value: ts.isPropertyAssignment(property) ? property.initializer : property.name });
    }
  };
  if (expression !== undefined) read(expression, 0);
  return { properties, unseen };
}

/**
 * Launch settings (`execArgv`, `NODE_OPTIONS`) already followed where a starter reads them with
 * its working directory (child-entries-args.ts): the rule for such settings written anywhere
 * (launch-settings.ts) leaves them alone. Nodes of one parse are unique, so a weak set is enough.
 */
const followedSettings = new WeakSet<ts.Node>();

export function markFollowedSetting(node: ts.Node): void {
  followedSettings.add(node);
}

export function isFollowedSetting(node: ts.Node): boolean {
  return followedSettings.has(node);
}
