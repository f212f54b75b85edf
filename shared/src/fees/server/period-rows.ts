import { type ActionContext, chunks, getAll, invalidState } from '../../cloud';
import type { ApplicationDoc, ClassGroup, HardshipDeclaration } from '../../index';
import { type BillingPeriod, type ChargeInput, computeCharge, formatCitation } from '../../policy';
import { isWithin } from '../../policy/core/calendar';
import {
  activeWindow,
  buildChargeInput,
  type ComputedAmounts,
  childSessions,
  hardshipOf,
  noticeLines,
  profileVersion,
  sameAmounts,
  scheduleForStage,
  type Window,
} from '../billing';
import type { AttendanceDoc, FeeNoticeDoc, NoticeFacts } from '../types';
import type { TermBilling } from './term-billing';

/** One child's bill for a period, computed from today's facts, beside the period's latest notice. */
export interface PeriodRow {
  app: ApplicationDoc;
  classGroup: ClassGroup;
  enrolled: Window | null;
  /** The engine's input (the student block holds the hardship kind: never returned to a client). */
  input: ChargeInput;
  amounts: ComputedAmounts;
  facts: NoticeFacts;
  /** The child's service days in the period with no attendance record yet. */
  unrecordedDates: string[];
  /** The latest notice of the period for this child (null: none yet). */
  latest: FeeNoticeDoc | null;
  state: 'new' | 'issued' | 'changed';
}

/**
 * Every child enrolled at some day of the period (or only the given applications), computed by the
 * policy engine from the published schedule of the child's stage and the days and items the family
 * chose, the class's recorded attendance, the private hardship declaration and the plan's fee
 * settings. Reads: applications, hardship declarations, the period's attendance (one document per
 * class and day) and the period's notices, each by school, term and period.
 */
export async function periodRows(
  ctx: ActionContext,
  billing: TermBilling & { publication: NonNullable<TermBilling['publication']> },
  period: BillingPeriod,
  only?: { applicationIds?: string[]; classIds?: string[] },
): Promise<PeriodRow[]> {
  const { school, term, publication } = billing;
  const appQuery = {
    schoolId: school._id,
    termId: term._id,
    ...(only?.applicationIds ? { _id: ctx._.in(only.applicationIds) } : {}),
    ...(only?.classIds ? { classId: ctx._.in(only.classIds) } : {}),
  };
  const apps = await getAll<ApplicationDoc>(ctx.collection('applications').where(appQuery));
  const enrolled = apps
    .map((app) => ({ app, window: activeWindow(app, term) }))
    .filter(({ window }) => !!window && window.from <= period.to && period.from <= window.to);
  if (enrolled.length === 0) return [];

  // For some applications only (a step of a job), read only theirs: their declarations, their classes' days, their notices.
  const appIds = only ? enrolled.map(({ app }) => app._id) : null;
  const classIds = only ? [...new Set(enrolled.map(({ app }) => app.classId))] : null;
  const byIds = async <T>(read: (ids: Record<string, unknown>) => Promise<T[]>) =>
    appIds ? (await Promise.all(chunks(appIds).map((ids) => read({ _id: ctx._.in(ids) })))).flat() : read({});
  const [hardships, attendance, notices] = await Promise.all([
    byIds((ids) => getAll<HardshipDeclaration>(ctx.collection('hardshipDeclarations').where({ schoolId: school._id, termId: term._id, ...ids }))),
    getAll<AttendanceDoc>(
      ctx.collection('attendance').where({
        schoolId: school._id,
        termId: term._id,
        date: ctx._.gte(period.from).lte(period.to),
        ...(classIds ? { classId: ctx._.in(classIds) } : {}),
      }),
    ),
    byIds((ids) =>
      getAll<FeeNoticeDoc>(
        ctx.collection('feeNotices').where({ schoolId: school._id, termId: term._id, periodKey: period.key, ...(ids._id ? { applicationId: ids._id } : {}) }),
      ),
    ),
  ]);
  const hardshipByApp = new Map(hardships.map((h) => [h._id, h]));
  const minutesByClass = new Map<string, Map<string, Map<string, number>>>();
  for (const day of attendance) {
    if (!minutesByClass.has(day.classId)) minutesByClass.set(day.classId, new Map());
    minutesByClass.get(day.classId)!.set(day.date, new Map(day.entries.map((e) => [e.studentId, e.attendedMinutes])));
  }
  const latestByApp = new Map(notices.filter((n) => !n.supersededBy).map((n) => [n.applicationId, n]));

  const rows: PeriodRow[] = [];
  for (const { app, window } of enrolled) {
    const classGroup = billing.classes.get(app.classId);
    if (!classGroup) continue;
    const schedule = scheduleForStage(publication.content, classGroup.stage);
    if (!schedule) throw invalidState(`公开的方案里没有${classGroup.name}所在学段的服务时间，无法计算费用`);
    const sessions = childSessions(schedule, term, period, app, publication.content.items);
    const days = minutesByClass.get(app.classId);
    const attended = new Map<string, number>();
    const unrecordedDates: string[] = [];
    for (const session of sessions) {
      const minutes = days?.get(session.date)?.get(app.studentId);
      if (minutes === undefined) {
        if (window && isWithin(session.date, window)) unrecordedDates.push(session.date);
      } else attended.set(session.date, minutes);
    }
    const input = buildChargeInput({
      profileId: school.profileId,
      stage: classGroup.stage,
      hardship: hardshipOf(hardshipByApp.get(app._id)),
      feeSettings: publication.content.feeSettings,
      planApproved: true,
      period,
      enrolled: window,
      sessions,
      attendance: attended,
    });
    const result = computeCharge(input);
    if (!result.ok) throw invalidState(`${result.violation.message}（${formatCitation(result.violation.citation)}）`);
    const amounts: ComputedAmounts = {
      grossFen: result.grossFen,
      chargeFen: result.chargeFen,
      exemptFen: result.exemptFen,
      governmentShareFen: result.governmentShareFen,
      lines: noticeLines(result.lines),
    };
    const latest = latestByApp.get(app._id) ?? null;
    rows.push({
      app,
      classGroup,
      enrolled: window,
      input,
      amounts,
      facts: factsOf(input, window),
      unrecordedDates,
      latest,
      state: !latest ? 'new' : sameAmounts(latest, amounts) ? 'issued' : 'changed',
    });
  }
  rows.sort((a, b) => a.classGroup.name.localeCompare(b.classGroup.name, 'zh') || a.app.studentName.localeCompare(b.app.studentName, 'zh'));
  return rows;
}

/** The facts a notice keeps (no hardship kind: only whether a waiver record exists). */
export function factsOf(input: ChargeInput, enrolled: Window | null): NoticeFacts {
  return {
    profileVersion: profileVersion(input.policy),
    stage: input.student.stage,
    enrolled,
    sessions: input.sessions.map((s) => ({ date: s.date, minutes: s.minutes, periods: s.periods, attendedMinutes: s.attendedMinutes ?? s.minutes })),
    school: {
      planApproved: input.school.planApproved,
      ...(input.school.termFeeFen === undefined ? {} : { termFeeFen: input.school.termFeeFen }),
      seniorMarkupPercent: input.school.seniorMarkupPercent,
    },
    waived: input.student.hardship !== 'none' || input.student.reductionPercent > 0,
  };
}
