/** Money is integer fen everywhere; these are its two ways of being written for people. */

/** 1234 → "12.34 元", -800 → "-8.00 元" (notices, ledgers: always two decimals). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} 元`;
}

/** 20000 → "200 元", 12345 → "123.45 元" (plain text for parents: no trailing .00). */
export function formatYuanShort(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? `${whole} 元` : `${whole}.${String(cents).padStart(2, '0')} 元`;
}
