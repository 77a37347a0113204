import ts from '../../policy/typescript.cjs';
import type { HandedParameter } from './handed-slots.js';
import { libraryCallee, literalKey } from './lost-pairings.js';
import { isLibraryDeclaration, isUntyped } from './lossy-slot.js';
import { pairParameters } from './parameter-lists.js';

/**
 * The implementations that stand in a declared signature at the call that hands it a capability
 * (red-team round 18, choice 84). The pairings made where a value meets its declared type
 * (wider-parameters.ts, wider-function-values.ts, lost-pairings.ts) miss every route the checker never
 * sees: a decorator, a Proxy, a mixin's subclass, a descriptor or source held in a variable, a spread
 * into `Object.assign`, `Reflect.setPrototypeOf`, a prototype member written through `any`, a library
 * call's `any` result, a cast over a type parameter. So the call is read backwards: the callee (or the
 * receiver's member) is followed to what made it, through `const`s, casts, `any`, calls of the project's
 * own functions (their returns), classes and their bases, object literals and their spreads, and the
 * writes and reflection calls that replace the member on a `const` or a class prototype in its file.
 * Every function found is paired with the call's signature. Where the making cannot be seen (a
 * decorator, a Proxy, an untyped call, a descriptor map, a typed slot reached through a downcast), the
 * call itself fails closed: `lost` says why. A typed slot (a parameter, a `let`, a property, an element)
 * reached without a downcast is trusted: every write into it meets the checker, and is paired there.
 */
export interface HandOffImplementations {
  /** What the call's signature hands the parameters of every implementation found. */
  readonly handed: readonly HandedParameter[];
  /** Why an implementation that can stand in the signature could not be found, when one could not. */
  readonly lost: string | undefined;
}

/** How many steps (a `const`, a call's returns, a member, a base class) are followed from the call. */
const MAX_STEPS = 8;

/** A value's making: a literal, a function or a class (as a value, or its instances), with the `const`s it was reached through. */
interface Making {
  readonly node: ts.Node;
  readonly instance: boolean;
  readonly via: readonly ts.Symbol[];
}

/** Library calls that hand back the object they are given (or build it from their arguments' members). */
const REFLECTION_NAMES: ReadonlySet<string> = new Set(['assign', 'create', 'setPrototypeOf', 'defineProperty', 'defineProperties', 'freeze', 'seal', 'preventExtensions', 'set']);

/** Calls that replace a member of their first argument after it was made. */
const MEMBER_REPLACERS: ReadonlySet<string> = new Set([
  'ObjectConstructor.assign', 'ObjectConstructor.defineProperty', 'Reflect.defineProperty', 'ObjectConstructor.defineProperties',
  'ObjectConstructor.setPrototypeOf', 'Reflect.setPrototypeOf', 'Reflect.set',
]);

type Step = (making: Making) => readonly Making[];

function isFunctionMaking(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
}

function decorated(node: ts.Node): boolean {
  return ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
}

function isStatic(member: ts.ClassElement): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

/** The expressions a function body returns (an arrow's expression body), not those of functions inside it. */
function returnedExpressions(fn: ts.FunctionLikeDeclaration): readonly ts.Expression[] {
  if (fn.body === undefined) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression !== undefined) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

/** `x as T`, `<T>x` where `x`'s type is not `T`'s subtype: the value was never checked against what it goes on as. */
function isDowncast(checker: ts.TypeChecker, cast: ts.AsExpression | ts.TypeAssertion): boolean {
  if (ts.isTypeReferenceNode(cast.type) && ts.isIdentifier(cast.type.typeName) && cast.type.typeName.text === 'const') return false;
  return !checker.isTypeAssignableTo(checker.getTypeAtLocation(cast.expression), checker.getTypeFromTypeNode(cast.type));
}

function isConstLike(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Const | ts.NodeFlags.Using | ts.NodeFlags.AwaitUsing)) !== 0;
}

