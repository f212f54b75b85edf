import { ENROLLED_STATUSES, type Term } from '@kehou/shared';
import { type ActionContext, getAll } from '@kehou/shared/cloud';
import type { PlanRecord, PlanVersion, PublicationRecord, ReportTermData } from '@kehou/shared/disclosure';
import { planIdOf } from './load';

export type TermRecord = ReportTermData & { term: Term };

/** Every term of the school, newest first, with its plan, filed versions, current publication and (for reports) enrolment. */
export async function termRecords(ctx: ActionContext, schoolId: string, withEnrolment: boolean): Promise<TermRecord[]> {
  const [terms, plans, publications] = await Promise.all([
    getAll<Term>(ctx.collection('terms').where({ schoolId })),
    getAll<PlanRecord>(ctx.collection('plans').where({ schoolId })),
    getAll<PublicationRecord>(ctx.collection('publications').where({ schoolId, current: true })),
  ]);
  const records: TermRecord[] = [];
  for (const term of terms.sort((a, b) => b.startDate.localeCompare(a.startDate))) {
    const planId = planIdOf(schoolId, term._id);
    const plan = plans.find((p) => p._id === planId) ?? null;
    const termVersions = plan?.submissions ? await getAll<PlanVersion>(ctx.collection('planVersions').where({ planId })) : [];
    records.push({
      term,
      plan,
      versions: termVersions.sort((a, b) => a.number - b.number),
      publication: publications.find((p) => p.termId === term._id) ?? null,
      enrolment: withEnrolment ? await enrolmentCounts(ctx, schoolId, term._id) : { total: 0, byItem: {} },
    });
  }
  return records;
}

/** Enrolled children of a term, in all and per service item. */
async function enrolmentCounts(ctx: ActionContext, schoolId: string, termId: string) {
  const applications = await getAll<{ itemIds?: unknown }>(
    ctx
      .collection('applications')
      .where({ schoolId, termId, status: ctx._.in([...ENROLLED_STATUSES]) })
      .field({ itemIds: true }),
  );
  const byItem: Record<string, number> = {};
  for (const a of applications) {
    for (const id of Array.isArray(a.itemIds) ? a.itemIds : []) byItem[String(id)] = (byItem[String(id)] ?? 0) + 1;
  }
  return { total: applications.length, byItem };
}
