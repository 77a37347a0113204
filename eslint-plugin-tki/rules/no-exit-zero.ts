import { RULE_MESSAGES, type MessageIdOf } from '../detect/index.js';
import { createRule, reportFindings } from '../util/index.js';

type Options = [];
type MessageIds = MessageIdOf<'no-exit-zero'>;

export const noExitZero = createRule<Options, MessageIds>({
  name: 'no-exit-zero',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `process.exit(0)`, `process.exit()` and `process.exitCode = 0` in inspector code, which must never exit 0.',
      recommended: 'strict',
      inspectorOnly: true,
    },
    messages: RULE_MESSAGES['no-exit-zero'],
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, 'no-exit-zero'),
});
