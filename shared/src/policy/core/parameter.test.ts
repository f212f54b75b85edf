import type { Citation } from './citation';
import { inForceOn, since, type Timeline, valueOn } from './parameter';

const cite: Citation = { doc: 'test', section: '一' };
const timeline: Timeline<string> = [
  { value: 'trial', unit: 'HH:mm', from: '2021-04-01', to: '2022-02-28', citation: cite },
  { value: 'main', unit: 'HH:mm', from: '2022-03-01', to: '2023-12-31', citation: cite },
  { value: 'revised', unit: 'HH:mm', from: '2024-03-01', citation: cite },
];

describe('parameters in force on a date', () => {
  it('picks the version whose dates include the day, both ends included', () => {
    expect(valueOn(timeline, '2021-04-01')).toBe('trial');
    expect(valueOn(timeline, '2022-02-28')).toBe('trial');
    expect(valueOn(timeline, '2022-03-01')).toBe('main');
    expect(valueOn(timeline, '2030-01-01')).toBe('revised');
  });

  it('judges a day before the first version by the first version', () => {
    expect(valueOn(timeline, '2021-03-29')).toBe('trial');
  });

  it('judges a day in a gap by the latest version that had started', () => {
    expect(valueOn(timeline, '2024-01-15')).toBe('main');
  });

  it('builds a one-version timeline with since()', () => {
    const rate = since('2020-10-28', 200, 'fen/period', cite);
    expect(inForceOn(rate, '2020-09-01')).toEqual({ value: 200, unit: 'fen/period', from: '2020-10-28', citation: cite });
  });
});
