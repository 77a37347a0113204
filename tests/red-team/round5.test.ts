import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND5_TABLE } from '../../fixtures/evasions/red-team-5/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 5 (fixtures/evasions/red-team-5) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-5'),
  table: ROUND5_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 60, lookalikes: 30 },
});
