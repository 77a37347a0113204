import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND12 } from './open-round12.js';

/** Round 12's checks, judged against its open list (../open-judge.ts). */
export function createJudge12(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND12, 'OPEN_ROUND12', 'open-round12.ts');
}
