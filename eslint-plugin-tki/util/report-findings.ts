import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { matchesAnyGlob } from '../../policy/index.js';
import { analyzeSourceFile, type RuleId } from '../../analysis/syntax/index.js';
import { analyzeTypedSourceFile } from '../../analysis/typed/index.js';
import { applySuppressions, isKnownRule, suppressionNoteMessage, suppressionNotesOf, suppressionsOf } from '../../analysis/suppress/index.js';
import { realPathOr } from '../../policy/real-path.js';
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
      const settings = resolveSettings(context.settings, context.cwd, path.dirname(realPathOr(path.resolve(context.cwd, context.filename))));
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
      const comments = suppressionsOf(sourceFile);
      const { kept, unused } = applySuppressions(
        located.map(({ finding, line, column }) => ({ line, column: column + 1, ruleId, capability: finding.capability, finding })),
        comments.suppressions,
      );
      // The comments that accepted nothing, in tki-guard's words: each rule its own stale ones (so a
      // rule the config leaves off never calls one stale); no-forbidden-capability, on in every
      // config, the malformed ones and unknown rule names. Guard-only rules are the guard's to judge.
      const speaksForComments = ruleId === 'no-forbidden-capability';
      const mine = unused.filter((suppression) => suppression.rule === ruleId || (speaksForComments && !isKnownRule(suppression.rule)));
      for (const note of suppressionNotesOf(speaksForComments ? comments.malformed : [], mine)) {
        context.report({ messageId: 'suppressionNote' as MessageIds, data: { note: suppressionNoteMessage(note) }, loc: { line: note.commentLine, column: note.commentColumn - 1 } });
      }
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
