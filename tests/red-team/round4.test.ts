import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND4_TABLE } from '../../fixtures/evasions/red-team-4/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 4 (fixtures/evasions/red-team-4) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-4'),
  table: ROUND4_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 25, lookalikes: 25 },
});
