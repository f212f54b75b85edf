import { earlierOf, laterOf } from '../core/calendar';
import type { ChargeInput, DateWindow } from '../schemas';

/** The part of the billing period the student was enrolled in, or null if none. */
export function enrolledPartOfPeriod(input: Pick<ChargeInput, 'period' | 'enrolled'>): DateWindow | null {
  const enrolled = input.enrolled ?? input.period;
  const from = laterOf(enrolled.from, input.period.from);
  const to = earlierOf(enrolled.to, input.period.to);
  return from <= to ? { from, to } : null;
}

export function coversWholePeriod(input: Pick<ChargeInput, 'period' | 'enrolled'>): boolean {
  const window = enrolledPartOfPeriod(input);
  return window !== null && window.from === input.period.from && window.to === input.period.to;
}
