import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { shapeDigest } from '../../analysis/syntax/interop-fingerprint.js';
import { helperCandidates } from '../../analysis/syntax/interop-helpers.js';
import { HELPER_SHAPES, WEBPACK_SHAPES, helperBaseName } from '../../analysis/syntax/interop-shapes.js';
import { parseSourceText } from '../../analysis/syntax/index.js';
import { compileAll } from './compile.js';

/**
 * The shape table (analysis/syntax/interop-shapes.ts) is what the pinned tools emit: every helper
 * they emit has its row, and every row is emitted by one of them. When a tool upgrade changes a
 * helper, this fails and prints the row to add (with the tool and the names the code refers to).
 */
const compiled = await compileAll();

/** Identifiers a helper's code refers to without declaring them (its `needs`). */
function freeNames(node: ts.Node): string[] {
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (child: ts.Node, parent: ts.Node): void => {
    if (ts.isIdentifier(child)) {
      const isDeclaration = (ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent)) && (parent as { name?: ts.Node }).name === child;
      const isProperty = (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === child;
      if (isDeclaration) declared.add(child.text);
      else if (!isProperty) used.add(child.text);
    }
    ts.forEachChild(child, (grandchild) => visit(grandchild, child));
  };
  if (ts.isFunctionDeclaration(node)) {
    node.parameters.forEach((parameter) => visit(parameter, node));
    if (node.body !== undefined) visit(node.body, node);
  } else {
    visit(node, node);
  }
  return [...used].filter((name) => !declared.has(name)).sort();
}

interface Observed {
  readonly name: string;
  readonly build: string;
  readonly digest: string;
  readonly needs: readonly string[];
}

function observedHelpers(): Observed[] {
  const observed: Observed[] = [];
  for (const entry of compiled) {
    const sourceFile = parseSourceText('out.cjs', entry.text);
    for (const candidate of helperCandidates(sourceFile)) {
      observed.push({ name: helperBaseName(candidate.name), build: entry.build, digest: shapeDigest(candidate.code, sourceFile), needs: freeNames(candidate.code) });
    }
  }
  return observed;
}

const webpackDigests = (): Array<readonly [string, string]> => {
  const found: Array<readonly [string, string]> = [];
  for (const entry of compiled.filter((item) => item.build.startsWith('webpack'))) {
    const sourceFile = parseSourceText('out.cjs', entry.text);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionDeclaration(node) && node.name?.text === '__webpack_require__') found.push(['require', shapeDigest(node, sourceFile)]);
      if (ts.isBinaryExpression(node) && ts.isPropertyAccessExpression(node.left) && ts.isIdentifier(node.left.expression) && node.left.expression.text === '__webpack_require__') {
        found.push([node.left.name.text, shapeDigest(node.right, sourceFile)]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
};

describe('the helper shape table matches the pinned tools', () => {
  const observed = observedHelpers();

  it('has a row for every helper the tools emit (else: add the printed row)', () => {
    const known = new Set(HELPER_SHAPES.map((shape) => `${shape.name} ${shape.digest}`));
    const unknown = observed.filter((helper) => !known.has(`${helper.name} ${helper.digest}`) && HELPER_SHAPES.some((shape) => shape.name === helper.name));
    const rows = [...new Map(unknown.map((helper) => [`${helper.name} ${helper.digest}`, `${helper.build}: ${helper.name} needs ${JSON.stringify(helper.needs)} ${helper.digest}`])).values()];
    expect(rows).toEqual([]);
  });

  it('has no row the tools do not emit, and each row names exactly what its code refers to', () => {
    for (const shape of HELPER_SHAPES) {
      const seen = observed.find((helper) => helper.name === shape.name && helper.digest === shape.digest);
      expect(seen, `${shape.tool} ${shape.name} ${shape.digest}`).toBeDefined();
      expect([...shape.needs].sort(), shape.name).toEqual(seen?.needs);
    }
  });

  it('knows the webpack runtime the pinned webpack emits', () => {
    const found = webpackDigests();
    const expected = new Map<string, readonly string[]>([['require', WEBPACK_SHAPES.require], ...Object.entries(WEBPACK_SHAPES.members).map(([member, digest]) => [member, [digest]] as const)]);
    for (const [member, digests] of expected) {
      const seen = found.filter(([name]) => name === member).map(([, digest]) => digest);
      expect(seen.length, member).toBeGreaterThan(0);
      expect([...new Set(seen)].sort(), `${member}: ${JSON.stringify([...new Set(seen)])}`).toEqual([...digests].sort());
    }
  });
});
