import path from 'node:path';
import ts from 'typescript';
import { analyzeTypedSourceFile } from '../analysis/typed/index.js';
import { typeBearing } from '../analysis/typed/call-handoff.js';
import { createStructuralWidening } from '../analysis/typed/structural-widening.js';
import { RECOMMENDED_POLICY } from '../policy/index.js';

/**
 * Issue #10's question before any cut: how much of the typed run is the checker doing the
 * project's type-checking, and how much of that could a per-body verdict skip at best. One mode
 * per process (a checker caches what it answered, so two modes in one process would share it):
 *
 *   node dist/bench/typed-probe.js DIR analysis|check|ceiling [FIRST_N]
 *
 * - `analysis`: analyzeTypedSourceFile on every project file, as the plugin calls it;
 * - `check`: `getSemanticDiagnostics` of the same files (what tsc checks of them: the floor the
 *   analysis stands on when it asks the type of nearly every expression);
 * - `ceiling`: for every outermost function body, the checker's CPU to type every expression in it,
 *   and whether any of those types is or holds a capability within the flow check's depth
 *   (structural-widening.ts holdsCapability). A body where none does is one a sound body verdict
 *   could skip; its share of the CPU is the most such a verdict could save, knowing every type.
 *
 * Run the modes side by side (the machine is shared): each prints one JSON line with `cpuMs`.
 */
const [directory, mode, firstN] = process.argv.slice(2);
if (directory === undefined || (mode !== 'analysis' && mode !== 'check' && mode !== 'ceiling')) {
  process.stderr.write('usage: typed-probe DIR analysis|check|ceiling [FIRST_N]\n');
  process.exit(2);
}

const config = ts.getParsedCommandLineOfConfigFile(path.join(directory, 'tsconfig.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  },
});
if (config === undefined) throw new Error(`no tsconfig.json in ${directory}`);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const projectFiles = program.getSourceFiles().filter((file) => !file.isDeclarationFile && file.fileName.startsWith(`${path.resolve(directory)}/`));
const files = Number(firstN ?? 0) > 0 ? projectFiles.slice(0, Number(firstN)) : projectFiles;

const cpuSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

function analysis(): object {
  let findings = 0;
  const start = process.cpuUsage();
  for (const file of files) findings += analyzeTypedSourceFile(program, file, { policy: RECOMMENDED_POLICY, relativePath: path.relative(directory as string, file.fileName) }).findings.length;
  return { cpuMs: Math.round(cpuSince(start)), findings };
}

function check(): object {
  let diagnostics = 0;
  const start = process.cpuUsage();
  for (const file of files) diagnostics += program.getSemanticDiagnostics(file).length;
  return { cpuMs: Math.round(cpuSince(start)), diagnostics };
}

/**
 * Whether a type can reach a capability at any depth (properties, index signatures, signatures'
 * parameters and returns, type arguments, union members): the question a body verdict that only
 * reads the declared types of the names a body uses would have to ask. Unbounded, unlike the flow
 * check's depth-4 walk, because a body may read `a.b.c.d.e` down to what `a` holds deep inside.
 */
