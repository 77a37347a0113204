import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { itemIdsWhere, type Report } from '../../../src/index.js';
import type { BindingReport } from '../binding.js';
import { runCommand } from '../resources/subprocess.js';
import { itemProblems, loadPacket, looksLocal } from './packet-oracle.js';
import { combine, finding, type ArticleAudit, type AuditFinding } from './types.js';

/**
 * Article 13: every fact the inspector used came from a provenanced packet item, no local file was
 * treated as authority, and there is no parallel source of truth. Judged from the reports the
 * acceptance run wrote (re-read from disk), the packets they came from, and the project's files.
 */
interface InspectedRun {
  readonly run_id: string;
  readonly packet: string;
  readonly report: Report;
}

function inspectedRuns(binding: BindingReport): InspectedRun[] {
  return binding.runs.flatMap((run): InspectedRun[] => {
    const reportFile = run.artifacts.find((artifact) => path.basename(artifact.path) === 'report.json')?.path;
    const packet = run.inputs[0];
    if (reportFile === undefined || packet === undefined || !existsSync(reportFile) || !existsSync(packet)) return [];
    return [{ run_id: run.id, packet, report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report }];
  });
}

function provenanceFinding(runs: readonly InspectedRun[]): AuditFinding {
  const violations: string[] = [];
  let facts = 0;
  let accepted = 0;
  for (const run of runs) {
    const { packet, root } = loadPacket(run.packet);
    for (const claim of run.report.claims) {
      const used = itemIdsWhere(claim, (answers) => answers.provenanced);
      if (claim.verdict === 'NO_READ_LEVEL_DEFECT_FOUND') {
        accepted += 1;
        if (used.length === 0) violations.push(`${run.run_id} ${claim.claim_id}: accepted with no provenanced item`);
      }
      for (const usedId of used) {
        facts += 1;
        const item = packet.items.find((candidate) => candidate.item_id === usedId);
        const problems = item === undefined ? ['not in the packet'] : itemProblems(packet, root, item);
        if (problems.length > 0) violations.push(`${run.run_id} ${claim.claim_id} ← ${usedId}: ${problems.join(', ')}`);
      }
    }
  }
  const evidence = { reports_reread: runs.length, provenanced_evidence_links_checked: facts, accepted_claims_checked: accepted, violations: violations.slice(0, 20) };
  if (runs.length === 0) return finding('a13-provenanced-facts', 'every item a claim relied on is a provenanced packet item', 'FAIL', evidence, 'no report of this run could be re-read');
  return violations.length === 0
    ? finding('a13-provenanced-facts', 'every item a claim relied on passes an independent SPEC §2 provenance check (five metadata fields, allowed governed surface, hash reproduces, inside the age window)', 'PASS', evidence)
    : finding('a13-provenanced-facts', 'every item a claim relied on is a provenanced packet item', 'FAIL', evidence, `${violations.length} evidence link(s) rest on an item that fails provenance`);
}

