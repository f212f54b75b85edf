import { touching } from '@kehou/shared/bureau/server';
import { createCloudFunction } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { adoptRules } from './actions/adopt-rules';
import { answerSurvey } from './actions/answer-survey';
import { cancelDuty } from './actions/cancel-duty';
import { closeSurvey } from './actions/close-survey';
import { decideDuty } from './actions/decide-duty';
import { getDutyRoster } from './actions/get-duty-roster';
import { getPublicRules } from './actions/get-public-rules';
import { getRules } from './actions/get-rules';
import { getSurveyForm } from './actions/get-survey-form';
import { getSurveyResults } from './actions/get-survey-results';
import { listMyDuties } from './actions/list-my-duties';
import { openSurvey } from './actions/open-survey';
import { proposeRules } from './actions/propose-rules';
import { recordStaffCongress } from './actions/record-staff-congress';
import { signUpDuty } from './actions/sign-up-duty';
import { writeDutyNote } from './actions/write-duty-note';

/** 家委会：满意度调查、共同通过的管理制度、家长值班 (000 §三(五), 004 §二(二), §四(三)3; contract: shared/src/contracts/committee.ts). */
export const committeeFunction = createCloudFunction(committeeContract, {
  openSurvey,
  closeSurvey: touching(closeSurvey, ['satisfaction']),
  getSurveyResults,
  getSurveyForm,
  answerSurvey: touching(answerSurvey, ['satisfaction']),
  proposeRules,
  adoptRules,
  recordStaffCongress,
  getRules,
  getPublicRules,
  signUpDuty,
  cancelDuty,
  decideDuty,
  writeDutyNote,
  getDutyRoster,
  listMyDuties,
});
