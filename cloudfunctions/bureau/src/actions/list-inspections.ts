import { implement } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import { notesOf } from '../lib/notes';

/** A school's inspection notes and its answers, for its admin and its bureau's reviewers. */
export const listInspections = implement(bureauContract.actions.listInspections, async (ctx, _input, { doc: school }) => notesOf(ctx, school._id));
