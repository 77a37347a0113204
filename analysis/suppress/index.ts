export { SUPPRESSION_MARKER, normalizeRuleName, parseSuppressionComment, type SuppressionDirective } from './comment.js';
export { commentsOf, type CommentRange } from './comments.js';
export { suppressionsOf, type FileSuppressions, type MalformedSuppression, type Suppression } from './collect.js';
export { applySuppressions, type SuppressibleFinding, type SuppressionOutcome } from './apply.js';
