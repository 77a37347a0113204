import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND12B } from './open-round12b.js';

/** Round 12b's checks, judged against its open list (../open-judge.ts). */
export function createJudge12b(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND12B, 'OPEN_ROUND12B', 'open-round12b.ts');
}
