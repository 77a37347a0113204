import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND6_TABLE } from '../../fixtures/evasions/red-team-6/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 6 (fixtures/evasions/red-team-6) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-6'),
  table: ROUND6_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 40, lookalikes: 20 },
});
