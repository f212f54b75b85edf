import { divideRoundHalfUp, formatYuan, percentOf } from './money';

describe('money in fen', () => {
  it('rounds half-up to the fen', () => {
    expect(divideRoundHalfUp(1, 2)).toBe(1);
    expect(divideRoundHalfUp(3, 2)).toBe(2);
    expect(divideRoundHalfUp(4, 3)).toBe(1);
    expect(divideRoundHalfUp(5, 3)).toBe(2);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
  });

  it('takes percentages to two decimals without floating error', () => {
    expect(percentOf(8300, 50)).toBe(4150);
    expect(percentOf(207, 50)).toBe(104);
    expect(percentOf(1000, 12.45)).toBe(125);
    expect(percentOf(30000, 100)).toBe(30000);
    expect(percentOf(999, 0)).toBe(0);
  });

  it('formats yuan with two decimals', () => {
    expect(formatYuan(8300)).toBe('83.00 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(-17600)).toBe('-176.00 元');
  });
});
