/**
 * Docker runs containers as host root unless told otherwise (no user namespace without the
 * daemon's `userns-remap`), so the sandboxed process always gets a non-root numeric uid:gid,
 * whoever the operator is: Debian's nobody/nogroup (65534), which owns nothing on the host.
 * Numeric, so the image (FROM scratch, no /etc/passwd) needs no account. The launcher hands the
 * packet in as a world-readable private copy (docker-handoff.ts), so the packet's modes never matter.
 */
export const DOCKER_SANDBOX_USER = { uid: 65534, gid: 65534 } as const;

/** The `--user` value. */
export function dockerUserFlag(user: { readonly uid: number; readonly gid: number } = DOCKER_SANDBOX_USER): string {
  return `${user.uid}:${user.gid}`;
}