function createUnboundedReach(checker: ts.TypeChecker): (type: ts.Type) => boolean {
  const known = new Map<ts.Type, boolean>();
  const reaches = (type: ts.Type, path: Set<ts.Type>): boolean => {
    const answer = known.get(type);
    if (answer !== undefined) return answer;
    if (path.has(type)) return false;
    if (typeBearing(type) !== undefined) {
      known.set(type, true);
      return true;
    }
    path.add(type);
    const next: ts.Type[] = [];
    if (type.isUnionOrIntersection()) next.push(...type.types);
    if ((type.flags & ts.TypeFlags.Object) !== 0) {
      if (((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0) next.push(...checker.getTypeArguments(type as ts.TypeReference));
      for (const info of checker.getIndexInfosOfType(type)) next.push(info.type);
      for (const property of checker.getPropertiesOfType(type)) next.push(checker.getTypeOfSymbol(property));
      for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) {
        next.push(checker.getReturnTypeOfSignature(signature));
        for (const parameter of signature.getParameters()) next.push(checker.getTypeOfSymbol(parameter));
      }
    }
    const found = next.some((held) => reaches(held, path));
    path.delete(type);
    // A walk cut by a cycle proves nothing about the types on its path; only the outermost answer is complete.
    if (found || path.size === 0) known.set(type, found);
    return found;
  };
  return (type) => reaches(type, new Set());
}

/** The symbols of the names a body reads that are declared outside it (its free names). */
function freeNames(checker: ts.TypeChecker, body: ts.FunctionLikeDeclaration): ts.Symbol[] {
  const symbols = new Set<ts.Symbol>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node)) return;
    if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      let symbol = checker.getSymbolAtLocation(node);
      if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
      const declaration = symbol?.declarations?.[0];
      if (symbol !== undefined && (declaration === undefined || declaration.pos < body.pos || declaration.end > body.end || declaration.getSourceFile() !== body.getSourceFile())) symbols.add(symbol);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return [...symbols];
}

function ceiling(): object {
  const checker = program.getTypeChecker();
  const unbounded = createUnboundedReach(checker);
  const namesReach = new Map<string, number>();
  const clean = { bodies: 0, cpuMs: 0 };
  const widened = createStructuralWidening(checker, typeBearing);
  const totals = { bodies: 0, holding: 0, nodes: 0, holdingNodes: 0, cpuMs: 0, holdingCpuMs: 0 };
  const holders = new Map<string, number>();
  const measureBody = (body: ts.FunctionLikeDeclaration): void => {
    let nodes = 0;
    let holder: ts.Type | undefined;
    const start = process.cpuUsage();
    const walk = (node: ts.Node): void => {
      nodes += 1;
      if (holder === undefined && ts.isExpression(node)) {
        const type = checker.getTypeAtLocation(node);
        if (widened.holdsCapability(type)) holder = type;
      }
      ts.forEachChild(node, walk);
    };
    for (const parameter of body.parameters) walk(parameter);
    if (body.body !== undefined) walk(body.body);
    const cpu = cpuSince(start);
    totals.bodies += 1;
    totals.nodes += nodes;
    totals.cpuMs += cpu;
    if (holder === undefined) {
      // Could the simplest verdict (every free name's type reaches no capability at any depth) have told?
      const reaching = freeNames(checker, body).find((symbol) => unbounded(checker.getTypeOfSymbol(symbol)));
      if (reaching === undefined) {
        clean.bodies += 1;
        clean.cpuMs += cpu;
      } else namesReach.set(reaching.getName(), (namesReach.get(reaching.getName()) ?? 0) + 1);
      return;
    }
    totals.holding += 1;
    totals.holdingNodes += nodes;
    totals.holdingCpuMs += cpu;
    const name = checker.typeToString(holder).slice(0, 60);
    holders.set(name, (holders.get(name) ?? 0) + 1);
  };
  const outermost = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) measureBody(node as ts.FunctionLikeDeclaration);
    else ts.forEachChild(node, outermost);
  };
  const start = process.cpuUsage();
  for (const file of files) outermost(file);
  const topHolders = [...holders].sort((a, b) => b[1] - a[1]).slice(0, 12);
  const topNamesReaching = [...namesReach].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return {
    ...totals,
    cpuMs: Math.round(cpuSince(start)),
    bodiesCpuMs: Math.round(totals.cpuMs),
    holdingCpuMs: Math.round(totals.holdingCpuMs),
    namesCleanBodies: clean.bodies,
    namesCleanCpuMs: Math.round(clean.cpuMs),
    topHolders,
    topNamesReaching,
  };
}

const measured = mode === 'analysis' ? analysis() : mode === 'check' ? check() : ceiling();
process.stdout.write(`${JSON.stringify({ mode, files: files.length, ...measured })}\n`);
