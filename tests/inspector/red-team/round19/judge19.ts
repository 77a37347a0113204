import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND19 } from './open-round19.js';

/** Round 19's checks, judged against its open list (../open-judge.ts). */
export function createJudge19(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND19, 'OPEN_ROUND19', 'open-round19.ts');
}
