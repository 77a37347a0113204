import type ts from 'typescript';
import { SCOPED_DENIAL_WORDING, forbiddenVerdictToken, hasGlobalDenialWording, looksLikeSql } from '../../policy/index.js';
import type { FindingCollector } from './collector.js';
import { excerpt, templateText } from './syntax.js';

/**
 * The SPEC text rules (§4, §6 L2) for inspector files: verdict tokens, raw SQL and global-denial
 * wording. The matchers live in policy/text-rules.ts; this only applies them.
 */
export class TextChecker {
  constructor(private readonly report: FindingCollector) {}

  checkString(text: string, node: ts.Node): void {
    this.checkVerdictToken(text, node);
    if (looksLikeSql(text)) this.report.add('no-raw-sql', 'rawSql', 'DATABASE', { excerpt: excerpt(text) }, node);
    if (hasGlobalDenialWording(text)) {
      this.report.add('no-global-denial-wording', 'globalDenial', null, { excerpt: excerpt(text), scoped: SCOPED_DENIAL_WORDING }, node);
    }
  }

  checkTemplate(node: ts.TemplateExpression): void {
    this.checkString(templateText(node), node);
  }

  checkVerdictToken(text: string, node: ts.Node): void {
    const token = forbiddenVerdictToken(text);
    if (token !== undefined) this.report.add('no-positive-verdict-token', 'verdictToken', null, { token }, node);
  }
}
