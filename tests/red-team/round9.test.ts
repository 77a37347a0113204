import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND9_TABLE } from '../../fixtures/evasions/red-team-9/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 9 (fixtures/evasions/red-team-9) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-9'),
  table: ROUND9_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 70, lookalikes: 35 },
});
