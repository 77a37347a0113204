import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND4 } from './open-round4.js';

/** Round 4's checks, judged against its open list (../open-judge.ts). */
export function createJudge(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND4, 'OPEN_ROUND4', 'open-round4.ts');
}
