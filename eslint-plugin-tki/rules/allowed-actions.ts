import { RULE_MESSAGES, type MessageIdOf } from '../../analysis/syntax/index.js';
import { createRule, reportFindings } from '../util/index.js';

type Options = [];
type MessageIds = MessageIdOf<'allowed-actions'>;

export const allowedActionsRule = createRule<Options, MessageIds>({
  name: 'allowed-actions',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a well-formed `allowedActions` declaration inside the action universe, and file access only in modules whose declared action grants it.',
      recommended: 'recommended',
      inspectorOnly: false,
    },
    messages: RULE_MESSAGES['allowed-actions'],
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, 'allowed-actions'),
});
