import { firstHit, textRulePattern, type TextRulePattern } from '../../policy/text-normalize-pattern.js';
import { toMatchingText } from '../../policy/text-normalize.js';
import { renderedForms } from '../text/rendered.js';

/**
 * SPEC §7 row 20: a dossier or an item that asserts authority or a gating effect. The packet is
 * evidence for a human; nothing in it may claim to decide. The patterns run on the matching form
 * (SPEC §3), so look-alike letters or zero-width characters do not hide the wording.
 */
const GATING_FIELD_PATTERNS: readonly RegExp[] = [
  /\bmay_gate["']?\s*[:=]\s*true\b/i,
  /\bdecision_effect["']?\s*[:=]\s*["']?(?!NONE\b)[A-Za-z_]+/i,
];

const AUTHORITY_PROSE_PATTERNS: readonly RegExp[] = [
  /\b(?:this|the)\s+(?:dossier|report|packet|inspection|inspector(?:'s)?\s+(?:report|verdict|result))\s+(?:is|serves\s+as|acts\s+as|constitutes)\s+(?:an?\s+|the\s+)?(?:authoritative|binding|gating|official|final)\b/i,
  /\b(?:approves?|authori[sz]es?|gates?|unblocks?)\s+(?:the\s+)?(?:release|deploy(?:ment)?|merge|rollout|production(?:\s+change)?)\b/i,
  /\b(?:authoritative|binding)\s+(?:approval|decision|verdict|gate)\b/i,
  /(?<![-\w])gating\s+(?:decision|verdict|effect|authority)\b/i,
];

const GATING_RULES: readonly TextRulePattern[] = GATING_FIELD_PATTERNS.map(textRulePattern);
/** The prose wording alone, for the prose scan's sentences (prose-scan.ts: a right-to-left paragraph's). */
export const AUTHORITY_PROSE_RULES: readonly TextRulePattern[] = AUTHORITY_PROSE_PATTERNS.map(textRulePattern);
const ALL_RULES: readonly TextRulePattern[] = [...GATING_RULES, ...AUTHORITY_PROSE_RULES];

export interface AuthorityHit {
  readonly excerpt: string;
}

/** Approval records may say that something was approved; they may still not claim to gate. */
export function authorityHits(text: string, isApprovalRecord: boolean): AuthorityHit[] {
  // The text as a reader sees it rendered (`&#97;uthoritative`, `**gating** decision`), in both readings (hidden text
  // removed, boxes CSS draws apart spaced: rendered.ts), and as written.
  const rendered = renderedForms(text).filter((form) => form !== text);
  // Only these rules run on the views: their visual forms lay out only the paragraphs the rules may match in.
  const rules = isApprovalRecord ? GATING_RULES : ALL_RULES;
  const views = [...rendered, text].map((form) => toMatchingText(form, rules));
  const hits: AuthorityHit[] = [];
  for (const rule of rules) {
    for (const view of views) {
      const hit = firstHit(view, rule);
      if (hit === undefined) continue;
      hits.push({ excerpt: hit.excerpt });
      break;
    }
  }
  return hits;
}
