import path from 'node:path';
import { EXPECTED_TO_FAIL_TODAY, ROUND12_TABLE } from '../../fixtures/evasions/red-team-12/table.js';
import { repoRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team round 12 (fixtures/evasions/red-team-12) through tki-guard and eslint-plugin-tki',
  root: path.join(repoRoot, 'fixtures/evasions/red-team-12'),
  table: ROUND12_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 60, lookalikes: 30 },
});
