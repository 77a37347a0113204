import { EXPECTED_TO_FAIL_TODAY, RED_TEAM_TABLE } from '../../fixtures/evasions/red-team/table.js';
import { corpusRoot } from './enforcers.js';
import { describeRedTeamCorpus } from './runner.js';

describeRedTeamCorpus({
  title: 'red-team corpus (fixtures/evasions/red-team) through tki-guard and eslint-plugin-tki',
  root: corpusRoot,
  table: RED_TEAM_TABLE,
  expectedToFailToday: EXPECTED_TO_FAIL_TODAY,
  minimum: { evasions: 100, lookalikes: 50 },
});
