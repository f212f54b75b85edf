import { createHash } from 'node:crypto';
import type { SupervisionNoteDoc } from '@kehou/shared/bureau';
import { touchSchoolSummary } from '@kehou/shared/bureau/server';
import { AppError, addAudited, chinaToday, findById, implement, isoNow } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import { toNoteView } from '../lib/notes';

/** A reviewer records an inspection of a school (000 §四(六) 督导检查): date, findings, what must follow. Once per form (request id). */
export const recordInspection = implement(bureauContract.actions.recordInspection, async (ctx, input, { doc: school }) => {
  if (input.date > chinaToday(ctx)) throw new AppError('INVALID_INPUT', '督导日期不能晚于今天');
  const note: SupervisionNoteDoc = {
    _id: `sup-${createHash('sha256').update(`${school._id}:${ctx.caller.openid}:${input.requestId}`).digest('hex').slice(0, 32)}`,
    schoolId: school._id,
    bureauId: school.bureauId,
    date: input.date,
    findings: input.findings,
    followUp: input.followUp,
    byName: ctx.caller.user?.name ?? '教育局',
    recordedAt: isoNow(ctx),
    answers: [],
  };
  if (!(await addAudited(ctx, 'supervisionNotes', note, `记录督导检查（${input.date}）`))) {
    return toNoteView((await findById<SupervisionNoteDoc>(ctx, 'supervisionNotes', note._id))!);
  }
  await touchSchoolSummary(ctx, school._id, ['supervision']);
  return toNoteView(note);
});
