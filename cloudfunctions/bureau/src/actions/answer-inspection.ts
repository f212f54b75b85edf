import type { SupervisionNoteDoc } from '@kehou/shared/bureau';
import { touchSchoolSummary } from '@kehou/shared/bureau/server';
import { AppError, findById, implement, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import { toNoteView } from '../lib/notes';

/** The school answers an inspection note; answers are added, never replaced, so the history stays; a retried tap adds nothing. */
export const answerInspection = implement(bureauContract.actions.answerInspection, async (ctx, input, { doc: school }) => {
  const note = await findById<SupervisionNoteDoc>(ctx, 'supervisionNotes', input.noteId);
  if (!note || note.schoolId !== school._id) throw new AppError('NOT_FOUND', '没有找到本校的这条督导记录');
  const answer = { text: input.text, byName: ctx.caller.user?.name ?? '学校', at: isoNow(ctx), requestId: input.requestId };
  const updated = await writeAudited(ctx, async (t) => {
    const current = await txGet<SupervisionNoteDoc>(t, 'supervisionNotes', note._id);
    if (!current) throw new AppError('NOT_FOUND', '没有找到本校的这条督导记录');
    if (current.answers.some((a) => a.requestId === input.requestId)) return { result: current, note: null };
    const answers = [...current.answers, answer];
    await t
      .collection('supervisionNotes')
      .doc(note._id)
      .update({ data: { answers: ctx._.set(answers) } });
    return { result: { ...current, answers }, note: { targets: [{ collection: 'supervisionNotes', id: note._id }], summary: '学校答复督导记录' } };
  });
  await touchSchoolSummary(ctx, school._id, ['supervision']);
  return toNoteView(updated);
});
