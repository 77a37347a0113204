import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND20 } from './open-round20.js';

/** Round 20's checks, judged against its open list (../open-judge.ts). */
export function createJudge20(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND20, 'OPEN_ROUND20', 'open-round20.ts');
}
