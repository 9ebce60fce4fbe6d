// "1 card", "0 lines", "2 guides": a count and its noun, in the right number.

/** `n` and the noun, singular for exactly one. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
