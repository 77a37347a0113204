import ts from '../../policy/typescript.cjs';
import { GLOBAL_TYPE_ROWS, hasBuiltinMemberRow, type GlobalTypeRow } from '../../policy/index.js';
import type { Resolved } from '../syntax/index.js';

/** Where a chain of declarations is rooted: a module (by specifier) or the global scope. */
type Root = { readonly kind: 'module'; readonly specifier: string } | { readonly kind: 'global' };

/** A named (or unnamed: call and construct signatures) declaration on the way to the root, outermost first. */
interface Link {
  readonly node: ts.Node;
  readonly name: string | null;
}

const typeRowByName = new Map<string, GlobalTypeRow>(GLOBAL_TYPE_ROWS.map((row) => [row.type, row]));

/** `…/node_modules/@types/babel__core/index.d.ts` → `@babel/core`; `…/node_modules/pg/lib/x.d.ts` → `pg`. */
export function packageOfFile(fileName: string): string | undefined {
  const normalized = fileName.split('\\').join('/');
  const at = normalized.lastIndexOf('/node_modules/');
  if (at === -1) return undefined;
  const parts = normalized.slice(at + '/node_modules/'.length).split('/');
  const [first, second] = parts;
  if (first === undefined || second === undefined) return undefined;
  if (first === '@types') return second.includes('__') ? `@${second.replace('__', '/')}` : second;
  return first.startsWith('@') ? `${first}/${second}` : first;
}

function rootOf(node: ts.Node): Root | 'stop' | undefined {
  if (ts.isModuleDeclaration(node)) {
    if (ts.isStringLiteral(node.name)) return { kind: 'module', specifier: node.name.text };
    if ((node.flags & ts.NodeFlags.GlobalAugmentation) !== 0) return { kind: 'global' };
    return undefined;
  }
  if (!ts.isSourceFile(node)) return undefined;
  if (!ts.isExternalModule(node)) return node.isDeclarationFile ? { kind: 'global' } : 'stop';
  // A module file is a capability holder only when a package ships it; the project's own files are analyzed themselves.
  const name = packageOfFile(node.fileName);
  return name === undefined ? 'stop' : { kind: 'module', specifier: name };
}

function nameOf(node: ts.Node): string | null | undefined {
  if (ts.isCallSignatureDeclaration(node) || ts.isConstructSignatureDeclaration(node) || ts.isConstructorDeclaration(node)) return null;
  const name = (node as { name?: ts.Node }).name;
  if (name === undefined) return undefined;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) ? name.text : undefined;
}

function isTypeContainer(node: ts.Node): boolean {
  return ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isEnumDeclaration(node);
}

/**
 * What a declaration belongs to: an export of a module, keyed by its specifier and top-level
 * member (`declare module 'node:net' { export function connect … }` → `node:net` + `connect`,
 * whichever file declares it, so a shim or another @types/node major names the same thing),
 * or a global (`fetch`) or a member of a global's type (`NodeJS.Process` → `process`).
 * Members of classes and interfaces a module exports are not the module's exports: a method
 * of an object obtained from a capability is data, reported where the capability was reached.
 */
export function ownerOf(declaration: ts.Node): Resolved | undefined {
  const links: Link[] = [];
  let root: Root | undefined;
  for (let node: ts.Node | undefined = declaration; node !== undefined; node = node.parent) {
    const found = rootOf(node);
    if (found === 'stop') return undefined;
    if (found !== undefined) {
      root = found;
      break;
    }
    const name = nameOf(node);
    if (name !== undefined) links.unshift({ node, name });
  }
  if (root === undefined) return undefined;
  if (root.kind === 'module') return moduleOwner(root.specifier, links);
  return declaration.getSourceFile().isDeclarationFile ? globalOwner(links) : undefined;
}

function moduleOwner(specifier: string, links: readonly Link[]): Resolved | undefined {
  const [top] = links;
  if (top === undefined) return { kind: 'module-member', specifier, member: null };
  if (top.name === null) return undefined;
  if (links.length > 1 && isTypeContainer(top.node)) {
    // A method of an object a module hands out is data, unless the table names it (`FileHandle.chmod`).
    const method = links[1]?.name;
    const qualified = method === null || method === undefined ? undefined : `${top.name}.${method}`;
    return qualified !== undefined && hasBuiltinMemberRow(specifier, qualified) ? { kind: 'module-member', specifier, member: qualified } : undefined;
  }
  return { kind: 'module-member', specifier, member: top.name };
}

function globalOwner(links: readonly Link[]): Resolved | undefined {
  // The longest qualified type name in the table wins: `NodeJS.Process` + `env`.
  for (let length = links.length; length >= 1; length -= 1) {
    const names = links.slice(0, length).map((link) => link.name);
    if (names.includes(null)) continue;
    const row = typeRowByName.get(names.join('.'));
    if (row !== undefined) return { kind: 'global', name: row.global, member: row.member ?? links[length]?.name ?? null };
  }
  const [top, next] = links;
  // Members of other global types (`Function.apply`, `Console.log`) carry nothing.
  if (top === undefined || top.name === null || ts.isInterfaceDeclaration(top.node) || ts.isTypeAliasDeclaration(top.node)) return undefined;
  return { kind: 'global', name: top.name, member: next?.name ?? null };
}
