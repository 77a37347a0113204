export { SUPPRESSION_MARKER, normalizeRuleName, parseSuppressionComment, type SuppressionDirective } from './comment.js';
export { commentsOf, type CommentRange } from './comments.js';
export { suppressionsOf, type FileSuppressions, type MalformedSuppression, type Suppression } from './collect.js';
export { applySuppressions, type SuppressibleFinding, type SuppressionOutcome } from './apply.js';
export { FILE_RULE_IDS, WHOLE_PROGRAM_RULE_IDS, isKnownRule, suppressionNoteMessage, suppressionNotesOf, type SuppressionNote } from './notes.js';
