import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND11 } from './open-round11.js';

/** Round 11's checks, judged against its open list (../open-judge.ts). */
export function createJudge11(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND11, 'OPEN_ROUND11', 'open-round11.ts');
}
