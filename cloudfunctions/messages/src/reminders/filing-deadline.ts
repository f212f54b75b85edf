import { reminderMessage, type School, type Term } from '@kehou/shared';
import { chinaDate, filingDeadlineInfo, type PlanRecord } from '@kehou/shared/disclosure';
import { getProfile } from '@kehou/shared/policy';
import { pageAfter, type ReminderKind } from './kinds';
import { adminsOf } from './people';

/** Days after a missed filing deadline the school is still reminded. */
const PAST_DAYS = 14;

/**
 * 备案期限: the current term's plan is not filed and the profile's deadline is near or just past
 * (yueyang 001 五2: within 10 working days after the term starts, computed by the policy engine;
 * warned from DEADLINE_WARNING_DAYS before): the school's admins are reminded each day.
 */
export const filingDeadline: ReminderKind = {
  key: 'filing-deadline',
  async step(ctx, today, cursor) {
    const _ = ctx._;
    const { docs: terms, next } = await pageAfter<Term>(ctx, 'terms', { current: true }, cursor);
    if (!terms.length) return next;
    const schoolIds = [...new Set(terms.map((t) => t.schoolId))];
    const schools = new Map(
      (
        (
          await ctx
            .collection('schools')
            .where({ _id: _.in(schoolIds) })
            .limit(100)
            .get()
        ).data as School[]
      ).map((s) => [s._id, s]),
    );
    const planIds = terms.map((t) => `${t.schoolId}:${t._id}`);
    const plans = new Map(
      (
        (
          await ctx
            .collection('plans')
            .where({ _id: _.in(planIds) })
            .limit(100)
            .get()
        ).data as PlanRecord[]
      ).map((p) => [p._id, p]),
    );
    const reminders: { term: Term; school: School; message: string; deadline: string }[] = [];
    for (const term of terms) {
      const school = schools.get(term.schoolId);
      const profile = school ? getProfile(school.profileId) : undefined;
      if (!school || !profile) continue;
      const plan = plans.get(`${term.schoolId}:${term._id}`);
      const filedOn = plan?.firstSubmittedAt ? chinaDate(new Date(plan.firstSubmittedAt)) : null;
      const info = filingDeadlineInfo(profile, term.startDate, today, filedOn);
      if (!info.deadline || info.daysLeft === null) continue;
      if (info.state === 'near' || (info.state === 'past' && -info.daysLeft <= PAST_DAYS)) {
        const message = info.state === 'near' ? (info.daysLeft === 0 ? '今天是备案截止日' : `还有${info.daysLeft}天截止`) : `已过截止日期${-info.daysLeft}天`;
        reminders.push({ term, school, message, deadline: info.deadline });
      }
    }
    const admins = await adminsOf(
      ctx,
      reminders.map((r) => r.school._id),
    );
    for (const { term, school, message, deadline } of reminders) {
      for (const touser of admins.get(school._id) ?? []) {
        await ctx.notify(
          reminderMessage({
            touser,
            subject: '课后服务方案待备案',
            about: school.name,
            note: `${message}，请提交备案`,
            due: deadline,
            page: `school/plan/index?schoolId=${encodeURIComponent(school._id)}&termId=${encodeURIComponent(term._id)}`,
          }),
          { thing: `filing:${term._id}` },
        );
      }
    }
    return next;
  },
};
