import { coversWholePeriod, enrolledPartOfPeriod } from './enrolment';

const period = { from: '2020-09-01', to: '2021-01-22' };

describe('the enrolled part of a billing period', () => {
  it('is the whole period when no enrolment is given', () => {
    expect(enrolledPartOfPeriod({ period })).toEqual(period);
    expect(coversWholePeriod({ period })).toBe(true);
  });

  it('is the overlap of enrolment and period', () => {
    expect(enrolledPartOfPeriod({ period, enrolled: { from: '2020-08-20', to: '2020-10-09' } })).toEqual({ from: '2020-09-01', to: '2020-10-09' });
    expect(coversWholePeriod({ period, enrolled: { from: '2020-08-20', to: '2020-10-09' } })).toBe(false);
  });

  it('is null when they do not overlap', () => {
    expect(enrolledPartOfPeriod({ period, enrolled: { from: '2021-02-01', to: '2021-06-30' } })).toBeNull();
  });
});
