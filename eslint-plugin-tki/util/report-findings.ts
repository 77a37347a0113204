import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { matchesAnyGlob } from '../../policy/index.js';
import { analyzeSourceFile, jsxSettingsOf, type RuleId } from '../../analysis/syntax/index.js';
import { analyzeTypedSourceFile } from '../../analysis/typed/index.js';
import { applySuppressions, isKnownRule, suppressionNoteMessage, suppressionNotesOf, suppressionsOf } from '../../analysis/suppress/index.js';
import { realPathOr } from '../../policy/real-path.js';
import { relativePathOf, resolveSettings, type SettingsResult } from './settings.js';
import { sourceFileOf, typedSourceOf } from './source-file.js';

/** One file's settings, resolved once for the seven rules (each rule's `Program` runs for the same `sourceCode`). */
interface FileSettings {
  readonly settings: object;
  readonly cwd: string;
  readonly filename: string;
  readonly result: SettingsResult;
  readonly relativePath: string | undefined;
  /** The policy's `ignore` globs match the file. */
  readonly ignored: boolean;
}

const fileSettings = new WeakMap<object, FileSettings>();

/** The settings and root-relative path of the file `context` lints: asked once per file, not once per rule (a policy search, realpaths and glob tests each time). */
function settingsOfFile(context: Readonly<TSESLint.RuleContext<string, []>>): FileSettings {
  const known = fileSettings.get(context.sourceCode);
  if (known !== undefined && known.settings === context.settings && known.cwd === context.cwd && known.filename === context.filename) return known;
  const result = resolveSettings(context.settings, context.cwd, path.dirname(realPathOr(path.resolve(context.cwd, context.filename))));
  const relativePath = result.ok ? relativePathOf(context.filename, context.cwd, result.root) : undefined;
  const ignored = result.ok && relativePath !== undefined && matchesAnyGlob(relativePath, result.policy.ignore);
  const entry = { settings: context.settings, cwd: context.cwd, filename: context.filename, result, relativePath, ignored };
  fileSettings.set(context.sourceCode, entry);
  return entry;
}

/**
 * The whole of every rule's `create`: ask the shared detector for the file's facts (one walk,
 * memoized across the seven rules) and report the findings that belong to `ruleId`.
 * Rules never detect anything themselves, and never autofix.
 */
export function reportFindings<MessageIds extends string>(context: Readonly<TSESLint.RuleContext<MessageIds, []>>, ruleId: RuleId): TSESLint.RuleListener {
  return {
    Program(): void {
      const { result: settings, relativePath: ofFile, ignored } = settingsOfFile(context);
      if (!settings.ok) {
        // One rule speaks for the configuration, so a broken policy is one message per file, not seven.
        if (ruleId === 'no-forbidden-capability') {
          for (const problem of settings.problems) context.report({ messageId: 'invalidConfiguration' as MessageIds, data: { problem }, loc: { line: 1, column: 0 } });
        }
        return;
      }
      if (ignored || ofFile === undefined) return;
      const { policy } = settings;
      const relativePath = ofFile;
      const { sourceCode } = context;
      const sourceFile = sourceFileOf(sourceCode, context.filename);
      // With type information (typescript-eslint's projectService), the typed classifier; else the syntactic detector.
      const typed = typedSourceOf(sourceCode);
      // The program's tsconfig names the JSX factories every element calls (`jsxFactory`); without types none is known, so any import may be one.
      const jsx = typed === undefined ? undefined : jsxSettingsOf(typed.program.getCompilerOptions());
      const facts = typed === undefined ? analyzeSourceFile(sourceFile, { policy, relativePath }) : analyzeTypedSourceFile(typed.program, typed.sourceFile, { policy, relativePath, ...(jsx === undefined ? {} : { jsx }) });
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
