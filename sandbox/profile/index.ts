export { DEFAULT_PROFILE } from './default-profile.js';
export type { Namespace, NodeHardening, PacketMount, ReportChannel, SandboxHostUser, ResourceLimit, SandboxProfile, SeccompRules } from './types.js';
