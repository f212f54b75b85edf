import { touching } from '@kehou/shared/bureau/server';
import { createCloudFunction } from '@kehou/shared/cloud';
import { feedbackContract } from '@kehou/shared/contracts';
import { answerFeedback } from './actions/answer-feedback';
import { listMyFeedback } from './actions/list-my-feedback';
import { listSchoolFeedback } from './actions/list-school-feedback';
import { markFeedbackReviewed } from './actions/mark-feedback-reviewed';
import { submitFeedback } from './actions/submit-feedback';

/** 家委会：家长意见，由本校家委会查看和答复 (000 §三(五), 004 §二(二); contract and access rules: shared/src/contracts/feedback.ts). */
export const feedbackFunction = createCloudFunction(feedbackContract, {
  // The bureau's dashboard counts open feedback from each school's summary: these keep it current.
  submitFeedback: touching(submitFeedback, ['feedback']),
  listMyFeedback,
  listSchoolFeedback,
  markFeedbackReviewed: touching(markFeedbackReviewed, ['feedback']),
  answerFeedback: touching(answerFeedback, ['feedback']),
});
