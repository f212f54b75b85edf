import type { ClassGroup } from '@kehou/shared';
import { AppError, checkWrittenText, chinaToday, findById, implement, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import {
  applyAnswerToTally,
  emptyTallyItems,
  type SurveyAnswerDoc,
  type SurveyDoc,
  type SurveyTallyDoc,
  surveyAcceptsAnswers,
  surveyAnswerIdOf,
  surveyTallyIdOf,
} from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { surveyFormOf } from '../lib/survey-form';

/**
 * A guardian answers for one child, or changes the family's answer, while the survey is open.
 * The answer (keyed by survey and child: one per family and child, whichever guardian gives it),
 * its class's tally and the audit entry are saved in one transaction, so the counts always match
 * the answers, and a retry changes nothing. The answer keeps no openid.
 */
export const answerSurvey = implement(committeeContract.actions.answerSurvey, async (ctx, input, { doc: student }) => {
  const survey = await findById<SurveyDoc>(ctx, 'surveys', input.surveyId);
  if (!survey || survey.schoolId !== student.schoolId) throw new AppError('NOT_FOUND', '没有找到孩子学校的这份调查');
  const today = chinaToday(ctx);
  if (!surveyAcceptsAnswers(survey, today)) throw invalidState('这份调查已经结束，不能再填写或修改');
  await checkWrittenText(ctx, [{ label: '意见和建议', text: input.comment }]);
  const classGroup = await findById<ClassGroup>(ctx, 'classes', student.classId);
  const answerId = surveyAnswerIdOf(survey._id, student._id);
  const tallyId = surveyTallyIdOf(survey._id, student.classId);
  const now = isoNow(ctx);
  await writeAudited(ctx, async (t) => {
    // Read again inside the transaction: a close that came in between wins.
    const current = await txGet<SurveyDoc>(t, 'surveys', survey._id);
    if (!current || !surveyAcceptsAnswers(current, today)) throw invalidState('这份调查已经结束，不能再填写或修改');
    const before = await txGet<SurveyAnswerDoc>(t, 'surveyAnswers', answerId);
    if (before && before.comment === input.comment && sameRatings(before.ratings, input.ratings)) return { result: undefined, note: null };
    const tally = (await txGet<SurveyTallyDoc>(t, 'surveyTallies', tallyId)) ?? {
      _id: tallyId,
      surveyId: survey._id,
      schoolId: survey.schoolId,
      classId: student.classId,
      className: classGroup?.name ?? '',
      answers: 0,
      items: emptyTallyItems(),
    };
    // A child who changed class since answering: the answer leaves the old class's tally for the new one.
    const movedFrom = before && before.classId !== student.classId ? before.classId : null;
    const next = applyAnswerToTally(tally, movedFrom ? null : (before?.ratings ?? null), input.ratings);
    const oldTallyId = movedFrom ? surveyTallyIdOf(survey._id, movedFrom) : null;
    const oldTally = oldTallyId ? await txGet<SurveyTallyDoc>(t, 'surveyTallies', oldTallyId) : null;
    const answer: Omit<SurveyAnswerDoc, '_id'> = {
      surveyId: survey._id,
      schoolId: survey.schoolId,
      classId: student.classId,
      studentId: student._id,
      ratings: input.ratings,
      comment: input.comment,
      hasComment: input.comment.length > 0,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      revision: (before?.revision ?? -1) + 1,
    };
    const { _id: _tallyId, ...tallyData } = { ...tally, ...next };
    await t.collection('surveyAnswers').doc(answerId).set({ data: answer });
    await t.collection('surveyTallies').doc(tallyId).set({ data: tallyData });
    if (oldTallyId && oldTally && before) {
      await t
        .collection('surveyTallies')
        .doc(oldTallyId)
        .update({ data: applyAnswerToTally(oldTally, before.ratings, null) });
    }
    return {
      result: undefined,
      note: {
        targets: [
          { collection: 'surveyAnswers', id: answerId },
          { collection: 'surveyTallies', id: tallyId },
          ...(oldTallyId ? [{ collection: 'surveyTallies' as const, id: oldTallyId }] : []),
        ],
        summary: before ? '家长修改满意度调查答卷' : '家长填写满意度调查',
      },
    };
  });
  return surveyFormOf(ctx, student, survey._id);
});

const sameRatings = (a: Record<string, number>, b: Record<string, number>) => Object.keys(b).every((k) => a[k] === b[k]);
