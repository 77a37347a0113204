import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import type { GuardFinding } from '../types.js';

/**
 * Choice 97 (amends 87): an env file the guard cannot read, loaded in any module of the process
 * (dotenv, `process.loadEnvFile()`), is inherited by every Node child started afterwards, whichever
 * module starts it. The detector sees one file: it records the file's own
 * writes (ModuleFacts.envWrite) and the children it starts without one (envChildren); the guard, which
 * sees the whole program, makes each such child UNANALYZED when another module writes one.
 */
export function envChildFindings(graph: ModuleGraph, module: ModuleNode): Array<{ readonly sink: string; readonly finding: GuardFinding }> {
  const children = module.facts?.envChildren ?? [];
  if (children.length === 0) return [];
  const writer = writerElsewhere(graph, module);
  if (writer === undefined) return [];
  return children.map(({ name, line, column }) => ({ sink: name, finding: {
    file: module.relative,
    line,
    column,
    ruleId: 'no-forbidden-capability',
    capability: 'UNANALYZED',
    message: `\`${name}\` cannot be analyzed statically (${writer.relative} writes a startup variable into the process, ${writer.facts?.envWrite ?? ''}: it may set \`NODE_OPTIONS\` (a preload) or \`NODE_PATH\` in the Node child started here), so it counts as UNANALYZED`,
  } }));
}

/**
 * Another module of the same process writes one: a module linked to the child's starter through the
 * graph's edges, either way (the entry that loads both, a library the entry loads). Modules the graph
 * does not link (two entries of one tsconfig, a case and its control) run in processes of their own.
 */
function writerElsewhere(graph: ModuleGraph, module: ModuleNode): ModuleNode | undefined {
  const linked = linkedModules(graph);
  const seen = new Set<string>([module.file]);
  const queue = [module.file];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const node = graph.modules.get(file);
    if (file !== module.file && node?.facts?.envWrite !== undefined) return node;
    for (const next of linked.get(file) ?? []) if (!seen.has(next)) (seen.add(next), queue.push(next));
  }
  return undefined;
}

const linksOf = new WeakMap<ModuleGraph, Map<string, string[]>>();

/** Each module's neighbours along the graph's edges, in both directions; built once per graph. */
function linkedModules(graph: ModuleGraph): Map<string, string[]> {
  let links = linksOf.get(graph);
  if (links !== undefined) return links;
  links = new Map();
  const link = (from: string, to: string): void => {
    const list = links?.get(from) ?? [];
    list.push(to);
    links?.set(from, list);
  };
  for (const node of graph.modules.values()) {
    for (const edge of node.edges) if (edge.target.kind === 'module') (link(node.file, edge.target.file), link(edge.target.file, node.file));
  }
  linksOf.set(graph, links);
  return links;
}
