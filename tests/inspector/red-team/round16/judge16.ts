import { createOpenJudge, type OpenJudge } from '../open-judge.js';
import { OPEN_ROUND16 } from './open-round16.js';

/** Round 16's checks, judged against its open list (../open-judge.ts). */
export function createJudge16(prefix: string): OpenJudge {
  return createOpenJudge(prefix, OPEN_ROUND16, 'OPEN_ROUND16', 'open-round16.ts');
}
