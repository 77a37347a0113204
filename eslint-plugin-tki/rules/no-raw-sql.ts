import { RULE_MESSAGES, type MessageIdOf } from '../../analysis/syntax/index.js';
import { createRule, reportFindings } from '../util/index.js';

type Options = [];
type MessageIds = MessageIdOf<'no-raw-sql'>;

export const noRawSql = createRule<Options, MessageIds>({
  name: 'no-raw-sql',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL statement text in string literals of inspector code.',
      recommended: 'strict',
      inspectorOnly: true,
    },
    messages: RULE_MESSAGES['no-raw-sql'],
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, 'no-raw-sql'),
});
