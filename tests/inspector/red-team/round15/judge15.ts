import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND15 } from './open-round15.js';

/** Round 15's checks, judged against its open list (../open-judge.ts). */
export function createJudge15(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND15, 'OPEN_ROUND15', 'open-round15.ts');
}
