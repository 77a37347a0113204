import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND14 } from './open-round14.js';

/** Round 14's checks, judged against its open list (../open-judge.ts). */
export function createJudge14(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND14, 'OPEN_ROUND14', 'open-round14.ts');
}
