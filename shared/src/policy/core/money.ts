/** Money is integer fen everywhere. */

/** numerator / denominator rounded half-up; both non-negative, denominator > 0. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * `percent` of an amount, rounded half-up to the fen. Percentages are taken to two decimals
 * (basis points) so the arithmetic stays in integers.
 */
export function percentOf(amountFen: number, percent: number): number {
  return divideRoundHalfUp(amountFen * Math.round(percent * 100), 10_000);
}

export { formatYuan } from '../../domain/money';
