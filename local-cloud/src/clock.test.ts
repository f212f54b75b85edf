import { Clock } from './clock';

describe('local clock', () => {
  it('runs on real time until moved, then keeps the offset until reset', () => {
    const clock = new Clock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    const later = clock.advanceDays(3);
    expect(Math.round((later.getTime() - Date.now()) / 86_400_000)).toBe(3);
    expect(clock.shifted).toBe(true);
    expect(clock.set(new Date('2026-08-24T01:00:00Z')).toISOString().slice(0, 16)).toBe('2026-08-24T01:00');
    clock.reset();
    expect(clock.shifted).toBe(false);
  });
});
