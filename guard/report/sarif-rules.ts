import { SUPPRESSION_MARKER } from '../../analysis/suppress/index.js';
import type { ReportedRuleId } from '../types.js';
import { DETECTOR_RULES, GUARD_RULES, describeRule, ruleMetadata } from './rules.js';

/** Every rule tki-guard can report, plus the dependency-cruiser rules this run saw. */
export function reportableRuleIds(seen: Iterable<ReportedRuleId>): ReportedRuleId[] {
  const ids = new Set<ReportedRuleId>([...(Object.keys(DETECTOR_RULES) as ReportedRuleId[]), ...(Object.keys(GUARD_RULES) as ReportedRuleId[]), ...seen]);
  return [...ids].sort();
}

/** The rule's help as GitHub shows it beside an alert: what, why, how to fix, how to accept. */
export function ruleHelpMarkdown(id: ReportedRuleId): string {
  const rule = ruleMetadata(id);
  const { helpUri } = describeRule(id);
  return [
    `**${id}**: ${rule.short}`,
    '',
    rule.full,
    '',
    `**How to fix.** ${rule.fix}`,
    '',
    `**To accept one finding**, with a reason a reviewer can read, put \`// ${SUPPRESSION_MARKER} ${id} -- <reason>\` on the line above it; to accept the existing findings of a codebase at once, use a baseline (\`tki-guard --update-baseline\`). Neither is a grant: the capability still flows to importers.`,
    ...(helpUri === undefined ? [] : ['', `[Documentation](${helpUri})`]),
  ].join('\n');
}

/** SARIF `reportingDescriptor`s: descriptions, markdown help, tags and `security-severity`. */
export function sarifRules(ids: readonly ReportedRuleId[]): object[] {
  return ids.map((id) => {
    const rule = ruleMetadata(id);
    const { helpUri } = describeRule(id);
    const markdown = ruleHelpMarkdown(id);
    return {
      id,
      name: id,
      shortDescription: { text: rule.short },
      fullDescription: { text: rule.full },
      help: { text: markdown.replace(/\*\*|`/g, ''), markdown },
      ...(helpUri === undefined ? {} : { helpUri }),
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: [...rule.tags],
        precision: 'high',
        'problem.severity': 'error',
        'security-severity': rule.severity.toFixed(1),
        'tki.level': rule.level,
      },
    };
  });
}
