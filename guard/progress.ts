/**
 * A progress line on stderr for long runs, only when stderr is a terminal: CI logs and piped
 * output stay clean. Redrawn at most every 100 modules.
 */
export function createProgress(stream: NodeJS.WriteStream): { update(done: number, known: number): void; clear(): void } | undefined {
  if (stream.isTTY !== true) return undefined;
  let drawn = false;
  return {
    update(done, known) {
      if (done % 100 !== 0 && done !== known) return;
      stream.write(`\r\u001b[Ktki-guard: ${done}/${known} modules`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
