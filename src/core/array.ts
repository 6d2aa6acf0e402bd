/**
 * Appends every item of `items` to `target` and returns `target`. Unlike `target.push(...items)`,
 * which passes each item as a function argument, it works for any length: V8 throws a RangeError
 * ("Maximum call stack size exceeded") somewhere above 100,000 arguments, so a spread of a list that
 * grows with the input (the lines of one subscription, the issues of a file) must not be used.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest number of a list (−Infinity when empty), without spreading it into `Math.max`. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}
