import { chunks, type JobStep } from '@kehou/shared/cloud';
import type { FeePreviewDoc } from '@kehou/shared/fees';
import { periodRows } from '@kehou/shared/fees/server';
import { loadPeriod, previewRowOf } from '../lib/notices';
import { previewDocIdOf } from '../lib/preview';

/** Classes computed per step (a class of 50: its applications, declarations, days and notices in a few reads each). */
export const PREVIEW_CLASSES = 4;

export interface PreviewNoticesParams {
  periodKey: string;
}

const pad = (n: number) => String(n).padStart(5, '0');

/**
 * One step of computing a period's preview: the next classes of the school (by id, after the
 * cursor) computed exactly as issuing computes them, each child's row and each class's days
 * without attendance written under this run, and the figures added to the job's result. The first
 * step removes the rows of earlier runs. A batch redone after a kill finds the rows it wrote and
 * adds only the rest; its figures are added once, with the cursor.
 */
export const previewNoticesStep: JobStep = async (ctx, job) => {
  const { periodKey } = job.params as unknown as PreviewNoticesParams;
  const previews = ctx.collection('feePreviews');
  if (job.cursor === null) await previews.where({ previewId: job._id, run: ctx._.neq(job.startedAt) }).remove();

  const { billing, period } = await loadPeriod(ctx, job.schoolId, job.termId ?? '', periodKey);
  const byId = [...billing.classes.values()].sort((a, b) => (a._id < b._id ? -1 : 1));
  const byName = new Map([...billing.classes.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh')).map((c, i) => [c._id, i]));
  const after = byId.filter((c) => c._id > (job.cursor ?? ''));
  const batch = after.slice(0, PREVIEW_CLASSES);
  const rows = batch.length ? await periodRows(ctx, billing, period, { classIds: batch.map((c) => c._id) }) : [];

  const docs: FeePreviewDoc[] = [];
  const place = new Map<string, number>();
  for (const row of rows) {
    const classId = row.classGroup._id;
    const n = place.get(classId) ?? 0;
    place.set(classId, n + 1);
    const preview = previewRowOf(row);
    docs.push({
      _id: previewDocIdOf(job, row.app._id),
      previewId: job._id,
      run: job.startedAt,
      kind: 'row',
      classId,
      state: preview.state,
      sortKey: `${pad(byName.get(classId) ?? 0)}:${pad(n)}`,
      row: preview,
    });
  }
  for (const group of batch) {
    const dates = [...new Set(rows.filter((r) => r.classGroup._id === group._id).flatMap((r) => r.unrecordedDates))].sort();
    if (dates.length)
      docs.push({
        _id: previewDocIdOf(job, `class:${group._id}`),
        previewId: job._id,
        run: job.startedAt,
        kind: 'class',
        classId: group._id,
        className: group.name,
        sortKey: pad(byName.get(group._id) ?? 0),
        unrecordedDates: dates,
      });
  }
  for (const part of chunks(docs)) {
    const ids = part.map((d) => d._id);
    const { data } = await previews
      .where({ _id: ctx._.in(ids) })
      .field({ _id: true })
      .limit(ids.length)
      .get();
    const written = new Set((data as { _id: string }[]).map((d) => d._id));
    const fresh = part.filter((d) => !written.has(d._id));
    if (fresh.length) await previews.add({ data: fresh as never });
  }

  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + f(r), 0);
  return {
    cursor: batch.at(-1)?._id ?? job.cursor,
    done: batch.length,
    total: byId.length,
    add: {
      children: rows.length,
      new: sum((r) => (r.state === 'new' ? 1 : 0)),
      issued: sum((r) => (r.state === 'issued' ? 1 : 0)),
      changed: sum((r) => (r.state === 'changed' ? 1 : 0)),
      grossFen: sum((r) => r.amounts.grossFen),
      chargeFen: sum((r) => r.amounts.chargeFen),
      exemptFen: sum((r) => r.amounts.exemptFen),
      governmentShareFen: sum((r) => r.amounts.governmentShareFen),
      unrecordedRows: sum((r) => (r.unrecordedDates.length ? 1 : 0)),
    },
    finished: after.length <= PREVIEW_CLASSES,
  };
};
