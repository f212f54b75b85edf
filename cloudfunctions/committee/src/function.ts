import { createCloudFunction } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { adoptRules } from './actions/adopt-rules';
import { answerSurvey } from './actions/answer-survey';
import { closeSurvey } from './actions/close-survey';
import { getPublicRules } from './actions/get-public-rules';
import { getRules } from './actions/get-rules';
import { getSurveyForm } from './actions/get-survey-form';
import { getSurveyResults } from './actions/get-survey-results';
import { openSurvey } from './actions/open-survey';
import { proposeRules } from './actions/propose-rules';
import { recordStaffCongress } from './actions/record-staff-congress';

/** 家委会：满意度调查、共同通过的管理制度、家长值班 (000 §三(五), 004 §二(二), §四(三)3; contract: shared/src/contracts/committee.ts). */
export const committeeFunction = createCloudFunction(committeeContract, {
  openSurvey,
  closeSurvey,
  getSurveyResults,
  getSurveyForm,
  answerSurvey,
  proposeRules,
  adoptRules,
  recordStaffCongress,
  getRules,
  getPublicRules,
});
