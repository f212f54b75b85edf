import { filingDeadline, formatCitation, inForceOn, type PolicyProfile } from '../policy';
import { daysBetween } from './dates';
import type { FilingDeadlineInfo } from './types';

/** Days before the deadline from which the school is warned. */
export const DEADLINE_WARNING_DAYS = 3;

/**
 * The filing deadline of a term's plan and how it stands today (dates YYYY-MM-DD, China time).
 * yueyang 001 五2: within 10 working days after the term starts (computed by the policy engine).
 * `filedOn`: the day the plan was first submitted in this term, if it was.
 */
export function filingDeadlineInfo(profile: PolicyProfile, termStart: string, today: string, filedOn: string | null): FilingDeadlineInfo {
  const deadline = filingDeadline(profile, termStart);
  const timeline = profile.filing?.deadlineWorkingDaysAfterTermStart;
  const citation = timeline ? inForceOn(timeline, termStart).citation : undefined;
  if (!deadline) {
    return { deadline: null, state: 'none', daysLeft: null, message: '本地政策未规定备案期限。' };
  }
  const rule = citation ? `（${formatCitation(citation)}）` : '';
  const daysLeft = daysBetween(today, deadline);
  const base = { deadline, daysLeft, ...(citation ? { citation } : {}) };
  if (filedOn) {
    return filedOn <= deadline
      ? { ...base, state: 'filed', message: `已于 ${filedOn} 提交备案，在截止日期 ${deadline} 之前。` }
      : { ...base, state: 'filed-late', message: `已于 ${filedOn} 提交备案，晚于截止日期 ${deadline}。` };
  }
  if (daysLeft < 0) {
    return { ...base, state: 'past', message: `备案截止日期 ${deadline} 已过 ${-daysLeft} 天，请尽快提交备案${rule}。` };
  }
  if (daysLeft <= DEADLINE_WARNING_DAYS) {
    const when = daysLeft === 0 ? '就是今天' : `还有 ${daysLeft} 天`;
    return { ...base, state: 'near', message: `备案截止日期 ${deadline}，${when}，请及时提交${rule}。` };
  }
  return { ...base, state: 'open', message: `请在 ${deadline} 前提交备案${rule}。` };
}
