import { type JobDoc, jobViewOf } from '@kehou/shared';
import { advanceJob, implement, invalidState, loadJob, readPage, startJob } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import type { FeePreviewDoc, NoticePreview } from '@kehou/shared/fees';
import { formatCitation } from '@kehou/shared/policy';
import { previewNoticesStep } from '../jobs/preview-notices';
import { blockedOf, loadPeriod } from '../lib/notices';
import { issueIdOf, previewDigestOf, previewIdOf } from '../lib/preview';

/**
 * What issuing the period would write, child by child, with every line and clause: one page of
 * children (by class, by state), the totals and counts of all of them, the days still unrecorded
 * per class, and the digest issuing must send back. Computing it is a job (by class, a few
 * classes a step): `refresh` (the default, as the screen does when opened) computes it again from
 * today's facts and does the first step; the screen advances it (fees.advanceJob) until done and
 * then pages through it. Writes no notice. School admin only.
 */
export const previewNotices = implement(feesContract.actions.previewNotices, async (ctx, input): Promise<NoticePreview> => {
  const { billing, period } = await loadPeriod(ctx, input.schoolId, input.termId, input.periodKey);
  const scope = `${input.schoolId}:${input.termId}:${period.key}`;
  let job = await loadJob(ctx, previewIdOf(input.schoolId, input.termId, period.key));
  let view = job ? jobViewOf(job, ctx.now()) : null;
  // Computed again unless it is being computed, or issued from (the rows issuing reads stay as shown).
  const issuing = async () => (await loadJob(ctx, issueIdOf(input.schoolId, input.termId, period.key)))?.state === 'running';
  if (!job || (input.refresh && job.state !== 'running' && !(await issuing()))) {
    job = await startJob(
      ctx,
      {
        kind: 'preview-notices',
        scope,
        schoolId: input.schoolId,
        termId: input.termId,
        total: billing.classes.size,
        params: { periodKey: period.key },
        summary: `计算${period.label}收费预览`,
      },
      { restart: true },
    );
    view = await advanceJob(ctx, job, previewNoticesStep);
  } else if (job.state === 'running' && input.refresh) view = await advanceJob(ctx, job, previewNoticesStep);
  const current = job as JobDoc;
  const jobView = view ?? jobViewOf(current, ctx.now());
  // Computing it failed (the plan has no schedule for a class's stage…): said as the preview's own error.
  if (jobView.state === 'failed') throw invalidState(jobView.error ?? '收费预览没有算完，请稍后重试');
  const ready = jobView.state === 'done';
  const figure = (key: string) => jobView.result[key] ?? 0;

  const base = {
    schoolId: input.schoolId,
    termId: input.termId,
    periodKey: period.key,
    periodLabel: period.label,
    period: { from: period.from, to: period.to },
    profileId: billing.school.profileId,
    citation: formatCitation(period.citation),
    job: jobView,
    children: figure('children'),
    classes: [...billing.classes.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh')).map((c) => ({ classId: c._id, className: c.name })),
    counts: { new: figure('new'), issued: figure('issued'), changed: figure('changed') },
    totals: { grossFen: figure('grossFen'), chargeFen: figure('chargeFen'), exemptFen: figure('exemptFen'), governmentShareFen: figure('governmentShareFen') },
  };
  if (!ready)
    return { ...base, computedAt: null, rows: [], total: 0, nextSkip: null, unrecorded: [], blocked: '收费预览还在计算中，算完后才能发出', digest: '' };

  const run = { previewId: current._id, run: current.startedAt };
  const previews = ctx.collection('feePreviews');
  const [page, classes] = await Promise.all([
    readPage<FeePreviewDoc>(
      previews,
      { ...run, kind: 'row', ...(input.classId ? { classId: input.classId } : {}), ...(input.state ? { state: input.state } : {}) },
      [['sortKey', 'asc']],
      input,
    ),
    previews
      .where({ ...run, kind: 'class' })
      .orderBy('sortKey', 'asc')
      .limit(100)
      .get(),
  ]);
  return {
    ...base,
    computedAt: current.startedAt,
    rows: page.rows.flatMap((d) => (d.kind === 'row' ? [d.row] : [])),
    total: page.total,
    nextSkip: page.nextSkip,
    unrecorded: (classes.data as FeePreviewDoc[]).flatMap((d) =>
      d.kind === 'class' ? [{ classId: d.classId, className: d.className, dates: d.unrecordedDates }] : [],
    ),
    blocked: blockedOf(ctx, period, figure('unrecordedRows') === 0),
    digest: previewDigestOf(current),
  };
});
