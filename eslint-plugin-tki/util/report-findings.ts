import type { TSESLint } from '@typescript-eslint/utils';
import { matchesAnyGlob } from '../../policy/index.js';
import { analyzeSourceFile, type RuleId } from '../../analysis/syntax/index.js';
import { analyzeTypedSourceFile } from '../../analysis/typed/index.js';
import { applySuppressions, suppressionsOf } from '../../analysis/suppress/index.js';
import { relativePathOf, resolveSettings } from './settings.js';
import { sourceFileOf, typedSourceOf } from './source-file.js';

/**
 * The whole of every rule's `create`: ask the shared detector for the file's facts (one walk,
 * memoized across the seven rules) and report the findings that belong to `ruleId`.
 * Rules never detect anything themselves, and never autofix.
 */
export function reportFindings<MessageIds extends string>(context: Readonly<TSESLint.RuleContext<MessageIds, []>>, ruleId: RuleId): TSESLint.RuleListener {
  return {
    Program(): void {
      const settings = resolveSettings(context.settings, context.cwd);
      if (!settings.ok) {
        // One rule speaks for the configuration, so a broken policy is one message per file, not seven.
        if (ruleId === 'no-forbidden-capability') {
          for (const problem of settings.problems) context.report({ messageId: 'invalidConfiguration' as MessageIds, data: { problem }, loc: { line: 1, column: 0 } });
        }
        return;
      }
      const { policy, root } = settings;
      const relativePath = relativePathOf(context.filename, context.cwd, root);
      if (matchesAnyGlob(relativePath, policy.ignore)) return;
      const { sourceCode } = context;
      const sourceFile = sourceFileOf(sourceCode, context.filename);
      // With type information (typescript-eslint's projectService), the typed classifier; else the syntactic detector.
      const typed = typedSourceOf(sourceCode);
      const facts = typed === undefined ? analyzeSourceFile(sourceFile, { policy, relativePath }) : analyzeTypedSourceFile(typed.program, typed.sourceFile, { policy, relativePath });
      const located = facts.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => ({ finding, ...sourceCode.getLocFromIndex(finding.start) }));
      // tki's own `// tki-allow-next-line <rule> -- <reason>` (analysis/suppress), read as tki-guard reads it.
      const { kept } = applySuppressions(
        located.map(({ finding, line, column }) => ({ line, column: column + 1, ruleId, capability: finding.capability, finding })),
        suppressionsOf(sourceFile).suppressions,
      );
      for (const { finding } of kept) {
        context.report({
          messageId: finding.messageId as MessageIds,
          data: finding.data,
          loc: { start: sourceCode.getLocFromIndex(finding.start), end: sourceCode.getLocFromIndex(finding.end) },
        });
      }
    },
  };
}
