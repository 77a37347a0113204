import type { ReferenceKind } from '../../analysis/syntax/index.js';
import type { Resolution } from '../resolve/types.js';
import type { ModuleFacts, Position } from '../types.js';
import type { Edge } from './types.js';

interface EdgeRequest {
  readonly deps: boolean;
  /** A resolved (real) path as the project names it: under the root as given, when the root is reached through a symlink. */
  readonly local: (path: string) => string;
  readonly resolver: { resolve(specifier: string, fromFile: string, kind: ReferenceKind): Resolution; implicitImports(file: string, text: string): readonly string[] };
}

function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#') || specifier.startsWith('file:');
}

/**
 * One module's run-time references as edges. Every file the resolution names is enqueued: first-party
 * code always, third-party code when `--deps` follows packages or when the reference names the file
 * by path (Node loads it either way). A reference nothing resolves is an `unresolved` edge.
 */
export function edgesOf(
  request: EdgeRequest,
  file: string,
  facts: ModuleFacts | null,
  text: string | null,
  thirdParty: boolean,
  enqueue: (file: string, thirdParty: boolean) => void,
): { edges: Edge[]; firstPartyPackages: Set<string> } {
  const edges: Edge[] = [];
  const firstPartyPackages = new Set<string>();
  const references: Array<{ specifier: string; kind: ReferenceKind } & Position> = [];
  for (const reference of facts?.references ?? []) {
    if (!reference.typeOnly && reference.specifier !== null) references.push({ specifier: reference.specifier, kind: reference.kind, line: reference.line, column: reference.column });
  }
  if (text !== null) for (const specifier of request.resolver.implicitImports(file, text)) references.push({ specifier, kind: 'import', line: 1, column: 1 });
  for (const reference of references) {
    const resolution = request.resolver.resolve(reference.specifier, file, reference.kind);
    const at = { specifier: reference.specifier, line: reference.line, column: reference.column, ...(resolution.divergence === undefined ? {} : { note: resolution.divergence }) };
    if (resolution.targets.length === 0) {
      if (resolution.externalProgram === true) continue;
      edges.push({ target: { kind: 'unresolved', specifier: reference.specifier }, ...at });
      continue;
    }
    let external = false;
    for (const target of resolution.targets) {
      if (target.kind === 'external') {
        external = true;
        edges.push({ target: { kind: 'external', specifier: target.specifier }, ...at });
        continue;
      }
      const follow = target.firstParty || request.deps || isLocalSpecifier(reference.specifier);
      if (!follow) continue;
      const path = request.local(target.path);
      edges.push({ target: { kind: 'module', file: path }, ...at });
      enqueue(path, thirdParty || !target.firstParty);
    }
    if (!external && !isLocalSpecifier(reference.specifier)) firstPartyPackages.add(reference.specifier);
  }
  return { edges, firstPartyPackages };
}

/**
 * The detector names every package the allow list lacks (UNKNOWN_PACKAGE) by its name alone; a
 * name that resolves into first-party code (the package itself through its `exports`, a workspace
 * symlink, a tsconfig `paths` alias) is the project's own code, analyzed as such.
 */
export function withoutFirstPartyPackages(facts: ModuleFacts | null, names: ReadonlySet<string>): ModuleFacts | null {
  if (facts === null || names.size === 0) return facts;
  const findings = facts.findings.filter((finding) => !(finding.capability === 'UNKNOWN_PACKAGE' && names.has(finding.sink)));
  if (findings.length === facts.findings.length) return facts;
  const unknownLeft = findings.some((finding) => finding.capability === 'UNKNOWN_PACKAGE');
  return { ...facts, findings, reached: unknownLeft ? facts.reached : facts.reached.filter((capability) => capability !== 'UNKNOWN_PACKAGE') };
}
