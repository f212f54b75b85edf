import { reminderMessage, type School } from '@kehou/shared';
import { daysBetween, reportDuties } from '@kehou/shared/disclosure';
import { getProfile } from '@kehou/shared/policy';
import { pageAfter, REPORT_REMINDER_DAYS, type ReminderKind } from './kinds';
import { adminsOf } from './people';

/**
 * 报告到期: a report the profile requires (yueyang 001 六5: half-year reports due 30 June and
 * 31 December) is due in 7, 3 or 1 days, or today: the school's admins are reminded.
 */
export const reportsDue: ReminderKind = {
  key: 'report-due',
  async step(ctx, today, cursor) {
    const { docs: schools, next } = await pageAfter<School>(ctx, 'schools', {}, cursor);
    const due: { school: School; label: string; date: string; periodLabel: string; key: string; days: number }[] = [];
    for (const school of schools) {
      const profile = getProfile(school.profileId);
      if (!profile) continue;
      for (const duty of reportDuties(profile, today)) {
        const days = daysBetween(today, duty.due);
        if (REPORT_REMINDER_DAYS.includes(days)) due.push({ school, label: duty.label, date: duty.due, periodLabel: duty.periodLabel, key: duty.key, days });
      }
    }
    const admins = await adminsOf(
      ctx,
      due.map((d) => d.school._id),
    );
    for (const d of due) {
      for (const touser of admins.get(d.school._id) ?? []) {
        await ctx.notify(
          reminderMessage({
            touser,
            subject: `${d.label}${d.days === 0 ? '今天到期' : `${d.days}天后到期`}`,
            about: d.school.name,
            note: d.periodLabel,
            due: d.date,
            page: `school/reports/index?schoolId=${encodeURIComponent(d.school._id)}`,
          }),
          { thing: `report:${d.key}:${d.date}` },
        );
      }
    }
    return next;
  },
};
