import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND19_TABLE } from '../../fixtures/evasions/red-team-19/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 19 (fixtures/evasions/red-team-19) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-19'),
  table: ROUND19_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 80, lookalikes: 40 },
});
