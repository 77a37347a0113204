import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import type { Probe } from './types.js';

export const ENV_PROBE: Probe = {
  id: 'PR-ENV-1',
  attempt: 'list the environment keys',
  expected: `only the profile's fixed keys: [${Object.keys(DEFAULT_PROFILE.env).join(',')}]`,
  run() {
    const keys = Object.keys(process.env).sort();
    const allowed = new Set(Object.keys(DEFAULT_PROFILE.env));
    return Promise.resolve({ observed: `[${keys.join(',')}]`, pass: keys.every((key) => allowed.has(key)) });
  },
};
