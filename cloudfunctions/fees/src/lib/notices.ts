import { AppError, findById, getAll, invalidState, type ActionContext } from '@kehou/shared/cloud';
import type { ApplicationDoc, ClassGroup, HardshipDeclaration, Publication, School, ServicePlan, Term } from '@kehou/shared';
import { assertChargeable, isChargeable } from '@kehou/shared/disclosure';
import {
  activeWindow,
  billingPeriodProblem,
  buildChargeInput,
  hardshipOf,
  noticeIdOf,
  noticeLines,
  scheduleForStage,
  scheduledSessions,
  unrecordedDays,
  type AttendanceDoc,
  type FeeNoticeDoc,
  type PreviewRow,
  type Window,
} from '@kehou/shared/fees';
import { computeCharge, formatCitation, getProfile } from '@kehou/shared/policy';

export interface SchoolTerm {
  school: School;
  term: Term;
}

/** The school and one of its terms (a term of another school reads as missing). */
export async function schoolTerm(ctx: ActionContext, schoolId: string, termId: string): Promise<SchoolTerm> {
  const school = await findById<School>(ctx, 'schools', schoolId);
  if (!school) throw new AppError('NOT_FOUND', '学校不存在');
  const term = await findById<Term>(ctx, 'terms', termId);
  if (!term || term.schoolId !== schoolId) throw new AppError('NOT_FOUND', '学期不存在');
  return { school, term };
}

/** Where the service is free for families (xxcity 003): said plainly, nothing is ever issued. */
export function refuseIfFree(school: School): void {
  const model = getProfile(school.profileId).fees.model;
  if (model.kind === 'free') {
    throw new AppError(
      'POLICY_VIOLATION',
      `本地课后服务由政府保障经费，对家长免费，不收取任何费用，因此不发收费通知（${formatCitation(model.citation)}）。`,
      { citation: model.citation },
    );
  }
}

export interface ComputedNotice {
  app: ApplicationDoc;
  classGroup: ClassGroup;
  row: PreviewRow;
}

/**
 * For every child enrolled in the period (active at some day of it): the engine's charge from the
 * published plan's schedule for the child's stage, the attendance, the private hardship
 * declaration and the plan's fee settings. Refuses for a free service, a term that may not be
 * charged (assertChargeable) and a period the profile does not bill by.
 */
export async function computeNotices(ctx: ActionContext, schoolId: string, termId: string, period: Window): Promise<{ rows: ComputedNotice[]; school: School; term: Term }> {
  ctx.caller.requireAdminOf(schoolId);
  const { school, term } = await schoolTerm(ctx, schoolId, termId);
  refuseIfFree(school);
  const plan = await findById<ServicePlan>(ctx, 'plans', `${schoolId}:${termId}`);
  assertChargeable(plan);
  const problem = billingPeriodProblem(school.profileId, term, period);
  if (problem) throw invalidState(problem);
  const publication = (await getAll<Publication>(ctx.collection('publications').where({ schoolId, termId, current: true })))[0];
  if (!publication) throw invalidState('本学期的方案还没有公开，收费标准公示前不得收费');

  const classes = new Map(
    (await getAll<ClassGroup>(ctx.collection('classes').where({ schoolId }))).map((c) => [c._id, c] as const),
  );
  const apps = await getAll<ApplicationDoc>(ctx.collection('applications').where({ schoolId, termId }));
  const enrolled = apps
    .map((app) => ({ app, window: activeWindow(app, term) }))
    .filter((x): x is { app: ApplicationDoc; window: Window } => !!x.window && x.window.from <= period.to && period.from <= x.window.to);
  if (enrolled.length === 0) return { rows: [], school, term };

  const hardships = new Map(
    (await getAll<HardshipDeclaration>(ctx.collection('hardshipDeclarations').where({ schoolId, termId }))).map((h) => [h._id, h] as const),
  );
  const attendance = await getAll<AttendanceDoc>(
    ctx.collection('attendance').where({ schoolId, termId, date: ctx._.gte(period.from).lte(period.to) }),
  );
  const byStudent = new Map<string, Map<string, number>>();
  for (const record of attendance) {
    if (!byStudent.has(record.studentId)) byStudent.set(record.studentId, new Map());
    byStudent.get(record.studentId)!.set(record.date, record.attendedMinutes);
  }
  const existing = new Set(
    (await getAll<FeeNoticeDoc>(ctx.collection('feeNotices').where({ schoolId, termId, 'period.from': period.from, 'period.to': period.to }))).map((n) => n._id),
  );

  const rows: ComputedNotice[] = [];
  for (const { app, window } of enrolled) {
    const classGroup = classes.get(app.classId);
    if (!classGroup) continue;
    const schedule = scheduleForStage(publication.content, classGroup.stage);
    if (!schedule) throw invalidState(`公开的方案里没有${classGroup.name}所在学段的服务时间，无法计算费用`);
    const sessions = scheduledSessions(schedule, term, period);
    const childAttendance = byStudent.get(app.studentId) ?? new Map<string, number>();
    const input = buildChargeInput({
      profileId: school.profileId,
      stage: classGroup.stage,
      hardship: hardshipOf(hardships.get(app._id)),
      feeSettings: publication.content.feeSettings,
      planApproved: isChargeable(plan),
      period,
      enrolled: window,
      sessions,
      attendance: childAttendance,
    });
    const result = computeCharge(input);
    if (!result.ok) {
      throw new AppError('POLICY_VIOLATION', `${result.violation.message}（${formatCitation(result.violation.citation)}）`, { citation: result.violation.citation });
    }
    rows.push({
      app,
      classGroup,
      row: {
        applicationId: app._id,
        studentName: app.studentName,
        className: classGroup.name,
        enrolled: window,
        grossFen: result.grossFen,
        chargeFen: result.chargeFen,
        exemptFen: result.exemptFen,
        governmentShareFen: result.governmentShareFen,
        lines: noticeLines(result.lines),
        unrecordedDays: unrecordedDays(sessions, childAttendance, window),
        issued: existing.has(noticeIdOf(app._id, period)),
      },
    });
  }
  rows.sort((a, b) => a.row.className.localeCompare(b.row.className, 'zh') || a.row.studentName.localeCompare(b.row.studentName, 'zh'));
  return { rows, school, term };
}

export function totalsOf(rows: Pick<PreviewRow, 'grossFen' | 'chargeFen' | 'exemptFen' | 'governmentShareFen'>[]) {
  return rows.reduce(
    (t, r) => ({
      grossFen: t.grossFen + r.grossFen,
      chargeFen: t.chargeFen + r.chargeFen,
      exemptFen: t.exemptFen + r.exemptFen,
      governmentShareFen: t.governmentShareFen + r.governmentShareFen,
    }),
    { grossFen: 0, chargeFen: 0, exemptFen: 0, governmentShareFen: 0 },
  );
}

/** The refund method a parent may apply under (suifenhe 三(五)3(2)); null where the profile has none for notices. */
export function refundMethodOf(profileId: School['profileId']): string | null {
  const refunds = getProfile(profileId).refunds;
  if (refunds.kind !== 'monthly-by-attendance') return null;
  const rule = refunds.halfRefundMaxAttendedPercent[0];
  return `${rule.citation.quote ?? ''}（${formatCitation(rule.citation)}）`;
}
