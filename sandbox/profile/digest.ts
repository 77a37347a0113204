import { createHash } from 'node:crypto';
import type { SandboxProfile } from './types.js';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 of the profile's JSON (the literal's key order is fixed, so the text is stable). */
export function profileSha256(profile: SandboxProfile): string {
  return sha256Hex(JSON.stringify(profile));
}
