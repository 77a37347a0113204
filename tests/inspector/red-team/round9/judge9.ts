import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND9 } from './open-round9.js';

/** Round 9's checks, judged against its open list (../open-judge.ts). */
export function createJudge9(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND9, 'OPEN_ROUND9', 'open-round9.ts');
}
