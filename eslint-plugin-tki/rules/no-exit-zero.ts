import { RULE_MESSAGES, type MessageIdOf } from '../../analysis/syntax/index.js';
import { createRule, reportFindings } from '../util/index.js';

type Options = [];
type MessageIds = MessageIdOf<'no-exit-zero'>;

export const noExitZero = createRule<Options, MessageIds>({
  name: 'no-exit-zero',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `process.exit(0)`, `process.exit()` and `process.exitCode = 0`, so that no guarded process ends with exit code 0 by accident.',
      recommended: 'strict',
      inspectorOnly: false,
    },
    messages: RULE_MESSAGES['no-exit-zero'],
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, 'no-exit-zero'),
});