function localAuthorityFinding(runs: readonly InspectedRun[], repoRoot: string, outRoot: string): AuditFinding {
  const violations: string[] = [];
  let localItems = 0;
  for (const run of runs) {
    const { packet } = loadPacket(run.packet);
    for (const item of packet.items.filter((candidate) => looksLocal(String(candidate.source_metadata?.governed_surface ?? '')))) {
      localItems += 1;
      const used = run.report.claims.filter((claim) => itemIdsWhere(claim, (answers) => answers.provenanced).includes(item.item_id));
      if (used.length > 0) violations.push(`${run.run_id}: local item ${item.item_id} used by ${used.map((claim) => claim.claim_id).join(',')}`);
      if (!run.report.flags.includes('FLAG_LOCAL_FIRST_AUTHORITY') && run.report.items_total > 0 && run.report.final_verdict !== 'BLOCKED') violations.push(`${run.run_id}: local item ${item.item_id} without FLAG_LOCAL_FIRST_AUTHORITY`);
    }
  }
  // The inspector's own reach, from the guard run over the real tree: only the read edge reads files.
  const guardFile = path.join(outRoot, 'guard-real-tree.json');
  const guard = existsSync(guardFile) ? (JSON.parse(readFileSync(guardFile, 'utf8')) as { modules: Array<{ file: string; holds?: string[]; capabilities: string[] }> }) : undefined;
  const inspector = guard?.modules.filter((module) => module.file.startsWith('src/')) ?? [];
  const readers = inspector.filter((module) => (module.holds ?? []).includes('FILES_READ')).map((module) => module.file);
  const ambient = inspector.filter((module) => module.capabilities.some((capability) => ['ENV', 'NETWORK', 'DATABASE', 'KNOWLEDGE_BASE', 'EXEC'].includes(capability))).map((module) => module.file);
  if (readers.join() !== 'src/io/packet-reader.ts') violations.push(`inspector modules holding FILES_READ: ${readers.join(', ') || '(none seen)'}`);
  if (ambient.length > 0) violations.push(`inspector modules reaching ENV/NETWORK/DATABASE/KNOWLEDGE_BASE/EXEC: ${ambient.join(', ')}`);
  const evidence = { local_items_seen: localItems, guard_file: guard === undefined ? 'missing' : guardFile, src_modules: inspector.length, file_readers_in_src: readers, ambient_authority_in_src: ambient, violations };
  if (localItems === 0 || guard === undefined) return finding('a13-no-local-authority', 'no local file is treated as authority', 'PARTIAL', evidence, localItems === 0 ? 'no run in this acceptance pass had a local-surface item to test against' : 'the guard output over the real tree was not available');
  return violations.length === 0
    ? finding('a13-no-local-authority', 'no local-surface item is used as evidence (each is flagged), and inside src/ only the read edge reads files; nothing reads the environment, a network, a DB or a KB', 'PASS', evidence)
    : finding('a13-no-local-authority', 'no local file is treated as authority', 'FAIL', evidence, violations.join('; '));
}

function sourceFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.startsWith('dist/') && !file.includes('/dist/') && !file.endsWith('.d.ts')).map((file) => path.join(directory, file));
}

