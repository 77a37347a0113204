import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND13 } from './open-round13.js';

/** Round 13's checks, judged against its open list (../open-judge.ts). */
export function createJudge13(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND13, 'OPEN_ROUND13', 'open-round13.ts');
}
