import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND20_TABLE } from '../../fixtures/evasions/red-team-20/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 20 (fixtures/evasions/red-team-20) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-20'),
  table: ROUND20_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 100, lookalikes: 40 },
});
