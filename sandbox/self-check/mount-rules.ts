import type { SandboxProfile } from '../profile/types.js';
import type { MountEntry } from './mountinfo.js';

/** Kernel interfaces, not storage: writable by nature, never a place a report could escape to. */
const WRITABLE_PSEUDO_FILESYSTEMS: ReadonlySet<string> = new Set(['proc', 'devpts', 'mqueue']);

/** Character devices bound into /dev by every engine; writing to them writes no file. */
const DEVICE_NODES: ReadonlySet<string> = new Set(['/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/console']);

const CONTAINER_SOCKET = /(docker|podman|containerd|crio)\.sock$/;

/**
 * "Exactly the expected mounts and modes" (SPEC §6): `/` read-only, one read-only packet mount,
 * no writable host path (the report leaves over a descriptor), every other mount at one of the
 * profile's runtime places and read-only unless it is a kernel pseudo filesystem or a device
 * node, and no container-engine socket anywhere.
 * Returns the first violation as text, or undefined when the table is as expected.
 */
export function mountTableViolation(entries: readonly MountEntry[], profile: SandboxProfile): string | undefined {
  const packetTarget = profile.packet.target;
  const root = entries.filter((entry) => entry.mountPoint === '/');
  if (root.length === 0) return 'no root mount is visible';
  if (root.some((entry) => !entry.readOnly)) return '/ is writable';
  const packet = entries.filter((entry) => entry.mountPoint === packetTarget || entry.mountPoint.startsWith(`${packetTarget}/`));
  if (packet.length !== 1) return `expected exactly one mount at ${packetTarget}, found ${packet.length}`;
  if (packet.some((entry) => !entry.readOnly)) return `${packetTarget} is writable`;
  const expectedPlace = (mountPoint: string): boolean =>
    mountPoint === '/' || [packetTarget, ...profile.mountPoints].some((place) => mountPoint === place || mountPoint.startsWith(`${place}/`));
  for (const entry of entries) {
    if (CONTAINER_SOCKET.test(entry.mountPoint) || CONTAINER_SOCKET.test(entry.root)) return `a container engine socket is mounted at ${entry.mountPoint}`;
    if (!expectedPlace(entry.mountPoint)) return `${entry.mountPoint} is mounted, outside the runtime the profile allows`;
    if (entry.readOnly) continue;
    if (WRITABLE_PSEUDO_FILESYSTEMS.has(entry.fsType) || DEVICE_NODES.has(entry.mountPoint)) continue;
    return `${entry.mountPoint} (${entry.fsType}) is writable`;
  }
  return undefined;
}
