/**
 * The index of the last start at or before `at` in ascending `starts` (0 when `at` precedes them
 * all): which piece of a text built from pieces holds an offset, for mapping it back to its source.
 */
export function pieceAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
