import { implement } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { surveyFormOf } from '../lib/survey-form';

/** A guardian opens this term's survey for their child: the questions and the family's answer so far. */
export const getSurveyForm = implement(committeeContract.actions.getSurveyForm, async (ctx, _input, { doc: student }) => surveyFormOf(ctx, student));