function singleSourceFinding(repoRoot: string): AuditFinding {
  const problems: string[] = [];
  // 1. The generated dependency-cruiser rules are exactly what the policy derives today.
  const printed = runCommand(process.execPath, [path.join(repoRoot, 'dist/guard/cli.js'), '--print-depcruise-rules'], { cwd: repoRoot });
  const loaded = runCommand(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(require(process.argv[1]).forbidden.filter((rule) => rule.name.startsWith("from-policy-"))))', path.join(repoRoot, '.dependency-cruiser.cjs')]);
  let depcruise: string;
  try {
    const derived = JSON.parse(printed.stdout) as unknown[];
    const inConfig = JSON.parse(loaded.stdout) as unknown[];
    depcruise = `${derived.length} derived rules, ${inConfig.length} generated rules in .dependency-cruiser.cjs`;
    if (JSON.stringify(derived) !== JSON.stringify(inConfig)) problems.push('.dependency-cruiser.cjs does not carry exactly the rules the policy derives');
  } catch {
    depcruise = `could not compare: ${(printed.stderr || loaded.stderr).trim().split('\n')[0] ?? ''}`;
    problems.push(`depcruise comparison unavailable (${depcruise})`);
  }
  // 2. Both enforcers import the policy; neither spells out its own list of builtin modules.
  const importers = (directory: string): string[] => sourceFiles(path.join(repoRoot, directory)).filter((file) => /from '(\.\.\/)+policy\/index\.js'/.test(readFileSync(file, 'utf8'))).map((file) => path.relative(repoRoot, file));
  const plugin = importers('eslint-plugin-tki');
  const guard = importers('guard');
  // Code lines only: a doc comment quoting `'node:net'` is not a second list.
  const spelled = (file: string): string[] =>
    readFileSync(file, 'utf8')
      .split('\n')
      // An import of the module is a use, not a list of names.
      .flatMap((line, index) => (!/^\s*(\/\/|\/?\*)/.test(line) && !/^\s*import\s/.test(line) && /['"](node:)?(child_process|net|http|dgram)['"]/.test(line) ? [`${path.relative(repoRoot, file)}:${index + 1}`] : []));
  const ownLists = ['eslint-plugin-tki', 'guard'].flatMap((directory) => sourceFiles(path.join(repoRoot, directory)).flatMap(spelled));
  if (plugin.length === 0) problems.push('eslint-plugin-tki does not import policy/');
  if (guard.length === 0) problems.push('guard/ does not import policy/');
  // Ask ESLint for the configuration it computes for an inspector file: what the editor uses, not
  // what the config file happens to spell.
  const computed = runCommand(process.execPath, ['--input-type=module', '-e', 'const { ESLint } = await import("eslint"); const config = await new ESLint({ cwd: process.argv[1] }).calculateConfigForFile("src/index.ts"); process.stdout.write(JSON.stringify(config?.settings?.tki?.policyFile ?? null));', repoRoot], { cwd: repoRoot });
  let eslintPolicyFile: unknown = null;
  try {
    eslintPolicyFile = JSON.parse(computed.stdout) as unknown;
  } catch {
    problems.push(`eslint config could not be computed (${computed.stderr.trim().split('\n')[0] ?? ''})`);
  }
  if (eslintPolicyFile !== path.join(repoRoot, 'tki.policy.json')) problems.push(`eslint.config.js does not point the plugin at tki.policy.json (computed settings.tki.policyFile: ${JSON.stringify(eslintPolicyFile)})`);
  const evidence = { depcruise, eslint_policy_file: eslintPolicyFile, plugin_modules_importing_policy: plugin, guard_modules_importing_policy: guard, builtin_names_spelled_outside_policy: ownLists, problems };
  if (problems.some((problem) => problem.startsWith('depcruise comparison unavailable'))) return finding('a13-single-source', 'the ESLint plugin, tki-guard and dependency-cruiser all derive from policy/', 'PARTIAL', evidence, problems.join('; '));
  if (problems.length > 0) return finding('a13-single-source', 'the ESLint plugin, tki-guard and dependency-cruiser all derive from policy/', 'FAIL', evidence, problems.join('; '));
  if (ownLists.length > 0) return finding('a13-single-source', 'the ESLint plugin, tki-guard and dependency-cruiser all derive from policy/', 'PARTIAL', evidence, `builtin module names are spelled out in ${ownLists.join(', ')}: read them to confirm they are not a second list`);
  return finding('a13-single-source', 'the plugin and the guard import policy/, the eslint config names tki.policy.json, and .dependency-cruiser.cjs carries exactly the policy-derived rules', 'PASS', evidence);
}

function exportBoundaryFinding(binding: BindingReport): AuditFinding {
  const row32 = binding.rows.find((row) => row.number === 32);
  const evidence = { row_32: row32 === undefined ? 'missing' : `${row32.result}: ${row32.reason ?? ''}` };
  return row32?.result === 'PASS'
    ? finding('a13-export-boundary', 'the provenance of packet content is established up to the export step', 'PASS', evidence)
    : finding('a13-export-boundary', 'the provenance of packet content is established up to the export step', 'PARTIAL', evidence, 'provenance is checked at the packet boundary (metadata, surface, hash, age); whether the export read its sources with SELECT-only named queries is L5, outside this product (row 32 DEFERRED)');
}

export function auditArticle13(binding: BindingReport, repoRoot: string, outRoot: string): ArticleAudit {
  const runs = inspectedRuns(binding);
  const findings = [provenanceFinding(runs), localAuthorityFinding(runs, repoRoot, outRoot), singleSourceFinding(repoRoot), exportBoundaryFinding(binding)];
  return { article: 'Article 13', question: 'Did every fact come from a provenanced packet item, with no local file as authority and no parallel source of truth?', status: combine(findings), findings };
}
