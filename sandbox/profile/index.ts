export { DEFAULT_PROFILE } from './default-profile.js';
export type { Namespace, NodeHardening, OutputMount, PacketMount, ResourceLimit, SandboxProfile, SeccompRules } from './types.js';
