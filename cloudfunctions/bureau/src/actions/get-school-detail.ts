import { FEEDBACK_TOPICS, type FeedbackTopic } from '@kehou/shared';
import type { BureauSchoolDetail, SchoolSummaryDoc } from '@kehou/shared/bureau';
import { clubRosters, refreshSchoolSummary, summaryIdOf } from '@kehou/shared/bureau/server';
import { findById, getAll, implement } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import type { PlanRecord } from '@kehou/shared/disclosure';
import { notesOf } from '../lib/notes';
import { rowOf } from '../lib/rows';

/**
 * The lists behind one school's row: its clubs' places and waiting lists, its feedback by topic,
 * its inspection notes. Counts only: no child, no family, no feedback text.
 */
export const getSchoolDetail = implement(bureauContract.actions.getSchoolDetail, async (ctx, _input, { doc: school }) => {
  const summary = (await findById<SchoolSummaryDoc>(ctx, 'schoolSummaries', summaryIdOf(school._id))) ?? (await refreshSchoolSummary(ctx, school._id))!;
  const [rosters, plan, feedback, notes] = await Promise.all([
    summary.termId ? clubRosters(ctx, school._id, summary.termId) : Promise.resolve([]),
    summary.termId ? findById<PlanRecord>(ctx, 'plans', `${school._id}:${summary.termId}`) : Promise.resolve(null),
    getAll<{ topic: FeedbackTopic; status: string }>(ctx.collection('feedback').where({ schoolId: school._id }).field({ topic: true, status: true })),
    notesOf(ctx, school._id),
  ]);
  const names = new Map((plan?.content.items ?? []).map((i) => [i.id, i.name]));
  const detail: BureauSchoolDetail = {
    summary: rowOf(summary),
    clubs: rosters.map((r) => ({ name: names.get(r.itemId) ?? r.itemId, capacity: r.capacity, taken: r.seats.length, waiting: r.waiting.length })),
    feedbackByTopic: (Object.keys(FEEDBACK_TOPICS) as FeedbackTopic[])
      .map((topic) => ({
        topic,
        label: FEEDBACK_TOPICS[topic],
        open: feedback.filter((f) => f.topic === topic && f.status === 'open').length,
        total: feedback.filter((f) => f.topic === topic).length,
      }))
      .filter((t) => t.total > 0),
    classes: [],
    notes,
  };
  return detail;
});
