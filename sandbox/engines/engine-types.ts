export const ENGINE_NAMES = ['bwrap', 'podman', 'docker'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export function isEngineName(name: string): name is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(name);
}

export type EngineError =
  | { readonly code: 'engine/missing'; readonly line: string }
  | { readonly code: 'engine/unusable'; readonly line: string }
  | { readonly code: 'engine/image_build_failed'; readonly line: string }
  | { readonly code: 'runtime/missing'; readonly line: string };

export type EngineResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineError };

/** The descriptor the inside writes its report channel to: Docker cannot pass one, so its stdout (1) carries the frames. */
export function reportFdFor(engine: EngineName, channelFd: number): number {
  return engine === 'docker' ? 1 : channelFd;
}
