import { RULE_MESSAGES, type MessageIdOf } from '../../analysis/syntax/index.js';
import { createRule, reportFindings } from '../util/index.js';

type Options = [];
type MessageIds = MessageIdOf<'no-positive-verdict-token'>;

export const noPositiveVerdictToken = createRule<Options, MessageIds>({
  name: 'no-positive-verdict-token',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow positive verdict tokens (`PASS` and the others SPEC §4 forbids) in inspector code.',
      recommended: 'strict',
      inspectorOnly: true,
    },
    messages: RULE_MESSAGES['no-positive-verdict-token'],
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, 'no-positive-verdict-token'),
});
