import { type ClassGroup, type Publication, type School, type Term, uncollectedChildMessage } from '@kehou/shared';
import { type ActionContext, AppError, asData, getAll, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { confirmedGuardians } from '@kehou/shared/enrollment/server';
import { isServiceDay } from '@kehou/shared/fees';
import {
  addMinutes,
  chinaNow,
  endOfService,
  type GateCheckDoc,
  gateCheckIdOf,
  type HandoverDoc,
  handoverIdOf,
  isPastFlagTime,
  settingsOf,
  type TimerReport,
} from '@kehou/shared/serviceday';
import { loadClassDay } from './class-day';

/** Classes checked in one run of the timer (about 10 round trips each); the next run takes the rest. */
export const CLASSES_PER_RUN = 20;

/**
 * The timer (config.json, every 5 minutes): once the end of a class's service plus the school's
 * margin has passed today, every child expected that day who is neither on leave nor handed over
 * nor gone home alone is flagged (their record says still waiting), their guardians are messaged,
 * and the class teacher is told how many. Each class is checked once a day (`gateChecks`
 * `${classId}:${date}`, written with the flags in one transaction), so a run that is cut short or
 * runs twice never flags twice; the check says `notified` only once the messages are queued, so a
 * run killed in between has the next one queue them (the queue keeps one per person, child and
 * day, so none goes twice). Each run is bounded and the next one continues.
 */
export async function flagUncollected(ctx: ActionContext): Promise<TimerReport> {
  const now = ctx.now();
  const { date } = chinaNow(now);
  const report: TimerReport = { checkedClasses: 0, flagged: 0, messaged: 0, remaining: 0 };
  const terms = await getAll<Term>(ctx.collection('terms').where({ startDate: ctx._.lte(date), endDate: ctx._.gte(date) }));
  if (terms.length === 0) return report;
  const [schools, publications] = await Promise.all([
    getAll<School>(ctx.collection('schools').where({ _id: ctx._.in([...new Set(terms.map((t) => t.schoolId))]) })),
    getAll<Publication>(
      ctx
        .collection('publications')
        .where({ termId: ctx._.in(terms.map((t) => t._id)), current: true })
        .field({ content: true, schoolId: true, termId: true }),
    ),
  ]);
  // The stages of each school whose flag time has passed today.
  const dueStages = new Map<string, Set<string>>();
  for (const school of schools) {
    const term = terms.find((t) => t.schoolId === school._id);
    const publication = publications.find((p) => p.schoolId === school._id && p.termId === term?._id);
    if (!term || !publication) continue;
    const margin = settingsOf(school).pickupMarginMinutes;
    const stages = publication.content.schedules
      .filter((s) => isServiceDay(s, term, date) && isPastFlagTime(addMinutes(endOfService(s, date), margin), date, now))
      .map((s) => s.stage as string);
    if (stages.length) dueStages.set(school._id, new Set(stages));
  }
  if (dueStages.size === 0) return report;
  // A school whose classes of those stages are all checked and told today is skipped unread.
  const sweeps = await getAll<GateCheckDoc>(ctx.collection('gateChecks').where({ date, sweep: true }).field({ schoolId: true, stages: true }));
  const swept = new Map(sweeps.map((d) => [d.schoolId, new Set(d.stages ?? [])]));
  const schoolIds = [...dueStages.entries()].filter(([id, stages]) => [...stages].some((stage) => !swept.get(id)?.has(stage))).map(([id]) => id);
  schoolIds.sort();
  let budget = CLASSES_PER_RUN;
  for (const [i, schoolId] of schoolIds.entries()) {
    if (budget === 0 || i === SCHOOLS_PER_RUN) {
      report.schoolsLeft = schoolIds.length - i;
      break;
    }
    const stages = dueStages.get(schoolId) ?? new Set<string>();
    const due = await classesToCheck(ctx, schoolId, stages, date);
    const batch = due.slice(0, budget);
    for (const { classGroup, checkedBefore } of batch) await checkAndTell(ctx, classGroup, checkedBefore, date, report);
    budget -= batch.length;
    report.remaining += due.length - batch.length;
    if (batch.length === due.length) {
      const sweep: Omit<GateCheckDoc, '_id'> = { schoolId, classId: '', date, flagged: 0, at: isoNow(ctx), sweep: true, stages: [...stages] };
      await ctx
        .collection('gateChecks')
        .doc(sweepIdOf(schoolId, date))
        .set({ data: asData(sweep) });
    }
  }
  return report;
}

/** Schools read in one run (two round trips each); the next run takes the rest. */
export const SCHOOLS_PER_RUN = 20;

/** The school's record that its classes of `stages` are all checked and told that day. */
const sweepIdOf = (schoolId: string, date: string) => `sweep:${schoolId}:${date}`;

/** The school's classes of the due stages not yet checked and told today, in id order. */
async function classesToCheck(ctx: ActionContext, schoolId: string, stages: Set<string>, date: string) {
  const [classes, done] = await Promise.all([
    getAll<ClassGroup>(ctx.collection('classes').where({ schoolId })),
    getAll<GateCheckDoc>(ctx.collection('gateChecks').where({ date, schoolId }).field({ classId: true, notified: true, sweep: true })),
  ]);
  const checked = new Map(done.filter((d) => !d.sweep).map((d) => [d.classId, d.notified !== false]));
  return classes
    .filter((c) => stages.has(c.stage) && checked.get(c._id) !== true)
    .sort((a, b) => a._id.localeCompare(b._id))
    .map((classGroup) => ({ classGroup, checkedBefore: checked.has(classGroup._id) }));
}

/** Checks one class (or takes the children a killed run flagged), queues the messages, then marks it told. */
async function checkAndTell(ctx: ActionContext, classGroup: ClassGroup, checkedBefore: boolean, date: string, report: TimerReport) {
  const flagged = checkedBefore ? await flaggedEarlier(ctx, classGroup, date) : await checkClass(ctx, classGroup, date);
  report.checkedClasses += 1;
  if (!flagged?.length) return;
  report.flagged += flagged.length;
  report.messaged += await messageAbout(ctx, classGroup, flagged, ctx.now());
  // Queued class by class: a run killed after this class has its messages already on their way.
  await ctx.flushMessages();
  await ctx
    .collection('gateChecks')
    .doc(gateCheckIdOf(classGroup._id, date))
    .update({ data: { notified: true } });
}

/** The children a check flagged whose messages a killed run never queued. */
async function flaggedEarlier(ctx: ActionContext, classGroup: ClassGroup, date: string): Promise<HandoverDoc[]> {
  return getAll<HandoverDoc>(ctx.collection('handovers').where({ classId: classGroup._id, date, flagged: true }));
}

/** Not a service day of this class (outside the term, no plan for its stage, a day off): nothing to check. */
const isNoServiceDay = (error: unknown) => error instanceof AppError && error.code === 'INVALID_STATE';

/** Flags the class's children still waiting and marks the class checked, in one transaction; null: checked before. */
async function checkClass(ctx: ActionContext, classGroup: ClassGroup, date: string): Promise<HandoverDoc[] | null> {
  let day: Awaited<ReturnType<typeof loadClassDay>> | null = null;
  try {
    day = await loadClassDay(ctx, classGroup, date);
  } catch (error) {
    // Anything else (a database timeout) must not mark the class 全部已交接: the next run checks it.
    if (!isNoServiceDay(error)) throw error;
  }
  const at = isoNow(ctx);
  const waiting = day
    ? day.children.filter((app) => {
        const handover = day!.handovers.get(app.studentId);
        if (!handover) return !day!.leaves.has(app.studentId);
        return handover.kind === 'waiting' && !handover.flagged;
      })
    : [];
  return writeAudited(ctx, async (t) => {
    const checkId = gateCheckIdOf(classGroup._id, date);
    if (await txGet(t, 'gateChecks', checkId)) return { result: null, note: null };
    const flagged: HandoverDoc[] = [];
    for (const app of waiting) {
      const id = handoverIdOf(app.studentId, date);
      const current = await txGet<HandoverDoc>(t, 'handovers', id);
      if (current && (current.kind !== 'waiting' || current.flagged)) continue;
      const doc: HandoverDoc = current
        ? { ...current, flagged: true, flaggedAt: at }
        : {
            _id: id,
            studentId: app.studentId,
            studentName: app.studentName,
            schoolId: classGroup.schoolId,
            classId: classGroup._id,
            className: classGroup.name,
            termId: day!.term._id,
            date,
            kind: 'waiting',
            picker: null,
            at,
            by: '',
            byName: '系统（放学后未交接）',
            flagged: true,
            flaggedAt: at,
            revision: 1,
          };
      const { _id, ...data } = doc;
      await t
        .collection('handovers')
        .doc(id)
        .set({ data: asData(data) });
      flagged.push(doc);
    }
    const check: Omit<GateCheckDoc, '_id'> = {
      schoolId: classGroup.schoolId,
      classId: classGroup._id,
      date,
      flagged: flagged.length,
      at,
      notified: flagged.length === 0,
    };
    await t
      .collection('gateChecks')
      .doc(checkId)
      .set({ data: asData(check) });
    const names = flagged.map((f) => f.studentName).join('、');
    return {
      result: flagged,
      note: {
        targets: [{ collection: 'gateChecks' as const, id: checkId }, ...flagged.map((f) => ({ collection: 'handovers' as const, id: f._id }))],
        summary: `${classGroup.name} ${date} 放学交接检查：${flagged.length ? `${flagged.length} 人仍未交接（${names}）` : '全部已交接'}`,
      },
    };
  });
}

/** Each guardian of each child flagged, and the class teacher once (queued; the messages function sends them against consents). */
async function messageAbout(ctx: ActionContext, classGroup: ClassGroup, flagged: HandoverDoc[], now: Date): Promise<number> {
  let sent = 0;
  for (const child of flagged) {
    for (const guardian of await confirmedGuardians(ctx, child.studentId)) {
      const ok = await ctx.notify(
        uncollectedChildMessage({
          touser: guardian.openid,
          childName: child.studentName,
          note: '课后服务已结束，孩子仍在学校等候接送',
          at: now,
          page: `parent/serviceday/index?studentId=${encodeURIComponent(child.studentId)}`,
        }),
        { thing: `uncollected:${child.studentId}:${child.date}` },
      );
      if (ok) sent += 1;
    }
  }
  if (classGroup.teacherOpenid) {
    const ok = await ctx.notify(
      uncollectedChildMessage({
        touser: classGroup.teacherOpenid,
        childName: classGroup.name,
        note: `${flagged.length} 名学生放学后仍未交接`,
        at: now,
        page: `teacher/gate/index?classId=${encodeURIComponent(classGroup._id)}`,
      }),
      { thing: `uncollected:${classGroup._id}:${flagged[0].date}` },
    );
    if (ok) sent += 1;
  }
  return sent;
}
