import { RULE_MESSAGES, type MessageIdOf } from '../../analysis/syntax/index.js';
import { createRule, reportFindings } from '../util/index.js';

type Options = [];
type MessageIds = MessageIdOf<'no-dynamic-code'>;

export const noDynamicCode = createRule<Options, MessageIds>({
  name: 'no-dynamic-code',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow code compiled or loaded at run time: `eval`, the `Function` family, `vm`, string timers, Worker `eval`, `data:` imports and computed module names.',
      recommended: 'recommended',
      inspectorOnly: false,
    },
    messages: RULE_MESSAGES['no-dynamic-code'],
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, 'no-dynamic-code'),
});
