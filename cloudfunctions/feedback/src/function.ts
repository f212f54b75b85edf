import { createLegacyCloudFunction } from '@kehou/shared/cloud';
import { answer } from './actions/answer';
import { listForSchool } from './actions/list-for-school';
import { markReviewed } from './actions/mark-reviewed';
import { mine } from './actions/mine';
import { submit } from './actions/submit';

/** 家委会: parents' feedback, reviewed and answered by the parent committee (000 §三(五), 004 §二(二)). */
export const feedbackFunction = createLegacyCloudFunction('feedback', {
  submit,
  mine,
  listForSchool,
  markReviewed,
  answer,
});