/** The class whose instance `this` is: the nearest non-arrow function is an instance member of a class. */
function thisClass(self: ts.Node): ts.ClassLikeDeclaration | undefined {
  let container = self.parent;
  while (!ts.isSourceFile(container) && (ts.isArrowFunction(container) || !(ts.isFunctionLike(container) || ts.isPropertyDeclaration(container) || ts.isClassStaticBlockDeclaration(container)))) container = container.parent;
  if (ts.isSourceFile(container) || !ts.isClassLike(container.parent) || ts.isClassStaticBlockDeclaration(container)) return undefined;
  return isStatic(container as ts.ClassElement) ? undefined : container.parent;
}

export function handOffImplementations(checker: ts.TypeChecker, call: ts.CallExpression): HandOffImplementations {
  let lost: string | undefined;
  let steps = 0;
  const lose = (why: string): readonly Making[] => {
    lost ??= why;
    return [];
  };
  const aliased = (symbol: ts.Symbol | undefined): ts.Symbol | undefined => (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol);
  const step = (): boolean => {
    steps += 1;
    if (steps > MAX_STEPS * 8) lose('a making followed too far');
    return lost === undefined;
  };

  /** What `expression` may evaluate to. `downcast`: a cast the checker did not check lies between, so a typed slot proves nothing. */
  const valuesOf = (expression: ts.Expression, depth: number, downcast: boolean, via: readonly ts.Symbol[] = []): readonly Making[] => {
    if (!step()) return [];
    if (depth > MAX_STEPS) return lose('a making followed too far');
    let inner = expression;
    let cast = downcast;
    for (;;) {
      if (ts.isParenthesizedExpression(inner) || ts.isNonNullExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
      else if (ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) {
        cast ||= isDowncast(checker, inner);
        inner = inner.expression;
      } else break;
    }
    // A slot whose declared type callers go through: every write meets the checker, unless a downcast stands between.
    const trusted = (): readonly Making[] => (cast ? lose('a value cast to the signature it is called through') : []);
    const made = (node: ts.Node, instance = false): readonly Making[] => [{ node, instance, via }];
    if (ts.isObjectLiteralExpression(inner) || ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) || ts.isClassExpression(inner)) return made(inner);
    if (ts.isConditionalExpression(inner)) return [...valuesOf(inner.whenTrue, depth + 1, cast, via), ...valuesOf(inner.whenFalse, depth + 1, cast, via)];
    if (ts.isBinaryExpression(inner)) {
      const operator = inner.operatorToken.kind;
      if (operator === ts.SyntaxKind.CommaToken || operator === ts.SyntaxKind.EqualsToken) return valuesOf(inner.right, depth + 1, cast, via);
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) return [...valuesOf(inner.left, depth + 1, cast, via), ...valuesOf(inner.right, depth + 1, cast, via)];
      return trusted();
    }
    if (inner.kind === ts.SyntaxKind.ThisKeyword) {
      const owner = thisClass(inner);
      return owner === undefined ? trusted() : made(owner, true);
    }
    if (ts.isIdentifier(inner)) return namedValues(inner, depth, cast, via, trusted);
    if (ts.isNewExpression(inner)) return instancesOf(inner, depth, via);
    if (ts.isCallExpression(inner)) return resultsOf(inner, depth, cast, via);
    if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
      const key = ts.isPropertyAccessExpression(inner) ? (ts.isIdentifier(inner.name) ? inner.name.text : undefined) : literalKey(inner.argumentExpression as ts.PropertyName);
      if (key === undefined) return trusted();
      const holders = valuesOf(inner.expression, depth + 1, false);
      // A typed holder (a parameter, an array): its member is a typed slot.
      if (holders.length === 0) return trusted();
      return membersOf(holders, key, depth + 1);
    }
    return trusted();
  };

  const namedValues = (name: ts.Identifier, depth: number, cast: boolean, via: readonly ts.Symbol[], trusted: () => readonly Making[]): readonly Making[] => {
    const shorthand = ts.isShorthandPropertyAssignment(name.parent) && name.parent.name === name ? checker.getShorthandAssignmentValueSymbol(name.parent) : undefined;
    const symbol = aliased(shorthand ?? checker.getSymbolAtLocation(name));
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (symbol === undefined || declaration === undefined || isLibraryDeclaration(declaration)) return trusted();
    if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) return [{ node: declaration, instance: false, via }];
    if (ts.isVariableDeclaration(declaration) && isConstLike(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer !== undefined) {
      return valuesOf(declaration.initializer, depth + 1, cast, [...via, symbol]);
    }
    return trusted();
  };

  const instancesOf = (construct: ts.NewExpression, depth: number, via: readonly ts.Symbol[]): readonly Making[] => {
    const callee = construct.expression;
    const symbol = aliased(checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee));
    const declaration = symbol?.declarations?.[0];
    if (symbol !== undefined && declaration !== undefined && isLibraryDeclaration(declaration)) return symbol.getName() === 'Proxy' ? lose('a Proxy, whose traps answer for the target') : [];
    return valuesOf(callee, depth + 1, false).filter((making) => ts.isClassLike(making.node)).map((making) => ({ node: making.node, instance: true, via }));
  };

  const resultsOf = (made: ts.CallExpression, depth: number, cast: boolean, via: readonly ts.Symbol[]): readonly Making[] => {
    const signature = checker.getResolvedSignature(made);
    const declaration = signature?.getDeclaration() as ts.SignatureDeclaration | undefined;
    if (signature === undefined || declaration === undefined) return lose('an untyped call\'s result');
    if (isLibraryDeclaration(declaration)) {
      const [first, second] = made.arguments;
      const follow = (argument: ts.Expression | undefined): readonly Making[] => (argument === undefined ? [] : ts.isSpreadElement(argument) ? lose('a spread argument') : valuesOf(argument, depth + 1, cast, via));
      switch (libraryCallee(checker, made, REFLECTION_NAMES)) {
        case 'ObjectConstructor.freeze':
        case 'ObjectConstructor.seal':
        case 'ObjectConstructor.preventExtensions':
          return follow(first);
        case 'ObjectConstructor.create':
          return second === undefined ? follow(first) : lose('a descriptor map');
        case 'ObjectConstructor.setPrototypeOf':
          return [...follow(first), ...follow(second)];
        case 'ObjectConstructor.assign':
          return made.arguments.flatMap((argument) => follow(argument));
        default:
          return isUntyped(checker.getReturnTypeOfSignature(signature)) ? lose('a library call\'s `any` result') : cast ? lose('a value cast to the signature it is called through') : [];
      }
    }
    if (!ts.isFunctionLike(declaration) || (declaration as ts.FunctionLikeDeclaration).body === undefined) return isUntyped(checker.getReturnTypeOfSignature(signature)) ? lose('a declared function\'s `any` result') : [];
    return returnedExpressions(declaration as ts.FunctionLikeDeclaration).flatMap((returned) => valuesOf(returned, depth + 1, cast, via));
  };

  /** The makings of member `key` of each making (its own member, else its base's or spread's), with the writes that replace it. */
  const membersOf = (holders: readonly Making[], key: string, depth: number): readonly Making[] => holders.flatMap((holder) => {
    if (!step()) return [];
    const replaced = holder.via.flatMap((symbol) => replacements(symbol, undefined, key, depth));
    return [...replaced, ...ownMember(holder, key, depth)];
  });

  const ownMember = (holder: Making, key: string, depth: number): readonly Making[] => {
    const node = holder.node;
    if (ts.isObjectLiteralExpression(node)) return literalMember(node, key, depth);
    if (!ts.isClassLike(node)) return [];
    if (!holder.instance) {
      if (key === 'prototype') return [{ node, instance: true, via: [] }];
      const member = node.members.find((each) => isStatic(each) && each.name !== undefined && literalKey(each.name) === key);
      return member === undefined ? [] : classMember(member, depth);
    }
    if (decorated(node)) return lose('a class decorator, which may return another class');
    const classSymbol = ts.isClassDeclaration(node) && node.name !== undefined ? checker.getSymbolAtLocation(node.name) : undefined;
    const onPrototype = classSymbol === undefined ? [] : replacements(classSymbol, 'prototype', key, depth);
    const members = node.members.filter((each) => !isStatic(each) && each.name !== undefined && literalKey(each.name) === key);
    if (members.length > 0) return [...onPrototype, ...members.flatMap((member) => classMember(member, depth))];
    const base = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (base === undefined) return onPrototype;
    const bases = valuesOf(base.expression, depth + 1, false).filter((making) => ts.isClassLike(making.node));
    return [...onPrototype, ...bases.flatMap((making) => ownMember({ node: making.node, instance: true, via: [] }, key, depth + 1))];
  };

  const classMember = (member: ts.ClassElement, depth: number): readonly Making[] => {
    if (decorated(member)) return lose('a member decorator, which may replace the member');
    if (ts.isMethodDeclaration(member)) return member.body === undefined ? [] : [{ node: member, instance: false, via: [] }];
    if (ts.isGetAccessorDeclaration(member)) return returnedExpressions(member).flatMap((returned) => valuesOf(returned, depth + 1, false));
    if (ts.isPropertyDeclaration(member) && member.initializer !== undefined) return valuesOf(member.initializer, depth + 1, false);
    return [];
  };

  const literalMember = (literal: ts.ObjectLiteralExpression, key: string, depth: number): readonly Making[] => {
    const found: Making[] = [];
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = valuesOf(property.expression, depth + 1, false);
        found.push(...membersOf(spread, key, depth + 1));
        continue;
      }
      const written = property.name;
      const name = written === undefined ? undefined : literalKey(ts.isComputedPropertyName(written) ? (written.expression as ts.PropertyName) : written);
      if (name === undefined) {
        if (written !== undefined && ts.isComputedPropertyName(written)) lose('a member under a computed key');
        continue;
      }
      if (name === '__proto__' && ts.isPropertyAssignment(property)) found.push(...membersOf(valuesOf(property.initializer, depth + 1, false), key, depth + 1));
      if (name !== key) continue;
      if (ts.isMethodDeclaration(property)) found.push({ node: property, instance: false, via: [] });
      else if (ts.isPropertyAssignment(property)) found.push(...valuesOf(property.initializer, depth + 1, false));
      else if (ts.isShorthandPropertyAssignment(property)) found.push(...valuesOf(property.name, depth + 1, false));
      else if (ts.isGetAccessorDeclaration(property)) found.push(...returnedExpressions(property).flatMap((returned) => valuesOf(returned, depth + 1, false)));
    }
    return found;
  };

  /** A property descriptor's makings for its member: its `value`, what its `get` returns. */
  const describedMakings = (descriptor: ts.Expression, depth: number): readonly Making[] => {
    const descriptors = valuesOf(descriptor, depth + 1, false);
    if (descriptors.length === 0 || descriptors.some((each) => !ts.isObjectLiteralExpression(each.node))) return lose('a property descriptor the checker cannot see');
    const getters = membersOf(descriptors, 'get', depth + 1).filter((each) => isFunctionMaking(each.node));
    return [...membersOf(descriptors, 'value', depth + 1), ...getters.flatMap((getter) => returnedExpressions(getter.node as ts.FunctionLikeDeclaration).flatMap((returned) => valuesOf(returned, depth + 1, false)))];
  };

  /**
   * What replaces member `key` of the value `symbol` names (or of its `prototype`) in the file that
   * declares it: an assignment (through casts: `(Box.prototype as any).keep = …`), and the library
   * calls that define, assign or re-parent members.
   */
  const replacements = (symbol: ts.Symbol, through: 'prototype' | undefined, key: string, depth: number): readonly Making[] => {
    const file = symbol.valueDeclaration?.getSourceFile();
    if (file === undefined) return [];
    const names = (expression: ts.Expression): boolean => {
      let inner = expression;
      while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner) || ts.isNonNullExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
      if (through !== undefined) {
        if (!ts.isPropertyAccessExpression(inner) || inner.name.text !== through) return false;
        inner = inner.expression;
      }
      return ts.isIdentifier(inner) && aliased(checker.getSymbolAtLocation(inner)) === symbol;
    };
    const found: Making[] = [];
    const visit = (node: ts.Node): void => {
      if (lost !== undefined) return;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) && names(node.left.expression)) {
        const written = ts.isPropertyAccessExpression(node.left) ? node.left.name.text : literalKey(node.left.argumentExpression as ts.PropertyName);
        if (written === undefined) lose('a member written under a computed key');
        else if (written === key) found.push(...valuesOf(node.right, depth + 1, false));
        else if (written === '__proto__') found.push(...membersOf(valuesOf(node.right, depth + 1, false), key, depth + 1));
      } else if (ts.isCallExpression(node) && node.arguments[0] !== undefined && names(node.arguments[0])) {
        found.push(...replacedBy(node, key, depth));
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  };

  /** The makings a library call gives member `key` of its first argument. */
  const replacedBy = (replacer: ts.CallExpression, key: string, depth: number): readonly Making[] => {
    const name = libraryCallee(checker, replacer, REFLECTION_NAMES);
    if (name === undefined || !MEMBER_REPLACERS.has(name)) return [];
    const [, second, third] = replacer.arguments;
    if (replacer.arguments.slice(1).some((argument) => ts.isSpreadElement(argument))) return lose('a spread into a call that replaces members');
    switch (name) {
      case 'ObjectConstructor.assign': {
        const sources = replacer.arguments.slice(1).map((source) => valuesOf(source, depth + 1, false));
        if (sources.some((made) => made.length === 0)) return lose('a source the checker cannot see');
        return membersOf(sources.flat(), key, depth + 1);
      }
      case 'ObjectConstructor.setPrototypeOf':
      case 'Reflect.setPrototypeOf':
        return second === undefined ? [] : membersOf(valuesOf(second, depth + 1, false), key, depth + 1);
      case 'ObjectConstructor.defineProperties': {
        const maps = second === undefined ? [] : valuesOf(second, depth + 1, false);
        if (maps.length === 0 || maps.some((each) => !ts.isObjectLiteralExpression(each.node))) return lose('a descriptor map the checker cannot see');
        return membersOf(maps, key, depth + 1).flatMap((descriptor) => (ts.isObjectLiteralExpression(descriptor.node) ? describedMakings(descriptor.node, depth + 1) : lose('a property descriptor the checker cannot see')));
      }
      default: {
        const written = second === undefined ? undefined : literalKey(second as ts.PropertyName);
        if (written === undefined) return lose('a member defined under a computed key');
        if (written !== key || third === undefined) return [];
        return name === 'Reflect.set' ? valuesOf(third, depth + 1, false) : describedMakings(third, depth + 1);
      }
    }
  };

  const callee = call.expression;
  let target: ts.Expression = callee;
  while (ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target)) target = target.expression;
  let makings: readonly Making[];
  if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    const key = ts.isPropertyAccessExpression(target) ? (ts.isIdentifier(target.name) ? target.name.text : undefined) : literalKey(target.argumentExpression as ts.PropertyName);
    const holders = key === undefined ? [] : valuesOf(target.expression, 0, false);
    makings = key === undefined ? [] : membersOf(holders, key, 1);
  } else {
    makings = valuesOf(target, 0, false);
  }
  const signature = checker.getResolvedSignature(call);
  // The signature's own declaration (`id(execSync)` with `id<T>(v: T)`) is what the checker paired the call with.
  const own = signature?.getDeclaration() as ts.Node | undefined;
  const handed = signature === undefined ? [] : makings.flatMap((making) => (isFunctionMaking(making.node) && making.node !== own && !isLibraryDeclaration(making.node)
    ? pairParameters(checker, signature, making.node).map((pair) => ({ name: pair.receiving.name, handed: pair.handed, declared: pair.receiving.type }))
    : []));
  return { handed, lost };
}
