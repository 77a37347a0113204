export { DEFAULT_PROFILE } from './default-profile.js';
export type { EngineLaunch, Namespace, NodeHardening, PacketMount, ReportChannel, SandboxHostUser, ResourceLimit, ResourceLimitName, SandboxLimits, SandboxProfile, SeccompRules } from './types.js';
