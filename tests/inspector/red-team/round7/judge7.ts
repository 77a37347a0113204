import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND7 } from './open-round7.js';

/** Round 7's checks, judged against its open list (../open-judge.ts). */
export function createJudge7(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND7, 'OPEN_ROUND7', 'open-round7.ts');
}
