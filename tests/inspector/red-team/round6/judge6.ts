import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND6 } from './open-round6.js';

/** Round 6's checks, judged against its open list (../open-judge.ts). */
export function createJudge6(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND6, 'OPEN_ROUND6', 'open-round6.ts');
}
