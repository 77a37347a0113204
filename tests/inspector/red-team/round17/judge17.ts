import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND17 } from './open-round17.js';

/** Round 17's checks, judged against its open list (../open-judge.ts). */
export function createJudge17(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND17, 'OPEN_ROUND17', 'open-round17.ts');
}
