/**
 * ISO-8601 time stamps compared at their full precision. Date.parse keeps milliseconds only, so
 * `12:00:00.0009Z` would equal `12:00:00Z`: an observation 0.9 ms after the export would pass as
 * "not after" it. The digits past the millisecond are compared on their own when the milliseconds tie.
 */
const FRACTION = /[T ]\d{2}:\d{2}:\d{2}\.(\d+)/;

function subMillisecond(stamp: string): string {
  return (FRACTION.exec(stamp)?.[1] ?? '').slice(3).padEnd(12, '0').slice(0, 12);
}

/** Negative, zero or positive as `a` is before, at or after `b` (NaN when either is not a time stamp). */
export function compareTimestamps(a: string, b: string): number {
  const difference = Date.parse(a) - Date.parse(b);
  if (difference !== 0 || Number.isNaN(difference)) return difference;
  const [subA, subB] = [subMillisecond(a), subMillisecond(b)];
  return subA === subB ? 0 : subA < subB ? -1 : 1;
}
