import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND7_TABLE } from '../../fixtures/evasions/red-team-7/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 7 (fixtures/evasions/red-team-7) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-7'),
  table: ROUND7_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 40, lookalikes: 20 },
});
