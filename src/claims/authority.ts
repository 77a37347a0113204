/**
 * SPEC §7 row 20: a dossier or an item that asserts authority or a gating effect. The packet is
 * evidence for a human; nothing in it may claim to decide.
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

export interface AuthorityHit {
  readonly excerpt: string;
}

/** Approval records may say that something was approved; they may still not claim to gate. */
export function authorityHits(text: string, isApprovalRecord: boolean): AuthorityHit[] {
  const patterns = isApprovalRecord ? GATING_FIELD_PATTERNS : [...GATING_FIELD_PATTERNS, ...AUTHORITY_PROSE_PATTERNS];
  const hits: AuthorityHit[] = [];
  for (const pattern of patterns) {
    const match = text.match(pattern);
    if (match?.[0] !== undefined) hits.push({ excerpt: match[0] });
  }
  return hits;
}
