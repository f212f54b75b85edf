import { Clock } from './clock';

describe('local clock', () => {
  it('runs on real time until moved, then keeps the offset until reset', () => {
    const clock = new Clock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    const later = clock.advanceDays(3);
    expect(Math.round((later.getTime() - Date.now()) / 86_400_000)).toBe(3);
    expect(clock.shifted).toBe(true);
    expect(clock.set(new Date(Date.now() - 100 * 86_400_000)).getTime()).toBeLessThan(Date.now());
    clock.reset();
    expect(clock.shifted).toBe(false);
  });

  it('caps the total shift, not only one step', () => {
    const clock = new Clock({ maxShiftDays: 10 });
    clock.advanceDays(6);
    expect(() => clock.advanceDays(6)).toThrow('本地时钟与真实时间最多相差 10 天');
    expect(Math.round((clock.now().getTime() - Date.now()) / 86_400_000)).toBe(6);
    expect(() => clock.set(new Date(Date.now() - 11 * 86_400_000))).toThrow('最多相差 10 天');
    expect(() => clock.advanceDays(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('a clock that is not movable, or was frozen, refuses to move and runs on real time', () => {
    expect(() => new Clock({ movable: false }).advanceDays(1)).toThrow('本地时钟按真实时间运行，不能调整');
    const clock = new Clock();
    clock.advanceDays(2);
    clock.freeze();
    expect(clock.shifted).toBe(false);
    expect(clock.movable).toBe(false);
    expect(() => clock.set(new Date())).toThrow('不能调整');
  });
});
