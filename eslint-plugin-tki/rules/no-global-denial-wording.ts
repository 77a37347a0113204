import { RULE_MESSAGES, type MessageIdOf } from '../../analysis/syntax/index.js';
import { createRule, reportFindings } from '../util/index.js';

type Options = [];
type MessageIds = MessageIdOf<'no-global-denial-wording'>;

export const noGlobalDenialWording = createRule<Options, MessageIds>({
  name: 'no-global-denial-wording',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow string literals in inspector code that assert global absence (such as "does not exist" or "absent everywhere").',
      recommended: 'strict',
      inspectorOnly: true,
    },
    messages: RULE_MESSAGES['no-global-denial-wording'],
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, 'no-global-denial-wording'),
});
