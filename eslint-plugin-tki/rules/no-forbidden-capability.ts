import { RULE_MESSAGES, type MessageIdOf } from '../../analysis/syntax/index.js';
import { createRule, reportFindings } from '../util/index.js';

type Options = [];
type MessageIds = MessageIdOf<'no-forbidden-capability'>;

export const noForbiddenCapability = createRule<Options, MessageIds>({
  name: 'no-forbidden-capability',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow modules, members and globals that reach a capability the file does not hold (network, exec, env, native, database, unknown packages, unanalyzable references).',
      recommended: 'recommended',
      inspectorOnly: false,
    },
    messages: RULE_MESSAGES['no-forbidden-capability'],
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, 'no-forbidden-capability'),
});
