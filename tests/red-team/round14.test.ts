import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND14_TABLE } from '../../fixtures/evasions/red-team-14/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 14 (fixtures/evasions/red-team-14) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-14'),
  table: ROUND14_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 50, lookalikes: 25 },
});
