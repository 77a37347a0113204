/**
 * The inspector's sandbox is Linux-only (namespaces, seccomp) and its seccomp filter and addon are
 * built for x86_64. Everywhere else tki says so in one line instead of failing somewhere inside;
 * eslint-plugin-tki and tki-guard have no such limit.
 */
export function unsupportedPlatformLine(platform: string = process.platform, arch: string = process.arch): string | undefined {
  if (platform === 'linux' && arch === 'x64') return undefined;
  return `tki: the inspector and its sandbox run on Linux x64 only (this is ${platform}-${arch}); eslint-plugin-tki and tki-guard work on every platform`;
}
