import { type JobDoc, jobIdOf, sha256 } from '@kehou/shared';
import { type ActionContext, getAll } from '@kehou/shared/cloud';
import type { FeePreviewDoc, PreviewRow } from '@kehou/shared/fees';

/** The preview job of a period (one per school, term and period; computed again on request). */
export const previewIdOf = (schoolId: string, termId: string, periodKey: string) => jobIdOf('preview-notices', `${schoolId}:${termId}:${periodKey}`);

/** The issuing job of a period. */
export const issueIdOf = (schoolId: string, termId: string, periodKey: string) => jobIdOf('issue-notices', `${schoolId}:${termId}:${periodKey}`);

/** What the screen sends back to issue or correct: names one computed preview (the job and the start of its run). */
export const previewDigestOf = (job: Pick<JobDoc, '_id' | 'startedAt'>) => sha256(`${job._id}@${job.startedAt}`);

/** A preview document's id: the run in it, so a run computed again never meets the rows of the last one. */
export const previewDocIdOf = (job: Pick<JobDoc, '_id' | 'startedAt'>, key: string) => `${job._id}@${job.startedAt}:${key}`;

/** The figures a preview step adds up (job result keys). */
export const PREVIEW_FIGURES = ['children', 'new', 'issued', 'changed', 'grossFen', 'chargeFen', 'exemptFen', 'governmentShareFen', 'unrecordedRows'] as const;

/** The rows of a run in one state (corrections read the few `changed` ones). */
export async function previewRowsIn(ctx: ActionContext, preview: JobDoc, state: PreviewRow['state']): Promise<PreviewRow[]> {
  const docs = await getAll<FeePreviewDoc>(ctx.collection('feePreviews').where({ previewId: preview._id, run: preview.startedAt, kind: 'row', state }));
  return docs.flatMap((d) => (d.kind === 'row' ? [d.row] : []));
}
