/**
 * Docker runs containers as host root unless told otherwise (no user namespace without the
 * daemon's `userns-remap`), so the sandboxed process gets a non-root uid:gid. An operator who is
 * not root keeps their own uid (already unprivileged on the host); a root operator's sandbox runs
 * as `nobody:nogroup` (65534), which owns nothing on a Debian host. The launcher hands the packet
 * in as a copy owned by this user, so the packet's own file modes never matter.
 */
export const DOCKER_UNPRIVILEGED_ID = 65534;

export interface ContainerUser {
  readonly uid: number;
  readonly gid: number;
}

export function dockerSandboxUser(operator: ContainerUser): ContainerUser {
  if (operator.uid !== 0) return { uid: operator.uid, gid: operator.gid === 0 ? DOCKER_UNPRIVILEGED_ID : operator.gid };
  return { uid: DOCKER_UNPRIVILEGED_ID, gid: DOCKER_UNPRIVILEGED_ID };
}

/** The `--user` value: numeric, so the image (FROM scratch, no /etc/passwd) needs no account. */
export function dockerUserFlag(user: ContainerUser): string {
  return `${user.uid}:${user.gid}`;
}
