import type { SupervisionNoteDoc, SupervisionNoteView } from '@kehou/shared/bureau';
import { type ActionContext, getAll } from '@kehou/shared/cloud';

export const toNoteView = (n: SupervisionNoteDoc): SupervisionNoteView => ({
  noteId: n._id,
  date: n.date,
  findings: n.findings,
  followUp: n.followUp,
  byName: n.byName,
  recordedAt: n.recordedAt,
  answers: n.answers,
});

/** A school's inspection notes, newest first. */
export const notesOf = async (ctx: ActionContext, schoolId: string) =>
  (await getAll<SupervisionNoteDoc>(ctx.collection('supervisionNotes').where({ schoolId }).orderBy('date', 'desc'))).map(toNoteView);
